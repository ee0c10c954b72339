import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Input, Select, Space, Tag } from 'antd';
import { useState } from 'react';
import type { CriterionView, CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** The external team's level beside the school's (red when they differ); reviewers record it. */
export function ExternalRating({
  cycle,
  criterion,
  onSaved,
}: {
  cycle: CycleDetail;
  criterion: CriterionView;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [level, setLevel] = useState<number>(criterion.external?.level ?? criterion.level);
  const [comment, setComment] = useState(criterion.external?.comment ?? '');
  const top = Math.max(...criterion.requirements.map((r) => r.level));
  const save = useMutation({
    mutationFn: () =>
      accreditationApi.rateExternal(cycle.id, { criterionCode: criterion.code, level, comment }),
    onSuccess: onSaved,
    onError: (e) => message.error(problemText(e)),
  });
  const editable =
    cycle.canSeeCopies && (cycle.status === 'submitted' || cycle.status === 'accepted');
  return (
    <Space wrap style={{ marginTop: 8 }}>
      {criterion.external && (
        <Tag color={criterion.differs ? 'red' : 'green'}>
          {m.external}:{' '}
          {criterion.external.level === 0
            ? m.levelNone
            : `${m.criterionLevel} ${criterion.external.level}`}
          {criterion.external.comment ? ` · ${criterion.external.comment}` : ''}
        </Tag>
      )}
      {editable && (
        <>
          <Select
            aria-label={`${m.external} ${criterion.code}`}
            value={level}
            onChange={setLevel}
            style={{ minWidth: 120 }}
            options={Array.from({ length: top + 1 }, (_, n) => ({
              value: n,
              label: n === 0 ? m.levelNone : `${m.criterionLevel} ${n}`,
            }))}
          />
          <Input
            placeholder={m.comment}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={5000}
          />
          <Button size="small" loading={save.isPending} onClick={() => save.mutate()}>
            {m.saveExternal}
          </Button>
        </>
      )}
    </Space>
  );
}
