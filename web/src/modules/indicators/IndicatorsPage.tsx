import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Grid, Select, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import type { UnitBrief } from '../../../../src/modules/indicators/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import type { Me } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { indicatorsApi } from './api.ts';
import { integers, LEVELS, yearOptions, type Level } from './format.ts';
import { IndicatorsView } from './IndicatorsView.tsx';
import { messages } from './messages.ts';
import { BudgetDialog } from './BudgetDialog.tsx';
import { PlanDialog } from './PlanDialog.tsx';
import { PlanImportDialog } from './PlanImportDialog.tsx';
import { QualityView } from './QualityView.tsx';
import { ReportsView } from './ReportsView.tsx';
import { SatisfactionCard } from './SatisfactionCard.tsx';
import { SubjectNeedView } from './SubjectNeedView.tsx';
import { TeachersView } from './TeachersView.tsx';

export default function IndicatorsPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('don-vi') ?? me.orgUnit.id;
  // ?year= when linked from elsewhere (the surveys' results), else the current school year.
  const linkedYear = params.get('year');
  const [year, setYear] = useState(
    linkedYear && /^\d{4}-\d{4}$/.test(linkedYear) ? linkedYear : currentSchoolYear(),
  );
  const [level, setLevel] = useState<Level | undefined>();
  const [ownership, setOwnership] = useState<'public' | 'private' | undefined>();
  const [planOpen, setPlanOpen] = useState(false);
  const [importOpen, setImportOpen] = useState(false);
  const [budgetOpen, setBudgetOpen] = useState(false);
  const [tab, setTab] = useState('indicators');
  const narrow = !Grid.useBreakpoint().md;
  const drill = (u: UnitBrief) => setParams(u.id === me.orgUnit.id ? {} : { 'don-vi': u.id });

  const dashboard = useQuery({
    queryKey: ['indicators', year, unitId, level, ownership],
    queryFn: () => indicatorsApi.dashboard({ year, unitId, level, ownership }),
    // Live figures: a class edited elsewhere shows within seconds.
    refetchInterval: 4_000,
  });
  const teachers = useQuery({
    queryKey: ['indicators-teachers', year, unitId],
    queryFn: () => indicatorsApi.teachers({ year, unitId }),
    refetchInterval: 4_000,
  });
  const subjects = useQuery({
    queryKey: ['indicators-subjects', year, unitId],
    queryFn: () => indicatorsApi.subjects({ year, unitId }),
    refetchInterval: 4_000,
  });
  const quality = useQuery({
    queryKey: ['indicators-quality', year, unitId],
    queryFn: () => indicatorsApi.dataQuality({ year, unitId }),
  });
  const error = dashboard.error ?? teachers.error ?? quality.error;
  const problems = quality.data?.checks.reduce((n, c) => n + c.count, 0);
  const data = dashboard.data;
  const here = data ?? teachers.data;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {m.title}
        </Typography.Title>
        <Space wrap>
          {me.permissions.includes('indicators.write') && data && (
            <Button onClick={() => setPlanOpen(true)}>{m.newPlan}</Button>
          )}
          {me.permissions.includes('indicators.write') && data && (
            <Button onClick={() => setImportOpen(true)} data-testid="plan-import">
              {m.importPlan}
            </Button>
          )}
          {me.permissions.includes('indicators.write') && data?.unit.kind === 'department' && (
            <Button onClick={() => setBudgetOpen(true)} data-testid="budget">
              {m.budget}
            </Button>
          )}
          <Button onClick={() => window.print()}>{m.print}</Button>
        </Space>
      </Space>
      <Space wrap>
        <Select
          aria-label={m.year}
          value={year}
          options={yearOptions()}
          onChange={setYear}
          style={{ width: 130 }}
        />
        <Select
          aria-label={m.level}
          value={level ?? ''}
          onChange={(v) => setLevel(v === '' ? undefined : (v as Level))}
          options={[
            { value: '', label: m.allLevels },
            ...LEVELS.map((l) => ({ value: l, label: m[l] })),
          ]}
          style={{ width: 170 }}
        />
        <Select
          aria-label={m.ownership}
          value={ownership ?? ''}
          onChange={(v) => setOwnership(v === '' ? undefined : (v as 'public' | 'private'))}
          options={[
            { value: '', label: m.allOwnership },
            { value: 'public', label: m.public },
            { value: 'private', label: m.private },
          ]}
          style={{ width: 220 }}
        />
      </Space>
      {here && (
        <Breadcrumb
          items={[...here.ancestors, here.unit].map((u, i, all) => ({
            key: u.id,
            title:
              i < all.length - 1 ? (
                <a
                  href={`?don-vi=${u.id}`}
                  onClick={(e) => {
                    e.preventDefault();
                    drill(u);
                  }}
                >
                  {u.name}
                </a>
              ) : (
                <span data-testid="current-unit">{u.name}</span>
              ),
          }))}
        />
      )}
      {error ? (
        <ErrorResult error={error} />
      ) : (
        <Tabs
          activeKey={tab}
          onChange={setTab}
          // At phone width the four tab titles do not fit: a list chooses the part instead.
          {...(narrow
            ? {
                renderTabBar: () => (
                  <Select
                    aria-label={m.section}
                    value={tab}
                    onChange={setTab}
                    style={{ width: '100%', marginBottom: 12 }}
                    options={[
                      { value: 'indicators', label: m.indicators },
                      { value: 'teachers', label: m.teachers },
                      { value: 'quality', label: m.quality },
                      { value: 'reports', label: m.reports },
                    ]}
                  />
                ),
              }
            : {})}
          items={[
            {
              key: 'indicators',
              label: m.indicators,
              children: data ? (
                <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                  <IndicatorsView
                    data={data}
                    onDrill={drill}
                    lang={lang}
                    filters={{ level, ownership }}
                  />
                  <SatisfactionCard
                    year={data.year}
                    unitId={data.unit.id}
                    lang={lang}
                    surveysLink={me.permissions.includes('surveys.results')}
                  />
                </Space>
              ) : (
                <Spin />
              ),
            },
            {
              key: 'teachers',
              label: m.teachers,
              children: teachers.data ? (
                <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                  <TeachersView report={teachers.data} onDrill={drill} lang={lang} />
                  <Typography.Title level={5} style={{ margin: 0 }}>
                    {m.subjects}
                  </Typography.Title>
                  {subjects.data ? (
                    <SubjectNeedView data={subjects.data} lang={lang} />
                  ) : subjects.error ? (
                    <ErrorResult error={subjects.error} />
                  ) : (
                    <Spin />
                  )}
                </Space>
              ) : (
                <Spin />
              ),
            },
            {
              key: 'quality',
              label: (
                <span>
                  {m.quality}{' '}
                  {problems ? <Tag color="orange">{integers(lang).format(problems)}</Tag> : null}
                </span>
              ),
              children: quality.data ? <QualityView data={quality.data} lang={lang} /> : <Spin />,
            },
            ...(here
              ? [
                  {
                    key: 'reports',
                    label: m.reports,
                    children: (
                      <ReportsView year={year} unit={here.unit} lang={lang} onDrill={drill} />
                    ),
                  },
                ]
              : []),
          ]}
        />
      )}
      {data && (
        <PlanDialog
          open={planOpen}
          onClose={() => setPlanOpen(false)}
          unit={data.unit}
          indicators={data.indicators}
          lang={lang}
        />
      )}
      {data && (
        <BudgetDialog
          open={budgetOpen}
          onClose={() => setBudgetOpen(false)}
          unit={data.unit}
          lang={lang}
        />
      )}
      {data && (
        <PlanImportDialog
          open={importOpen}
          onClose={() => setImportOpen(false)}
          unit={data.unit}
          lang={lang}
        />
      )}
    </Space>
  );
}
