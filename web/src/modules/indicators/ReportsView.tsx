import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Select, Space, Table, Tag, Typography } from 'antd';
import { NumberInput } from '../../shared/NumberInput.tsx';
import { useState } from 'react';
import type { ReportForm, UnitBrief } from '../../../../src/modules/indicators/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { problemText } from '../../shared/api.ts';
import { fill, useMessages } from '../../shared/i18n.ts';
import { indicatorsApi, indicatorsFiles } from './api.ts';
import { dateTime, integers, type Lang } from './format.ts';
import { messages } from './messages.ts';
import { UnitLink } from './UnitLink.tsx';

type Period = 'start' | 'end';
type Status = ReportForm['status'];
const STATUS_COLOR: Record<Status, string> = {
  not_started: 'default',
  draft: 'processing',
  submitted: 'warning',
  approved: 'success',
};
const ddmmyyyy = (iso: string) => iso.split('-').reverse().join('/');

/** The statistical reports: a school's form, or the list of the unit's schools with their status. */
export function ReportsView(props: {
  year: string;
  unit: UnitBrief;
  lang: Lang;
  onDrill: (u: UnitBrief) => void;
}) {
  const m = useMessages(messages);
  const [period, setPeriod] = useState<Period>('start');
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select
        aria-label={m.period}
        value={period}
        onChange={setPeriod}
        style={{ width: 260 }}
        options={[
          { value: 'start', label: m.periodStart },
          { value: 'end', label: m.periodEnd },
        ]}
      />
      {props.unit.kind === 'school' ? (
        <SchoolReport {...props} period={period} />
      ) : (
        <ReportList {...props} period={period} />
      )}
    </Space>
  );
}

function ReportList({
  year,
  unit,
  lang,
  onDrill,
  period,
}: {
  year: string;
  unit: UnitBrief;
  lang: Lang;
  onDrill: (u: UnitBrief) => void;
  period: Period;
}) {
  const m = useMessages(messages);
  const list = useQuery({
    queryKey: ['indicators-reports', year, unit.id, period],
    queryFn: () => indicatorsApi.reports({ year, unitId: unit.id, period }),
  });
  if (list.error) return <ErrorResult error={list.error} />;
  if (!list.data) return null;
  const d = list.data;
  return (
    <Card
      size="small"
      title={`${m.dueDate}: ${ddmmyyyy(d.dueDate)}`}
      extra={
        <Button size="small" href={indicatorsFiles.reportTable({ year, period, unitId: unit.id })}>
          {m.exportXlsx}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 8 }} data-testid="report-counts">
        {(['not_started', 'draft', 'submitted', 'approved'] as const).map((s) => (
          <Tag key={s} color={STATUS_COLOR[s]}>
            {m[`status_${s}`]}: {integers(lang).format(d.counts[s] ?? 0)}
          </Tag>
        ))}
      </Space>
      <Table
        size="small"
        rowKey={(s) => s.unit.id}
        dataSource={d.schools}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: m.school, render: (_, s) => <UnitLink unit={s.unit} onDrill={onDrill} /> },
          {
            title: m.status,
            render: (_, s) => <Tag color={STATUS_COLOR[s.status]}>{m[`status_${s.status}`]}</Tag>,
          },
          {
            title: m.submittedAt,
            render: (_, s) => (s.submittedAt ? dateTime(s.submittedAt, lang) : '—'),
          },
          {
            title: m.remindedOn,
            render: (_, s) => (s.remindedOn ? ddmmyyyy(s.remindedOn) : '—'),
          },
        ]}
      />
    </Card>
  );
}

