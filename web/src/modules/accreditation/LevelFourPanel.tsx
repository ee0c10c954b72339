import { useMutation } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { LevelFourHistory } from './LevelFourHistory.tsx';
import { messages } from './messages.ts';
import { MetRating } from './MetRating.tsx';

type Four = NonNullable<CycleDetail['levelFour']>;
type FourCriterion = Four['criteria'][number];

/**
 * Mức 4 (TT 17/18/19-2018): its own list of criteria, rated once the school
 * is at Mức 3. The wording is the department's entry from the circular; the
 * set ships placeholders, shown as such (docs/accreditation.md). The
 * external team records its own met / not met beside the school's (red where
 * they differ).
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
  const reviewing =
    cycle.canSeeCopies && (cycle.status === 'submitted' || cycle.status === 'accepted');
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
        {entered && (
          <Space wrap>
            <Typography.Text type="secondary">
              {m.levelFourSource}: {four.source} ·{' '}
              {fill(m.levelFourVersion, {
                version: four.version,
                who: four.updatedBy ?? '',
                at: four.updatedAt ? formatDate(four.updatedAt, true) : '',
              })}
            </Typography.Text>
            <LevelFourHistory setId={four.setId} />
          </Space>
        )}
        {four.criteria.map((c) => (
          <div
            key={`${c.code}:${String(c.met)}:${c.justification}`}
            data-testid={`level-four-${c.code}`}
            style={{ borderTop: '1px solid #f0f0f0', paddingTop: 8 }}
          >
            <LevelFourRow
              cycleId={cycle.id}
              criterion={c}
              editable={cycle.canAssess && four.open && c.text !== null}
              onSaved={onSaved}
            />
            {(c.external || (reviewing && c.text !== null)) && (
              <ExternalLevelFour
                key={`${String(c.external?.met)}:${c.external?.comment ?? ''}`}
                cycleId={cycle.id}
                criterion={c}
                editable={reviewing && c.text !== null}
                onSaved={onSaved}
              />
            )}
          </div>
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
  criterion: FourCriterion;
  editable: boolean;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const save = useMutation({
    mutationFn: (v: { met: boolean; justification: string }) =>
      accreditationApi.rateLevelFour(cycleId, { code: criterion.code, ...v }),
    onSuccess: (c) => {
      onSaved(c);
      message.success(m.saved);
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <>
      <Space wrap>
        <Typography.Text strong>{criterion.code}</Typography.Text>
        <Tag>{criterion.met === null ? m.notRated : criterion.met ? m.met : m.notMet}</Tag>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap' }}>{criterion.text ?? m.levelFourPlaceholder}</div>
      <MetRating
        code={criterion.code}
        met={criterion.met}
        justification={criterion.justification}
        evidence={criterion.evidence}
        editable={editable}
        maxLength={5000}
        saving={save.isPending}
        showStatus={false}
        onSave={(met, justification) => save.mutate({ met, justification })}
      />
    </>
  );
}

/** The external team's met / not met for one Mức 4 criterion, beside the school's. */
function ExternalLevelFour({
  cycleId,
  criterion,
  editable,
  onSaved,
}: {
  cycleId: string;
  criterion: FourCriterion;
  editable: boolean;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const x = criterion.external;
  const [met, setMet] = useState<boolean | null>(x?.met ?? null);
  const [comment, setComment] = useState(x?.comment ?? '');
  const save = useMutation({
    mutationFn: () =>
      accreditationApi.rateExternalLevelFour(cycleId, {
        code: criterion.code,
        met: met ?? false,
        comment,
      }),
    onSuccess: onSaved,
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <Space wrap style={{ marginTop: 8 }}>
      {x && (
        <Tag color={criterion.differs ? 'red' : 'green'}>
          {m.external}: {x.met ? m.met : m.notMet}
          {x.comment ? ` · ${x.comment}` : ''}
        </Tag>
      )}
      {editable && (
        <>
          <Radio.Group
            value={met}
            onChange={(e) => setMet(e.target.value as boolean)}
            aria-label={`${m.external} ${criterion.code}`}
          >
            <Radio value={true}>{m.met}</Radio>
            <Radio value={false}>{m.notMet}</Radio>
          </Radio.Group>
          <Input
            aria-label={`${m.comment} ${m.external} ${criterion.code}`}
            placeholder={m.comment}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            maxLength={5000}
          />
          <Button
            size="small"
            disabled={met === null}
            loading={save.isPending}
            onClick={() => save.mutate()}
          >
            {m.saveExternal} {criterion.code}
          </Button>
        </>
      )}
    </Space>
  );
}
