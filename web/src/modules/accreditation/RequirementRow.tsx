import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Typography } from 'antd';
import type { CriterionView, CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';
import { MetRating } from './MetRating.tsx';

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
  const save = useMutation({
    mutationFn: (v: { met: boolean; justification: string }) =>
      accreditationApi.rate(cycleId, { requirementCode: requirement.code, ...v }),
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
      <MetRating
        code={requirement.code}
        met={requirement.met}
        justification={requirement.justification}
        evidence={requirement.evidence}
        editable={editable}
        maxLength={10000}
        saving={save.isPending}
        onSave={(met, justification) => save.mutate({ met, justification })}
      />
    </div>
  );
}