function SchoolReport({
  year,
  unit,
  lang,
  period,
}: {
  year: string;
  unit: UnitBrief;
  lang: Lang;
  period: Period;
}) {
  const m = useMessages(messages);
  const client = useQueryClient();
  const key = ['indicators-report', unit.id, year, period];
  const form = useQuery({
    queryKey: key,
    queryFn: () => indicatorsApi.reportForm(unit.id, year, period),
  });
  const [entered, setEntered] = useState<Record<string, number | null>>({});
  const done = (data: ReportForm) => {
    client.setQueryData(key, data);
    setEntered({});
  };
  const save = useMutation({
    mutationFn: (submit: boolean) => {
      const values: Record<string, number> = {};
      for (const l of form.data!.lines) {
        if (l.source !== 'entered') continue;
        const v = l.id in entered ? entered[l.id] : l.value;
        if (Number.isNaN(v)) throw new Error(fill(m.badLineNumber, { line: l.name[lang] }, lang));
        if (v !== null && v !== undefined) values[l.id] = v;
      }
      return indicatorsApi.saveReport(unit.id, { year, period, entered: values, submit });
    },
    onSuccess: done,
  });
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'return') =>
      indicatorsApi.decideReport(unit.id, { year, period, decision }),
    onSuccess: done,
  });
  if (form.error) return <ErrorResult error={form.error} />;
  if (!form.data) return null;
  const f = form.data;
  const ints = integers(lang);
  const error = save.error ?? decide.error;
  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{`${m.dueDate}: ${ddmmyyyy(f.dueDate)}`}</span>
          <Tag color={STATUS_COLOR[f.status]} data-testid="report-status">
            {m[`status_${f.status}`]}
          </Tag>
        </Space>
      }
      extra={
        <Button
          size="small"
          href={indicatorsFiles.reportPdf(unit.id, year, period)}
          target="_blank"
        >
          {m.printPdf}
        </Button>
      }
    >
      {f.remindedOn && f.status !== 'approved' && f.status !== 'submitted' && (
        <Alert type="warning" showIcon message={`${m.remindedOn}: ${ddmmyyyy(f.remindedOn)}`} />
      )}
      {error && (
        <Alert type="error" showIcon message={problemText(error)} style={{ marginTop: 8 }} />
      )}
      <Table
        size="small"
        rowKey="level"
        pagination={false}
        scroll={{ x: 'max-content' }}
        style={{ marginTop: 8 }}
        dataSource={f.levels}
        columns={[
          { title: m.level, render: (_, l) => m[l.level] },
          { title: m.classes, align: 'right', render: (_, l) => ints.format(l.classes) },
          {
            title: m.twoSessions,
            align: 'right',
            render: (_, l) => ints.format(l.classesTwoSessions),
          },
          { title: m.students, align: 'right', render: (_, l) => ints.format(l.students) },
          { title: m.female, align: 'right', render: (_, l) => ints.format(l.femaleStudents) },
          {
            title: m.ethnic,
            align: 'right',
            render: (_, l) => ints.format(l.ethnicMinorityStudents),
          },
        ]}
      />
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        style={{ marginTop: 12 }}
        dataSource={f.lines}
        columns={[
          { title: m.line, render: (_, l) => l.name[lang] },
          {
            title: m.value,
            align: 'right',
            render: (_, l) =>
              l.source === 'entered' && f.canEdit ? (
                <NumberInput
                  aria-label={l.name[lang]}
                  min={0}
                  precision={0}
                  value={l.id in entered ? entered[l.id] : l.value}
                  onChange={(v) => setEntered((e) => ({ ...e, [l.id]: v }))}
                />
              ) : l.value === null ? (
                <Typography.Text type="secondary">{m.notEntered}</Typography.Text>
              ) : (
                ints.format(l.value)
              ),
          },
          {
            title: m.lineSource,
            render: (_, l) => (l.source === 'sogd' ? m.fromSogd : m.enteredBySchool),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        {f.canEdit && (
          <>
            <Button onClick={() => save.mutate(false)} loading={save.isPending}>
              {m.saveDraft}
            </Button>
            <Button type="primary" onClick={() => save.mutate(true)} loading={save.isPending}>
              {m.submit}
            </Button>
          </>
        )}
        {f.canDecide && (
          <>
            <Button type="primary" onClick={() => decide.mutate('approve')}>
              {m.approve}
            </Button>
            <Button danger onClick={() => decide.mutate('return')}>
              {m.returnReport}
            </Button>
          </>
        )}
      </Space>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
      >
        {m.source}: {f.source}
      </Typography.Paragraph>
    </Card>
  );
}
