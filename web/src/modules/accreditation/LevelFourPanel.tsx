import { useMutation } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

type Four = NonNullable<CycleDetail['levelFour']>;

/**
 * Mức 4 (TT 17/18/19-2018): its own list of criteria, rated once the school
 * is at Mức 3. The wording is the department's entry from the circular; the
 * set ships placeholders, shown as such (docs/accreditation.md).
 */
export function LevelFourPanel({
  cycle,
  onSaved,
}: {
  cycle: CycleDetail;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const four = cycle.levelFour;
  if (!four) return null;
  const entered = four.version > 0;
  return (
    <Card size="small" title={fill(m.levelFourTitle, { n: four.level })} data-testid="level-four">
      <Space direction="vertical" style={{ width: '100%' }}>
        {!four.confirmed && <Alert type="warning" showIcon message={four.note} />}
        {!entered && <Alert type="info" message={m.levelFourNotEntered} />}
        {entered && !four.open && (
          <Typography.Text type="secondary">
            {fill(m.levelFourClosed, { below: four.level - 1 })}
          </Typography.Text>
        )}
        {entered && four.source && (
          <Typography.Text type="secondary">
            {m.levelFourSource}: {four.source}
          </Typography.Text>
        )}
        {four.criteria.map((c) => (
          <LevelFourRow
            key={`${c.code}:${String(c.met)}:${c.justification}`}
            cycleId={cycle.id}
            criterion={c}
            editable={cycle.canAssess && four.open && c.text !== null}
            onSaved={onSaved}
          />
        ))}
      </Space>
    </Card>
  );
}

function LevelFourRow({
  cycleId,
  criterion,
  editable,
  onSaved,
}: {
  cycleId: string;
  criterion: Four['criteria'][number];
  editable: boolean;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [met, setMet] = useState<boolean | null>(criterion.met);
  const [justification, setJustification] = useState(criterion.justification);
  const save = useMutation({
    mutationFn: () =>
      accreditationApi.rateLevelFour(cycleId, {
        code: criterion.code,
        met: met ?? false,
        justification,
      }),
    onSuccess: (c) => {
      onSaved(c);
      message.success(m.saved);
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}>
      <Space wrap>
        <Typography.Text strong>{criterion.code}</Typography.Text>
        <Tag>{criterion.met === null ? m.notRated : criterion.met ? m.met : m.notMet}</Tag>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap' }}>{criterion.text ?? m.levelFourPlaceholder}</div>
      {editable ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 4 }}>
          <Radio.Group
            value={met}
            onChange={(e) => setMet(e.target.value as boolean)}
            aria-label={`${m.met} ${criterion.code}`}
          >
            <Radio value={true}>{m.met}</Radio>
            <Radio value={false}>{m.notMet}</Radio>
          </Radio.Group>
          <Input.TextArea
            aria-label={`${m.justification} ${criterion.code}`}
            placeholder={m.justification}
            autoSize={{ minRows: 2 }}
            maxLength={5000}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
          <Button
            size="small"
            disabled={met === null}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {m.saveRating} {criterion.code}
          </Button>
        </Space>
      ) : (
        criterion.justification && <div>{criterion.justification}</div>
      )}
      {criterion.evidence.length > 0 && (
        <Typography.Text type="secondary">
          {m.evidence}: {criterion.evidence.map((e) => e.code).join(', ')}
        </Typography.Text>
      )}
    </div>
  );
}
