import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Collapse, Space, Tag, Typography } from 'antd';
import { useNavigate, useParams } from 'react-router-dom';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { CYCLE_STATUS_LABELS } from '../../../../src/modules/accreditation/labels.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { fill, useI18n, useMessages } from '../../shared/i18n.ts';
import { STATUS_COLORS } from './AccreditationPage.tsx';
import { AnalysisSheet } from './AnalysisSheet.tsx';
import { accreditationApi } from './api.ts';
import { CopiesPanel } from './CopiesPanel.tsx';
import { CouncilPanel } from './CouncilPanel.tsx';
import { CriterionTextForm } from './CriterionTextForm.tsx';
import { EvidencePanel } from './EvidencePanel.tsx';
import { ExternalRating } from './ExternalRating.tsx';
import { FiguresPanel } from './FiguresPanel.tsx';
import { LevelFourPanel } from './LevelFourPanel.tsx';
import { messages } from './messages.ts';
import { PlanPanel } from './PlanPanel.tsx';
import { PublishPanel } from './PublishPanel.tsx';
import { RequirementRow } from './RequirementRow.tsx';
import { ReviewPanel } from './ReviewPanel.tsx';

/** A school's self-assessment: level and its reasons, ratings per criterion, evidence, council, review. */
export default function CyclePage() {
  const { id = '' } = useParams();
  const m = useMessages(messages);
  const { lang } = useI18n();
  const navigate = useNavigate();
  const client = useQueryClient();
  const key = ['accreditation', 'cycle', id];
  const cycle = useQuery({ queryKey: key, queryFn: () => accreditationApi.cycle(id) });
  const saved = (c: CycleDetail) => client.setQueryData(key, c);
  const reload = () => void client.invalidateQueries({ queryKey: key });
  if (cycle.error) return <ErrorResult error={cycle.error} />;
  const c = cycle.data;
  if (!c) return null;
  const level =
    c.evaluation.level === 0 ? m.levelNone : m.levelN.replace('{n}', String(c.evaluation.level));
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Button onClick={() => navigate('/kiem-dinh')}>{m.back}</Button>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {c.school.name}
      </Typography.Title>
      <Space wrap>
        <Tag color={STATUS_COLORS[c.status]}>{CYCLE_STATUS_LABELS[c.status][lang]}</Tag>
        <Typography.Text type="secondary">
          {c.campaign.name} · {c.campaign.set.name}
        </Typography.Text>
      </Space>
      <Alert
        type={c.evaluation.level > 0 ? 'success' : 'info'}
        message={`${m.level}: ${level}`}
        description={
          <>
            {c.evaluation.reasons.map((r) => (
              <div key={r}>{r}</div>
            ))}
            {!c.evaluation.confirmed && <div>{m.unconfirmedRule}</div>}
            {c.externalEvaluation && (
              <div>
                {m.externalLevel}:{' '}
                {c.externalEvaluation.level === 0
                  ? m.levelNone
                  : m.levelN.replace('{n}', String(c.externalEvaluation.level))}
                {c.externalEvaluation.reasons.map((r) => (
                  <div key={r}>{r}</div>
                ))}
              </div>
            )}
          </>
        }
      />
      {c.campaign.set.confidence !== 'confirmed' && (
        <Alert type="warning" message={m.confidence} description={c.campaign.set.confidenceNote} />
      )}
      <ReviewPanel cycle={c} onSaved={saved} />
      <PublishPanel cycle={c} onSaved={saved} />
      {c.canSeeCopies && <CopiesPanel cycle={c} />}
      <EvidencePanel cycle={c} onChanged={reload} />
      <FiguresPanel cycle={c} />
      <CouncilPanel cycle={c} onSaved={saved} />
      <PlanPanel cycle={c} onSaved={saved} />
      <LevelFourPanel cycle={c} onSaved={saved} />
      <Collapse
        items={c.standards.map((s) => ({
          key: s.code,
          label: fill(m.standardHeading, { code: s.code, name: s.name }),
          children: (
            <Space direction="vertical" style={{ width: '100%' }}>
              {s.criteria.map((cr) => (
                <Card
                  key={cr.code}
                  size="small"
                  title={`${m.criterion} ${cr.code}: ${cr.name}`}
                  extra={
                    <Tag>{cr.level === 0 ? m.levelNone : `${m.criterionLevel} ${cr.level}`}</Tag>
                  }
                >
                  {cr.assignedTo.length > 0 && (
                    <Typography.Text type="secondary">
                      {m.assigned}: {cr.assignedTo.join(', ')}
                    </Typography.Text>
                  )}
                  <ExternalRating cycle={c} criterion={cr} onSaved={saved} />
                  {cr.requirements.map((r) => (
                    <RequirementRow
                      key={`${r.code}:${String(r.met)}:${r.justification}`}
                      cycleId={c.id}
                      requirement={r}
                      editable={c.canAssess}
                      onSaved={saved}
                    />
                  ))}
                  <AnalysisSheet cycle={c} criterion={cr} onSaved={saved} onReload={reload} />
                  <CriterionTextForm
                    key={cr.code}
                    cycle={c}
                    criterion={cr}
                    onSaved={saved}
                    onReload={reload}
                  />
                </Card>
              ))}
            </Space>
          ),
        }))}
      />
    </Space>
  );
}
