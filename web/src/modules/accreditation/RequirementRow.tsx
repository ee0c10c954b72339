import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { CriterionView, CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

type Requirement = CriterionView['requirements'][number];

/** One requirement: met / not met and the justification citing evidence codes. */
export function RequirementRow({
  cycleId,
  requirement,
  editable,
  onSaved,
}: {
  cycleId: string;
  requirement: Requirement;
  editable: boolean;
  onSaved: (cycle: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [met, setMet] = useState<boolean | null>(requirement.met);
  const [justification, setJustification] = useState(requirement.justification);
  const save = useMutation({
    mutationFn: () =>
      accreditationApi.rate(cycleId, {
        requirementCode: requirement.code,
        met: met ?? false,
        justification,
      }),
    onSuccess: (cycle) => {
      onSaved(cycle);
      message.success(m.saved);
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <div style={{ borderTop: '1px solid #f0f0f0', padding: '8px 0' }}>
      <Typography.Text strong>
        {fill(m.requirementHeading, {
          level: String(requirement.level),
          letter: requirement.letter,
        })}
      </Typography.Text>{' '}
      <Typography.Text>{requirement.text}</Typography.Text>
      {editable ? (
        <Space direction="vertical" style={{ width: '100%', marginTop: 4 }}>
          <Radio.Group
            value={met}
            onChange={(e) => setMet(e.target.value as boolean)}
            aria-label={`${m.met} ${requirement.code}`}
          >
            <Radio value={true}>{m.met}</Radio>
            <Radio value={false}>{m.notMet}</Radio>
          </Radio.Group>
          <Input.TextArea
            aria-label={`${m.justification} ${requirement.code}`}
            placeholder={m.justification}
            autoSize={{ minRows: 2 }}
            maxLength={10000}
            value={justification}
            onChange={(e) => setJustification(e.target.value)}
          />
          <Button
            size="small"
            disabled={met === null}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {m.saveRating} {requirement.code}
          </Button>
        </Space>
      ) : (
        <div>
          <Typography.Text type={requirement.met ? 'success' : 'secondary'}>
            {requirement.met === null ? m.notRated : requirement.met ? m.met : m.notMet}
          </Typography.Text>
          {requirement.justification && <div>{requirement.justification}</div>}
        </div>
      )}
      {requirement.evidence.length > 0 && (
        <Typography.Text type="secondary">
          {m.evidence}: {requirement.evidence.map((e) => e.code).join(', ')}
        </Typography.Text>
      )}
    </div>
  );
}
