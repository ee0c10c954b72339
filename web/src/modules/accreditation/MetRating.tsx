import { Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useMessages } from '../../shared/i18n.ts';
import { messages } from './messages.ts';

/**
 * Met / not met with the justification citing evidence codes, and its save
 * button: a requirement's rating (RequirementRow) and a Mức 4 criterion's
 * (LevelFourPanel). Read-only it shows the rating (unless the row shows it
 * already) and the justification; both show the evidence cited.
 */
export function MetRating({
  code,
  met: savedMet,
  justification: savedJustification,
  evidence,
  editable,
  maxLength,
  saving,
  showStatus = true,
  onSave,
}: {
  code: string;
  met: boolean | null;
  justification: string;
  evidence: readonly { code: string }[];
  editable: boolean;
  maxLength: number;
  saving: boolean;
  /** Read-only: show the rating (false where the row shows it already). */
  showStatus?: boolean;
  onSave: (met: boolean, justification: string) => void;
}) {
  const m = useMessages(messages);
  const [met, setMet] = useState<boolean | null>(savedMet);
  const [justification, setJustification] = useState(savedJustification);
  return (
    <>
      {editable ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 4 }}>
          <Radio.Group
            value={met}
            onChange={(e) => setMet(e.target.value as boolean)}
            aria-label={`${m.met} ${code}`}
          >
            <Radio value={true}>{m.met}</Radio>
            <Radio value={false}>{m.notMet}</Radio>
          </Radio.Group>
          <Input.TextArea
            aria-label={`${m.justification} ${code}`}
            placeholder={m.justification}
            autoSize={{ minRows: 2 }}
            maxLength={maxLength}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
          <Button
            size="small"
            disabled={met === null}
            loading={saving}
            onClick={() => onSave(met ?? false, justification)}
          >
            {m.saveRating} {code}
          </Button>
        </Space>
      ) : (
        <div>
          {showStatus && (
            <Typography.Text type={savedMet ? 'success' : 'secondary'}>
              {savedMet === null ? m.notRated : savedMet ? m.met : m.notMet}
            </Typography.Text>
          )}
          {savedJustification && <div>{savedJustification}</div>}
        </div>
      )}
      {evidence.length > 0 && (
        <Typography.Text type="secondary">
          {m.evidence}: {evidence.map((e) => e.code).join(', ')}
        </Typography.Text>
      )}
    </>
  );
}
