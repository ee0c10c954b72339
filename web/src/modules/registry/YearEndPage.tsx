import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Checkbox, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { initialSchool, SchoolPicker } from '../../shared/SchoolPicker.tsx';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import type { ClassPlan, PromotionPlan } from '../../../../src/modules/registry/contract.ts';
import { registryApi } from './api.ts';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';
import { yearEndMessages } from './yearEndMessages.ts';

// The school picker moved to shared/; still exported here for pages that import it from here.
export { initialSchool, SchoolPicker } from '../../shared/SchoolPicker.tsx';

type YearEndText = Record<keyof (typeof yearEndMessages)['vi'], string>;

function targetLabel(c: ClassPlan, m: YearEndText) {
  if (c.action === 'graduate') return <Tag color="gold">{m.graduateTag}</Tag>;
  if (c.action === 'manual') return <Tag>{m.manualTag}</Tag>;
  if (!c.target) return null;
  return (
    <Space size={4}>
      {c.target.name}
      {c.target.exists ? <Tag>{m.existsTag}</Tag> : <Tag color="green">{m.newTag}</Tag>}
    </Space>
  );
}

export default function YearEndPage({ me }: { me: Me }) {
  const { message, modal } = App.useApp();
  const m = useMessages(yearEndMessages);
  const [school, setSchool] = useState(initialSchool(me));
  const [fromYear, setFromYear] = useState(currentSchoolYear());
  const [repeaters, setRepeaters] = useState<string[]>([]);
  const [requested, setRequested] = useState(false);
  const [applied, setApplied] = useState<PromotionPlan | null>(null);
  const body = { schoolId: school?.id ?? '', fromYear, repeaterIds: repeaters };
  const preview = useQuery({
    queryKey: ['promotion-preview', school?.id, fromYear, repeaters],
    queryFn: () => registryApi.promotionPreview(body),
    enabled: requested && Boolean(school),
    // Ticking a repeater re-plans without folding the table away.
    placeholderData: keepPreviousData,
  });
  const apply = useMutation({
    mutationFn: () => registryApi.promote(body),
    onSuccess: (r) => {
      setApplied(r);
      void message.success(fill(m.doneMessage, { ...r.totals }, 'vi'));
      void preview.refetch();
    },
    onError: (e) => void message.error(problemText(e)),
  });
  const toggle = (id: string, on: boolean) =>
    setRepeaters((list) => (on ? [...list, id] : list.filter((x) => x !== id)));
  const plan = preview.data;
  const confirm = () => {
    if (!plan) return;
    modal.confirm({
      title: fill(m.confirmTitle, {
        school: plan.school.name,
        from: plan.fromYear,
        to: plan.toYear,
      }),
      content: fill(m.confirmContent, { ...plan.totals, to: plan.toYear }, 'vi'),
      okText: m.applyOk,
      cancelText: m.cancel,
      onOk: () => apply.mutateAsync(),
    });
  };
  const studentRows = (c: ClassPlan) => [
    ...c.promoted.map((s) => ({ ...s, what: 'promoted' as const })),
    ...c.graduating.map((s) => ({ ...s, what: 'graduating' as const })),
    ...c.repeating.map((s) => ({ ...s, what: 'repeating' as const })),
    ...c.skipped.map((s) => ({ ...s, what: 'skipped' as const })),
    ...c.notPromoted.map((s) => ({ ...s, what: 'notPromoted' as const })),
  ];
  const labels = {
    promoted: m.whatPromoted,
    graduating: m.whatGraduating,
    repeating: m.whatRepeating,
    skipped: m.whatSkipped,
    notPromoted: m.whatNotPromoted,
  };
  return (
    <Card title={m.title}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert type="info" message={m.intro} />
        <Space wrap>
          <SchoolPicker me={me} value={school} onChange={(s) => (setSchool(s), setRepeaters([]))} />
          <SchoolYearSelect
            value={fromYear}
            onChange={(y) => (setFromYear(y), setApplied(null))}
            ariaLabel={m.endingYear}
          />
          <Button onClick={() => setRequested(true)} disabled={!school}>
            {m.preview}
          </Button>
          <Button
            type="primary"
            onClick={confirm}
            disabled={
              !plan ||
              apply.isPending ||
              (!plan.totals.promoted && !plan.totals.repeating && !plan.totals.graduating)
            }
          >
            {m.apply}
          </Button>
        </Space>
        {preview.error && <ErrorResult error={preview.error} />}
        {applied && (
          <Alert
            type="success"
            message={fill(
              m.applied,
              { ...applied.totals, from: applied.fromYear, to: applied.toYear },
              'vi',
            )}
          />
        )}
        {plan && (
          <>
            <Alert
              data-testid="promotion-totals"
              type="warning"
              message={fill(
                m.totals,
                { ...plan.totals, from: plan.fromYear, to: plan.toYear },
                'vi',
              )}
            />
            <Table
              rowKey={(c) => c.source.id}
              size="small"
              pagination={false}
              loading={preview.isFetching}
              dataSource={plan.classes}
              scroll={{ x: true }}
              expandable={{
                expandedRowRender: (c) => (
                  <Table
                    rowKey="id"
                    size="small"
                    pagination={false}
                    dataSource={studentRows(c)}
                    columns={[
                      { title: m.colFullName, dataIndex: 'fullName' },
                      {
                        title: m.colBirthDate,
                        dataIndex: 'birthDate',
                        render: (d: string) => formatDate(d),
                      },
                      {
                        title: m.colPlanned,
                        dataIndex: 'what',
                        render: (w: keyof typeof labels) => <Tag>{labels[w]}</Tag>,
                      },
                      {
                        title: m.colRepeat,
                        render: (_v, s) =>
                          c.source.grade !== null &&
                          ['promoted', 'graduating', 'repeating'].includes(s.what) ? (
                            <Checkbox
                              aria-label={fill(m.repeatAria, { name: s.fullName })}
                              checked={repeaters.includes(s.id)}
                              onChange={(e) => toggle(s.id, e.target.checked)}
                            />
                          ) : null,
                      },
                    ]}
                  />
                ),
              }}
              columns={[
                { title: m.colClass, render: (_v, c) => c.source.name },
                { title: m.colGrade, render: (_v, c) => c.source.grade ?? m.preschool },
                { title: m.colSize, render: (_v, c) => c.source.students },
                { title: m.colNextYear, render: (_v, c) => targetLabel(c, m) },
                { title: m.colPromoted, render: (_v, c) => c.promoted.length },
                {
                  title: m.colRepeating,
                  render: (_v, c) =>
                    c.repeating.length
                      ? `${c.repeating.length} (${c.repeatTarget?.name ?? ''}${c.repeatTarget && !c.repeatTarget.exists ? m.newSuffix : ''})`
                      : 0,
                },
                { title: m.colGraduating, render: (_v, c) => c.graduating.length },
                { title: m.colSkipped, render: (_v, c) => c.skipped.length },
                { title: m.colNote, render: (_v, c) => c.note },
              ]}
            />
          </>
        )}
      </Space>
    </Card>
  );
}
