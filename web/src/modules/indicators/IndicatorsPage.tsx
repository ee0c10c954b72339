import { useQuery } from '@tanstack/react-query';
import {
  Breadcrumb,
  Button,
  Card,
  Col,
  Empty,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Line,
  LineChart,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type {
  DataQuality,
  Dashboard,
  TeacherFigures,
  TeacherReport,
  UnitBrief,
} from '../../../../src/modules/indicators/contract.ts';
import {
  QUALITY_CHECK_LABELS,
  TARGET_STATUS_LABELS,
} from '../../../../src/modules/indicators/labels.ts';
import { ErrorResult } from '../../App.tsx';
import { api, type Me } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { messages } from './messages.ts';

type Level = 'preschool' | 'primary' | 'lower_secondary' | 'upper_secondary';
const LEVELS: Level[] = ['preschool', 'primary', 'lower_secondary', 'upper_secondary'];
const STATUS_COLOR = { on_track: 'success', at_risk: 'warning', missed: 'error' } as const;

/** vi-VN numbers, 2 decimals: the only place figures are rounded (issue #16). */
const decimals = (lang: string) =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN', {
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
  });
const integers = (lang: string) => new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'vi-VN');

function yearOptions() {
  const start = Number(currentSchoolYear().slice(0, 4));
  return Array.from({ length: 6 }, (_, i) => `${start - i}-${start + 1 - i}`).map((y) => ({
    value: y,
    label: y,
  }));
}

/** A table as CSV with a BOM (Excel opens it in UTF-8), downloaded in the browser. */
function downloadCsv(name: string, header: string[], rows: (string | number)[][]) {
  const cell = (v: string | number) => {
    const s = String(v);
    return /[",;\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  const text = [header, ...rows].map((r) => r.map(cell).join(',')).join('\n');
  const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  URL.revokeObjectURL(url);
}

export default function IndicatorsPage({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [params, setParams] = useSearchParams();
  const unitId = params.get('don-vi') ?? me.orgUnit.id;
  const [year, setYear] = useState(currentSchoolYear());
  const [level, setLevel] = useState<Level | undefined>();
  const [ownership, setOwnership] = useState<'public' | 'private' | undefined>();
  const drill = (u: UnitBrief) => setParams(u.id === me.orgUnit.id ? {} : { 'don-vi': u.id });

  const query = new URLSearchParams({ year, unitId });
  if (level) query.set('level', level);
  if (ownership) query.set('ownership', ownership);
  const dashboard = useQuery({
    queryKey: ['indicators', query.toString()],
    queryFn: () => api.get<Dashboard>(`/api/indicators/dashboard?${query.toString()}`),
    // Live figures: a class edited elsewhere shows within seconds.
    refetchInterval: 4_000,
  });
  const teachers = useQuery({
    queryKey: ['indicators-teachers', year, unitId],
    queryFn: () =>
      api.get<TeacherReport>(`/api/indicators/teachers?${new URLSearchParams({ year, unitId })}`),
    refetchInterval: 4_000,
  });
  const quality = useQuery({
    queryKey: ['indicators-quality', year, unitId],
    queryFn: () =>
      api.get<DataQuality>(`/api/indicators/data-quality?${new URLSearchParams({ year, unitId })}`),
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
        <Button onClick={() => window.print()}>{m.print}</Button>
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
          items={[
            {
              key: 'indicators',
              label: m.indicators,
              children: data ? (
                <IndicatorsView data={data} onDrill={drill} lang={lang} />
              ) : (
                <Spin />
              ),
            },
            {
              key: 'teachers',
              label: m.teachers,
              children: teachers.data ? (
                <TeachersView report={teachers.data} onDrill={drill} lang={lang} />
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
          ]}
        />
      )}
    </Space>
  );
}

function UnitLink({ unit, onDrill }: { unit: UnitBrief; onDrill: (u: UnitBrief) => void }) {
  return (
    <a
      href={`?don-vi=${unit.id}`}
      onClick={(e) => {
        e.preventDefault();
        onDrill(unit);
      }}
    >
      {unit.name}
    </a>
  );
}

function IndicatorsView({
  data,
  onDrill,
  lang,
}: {
  data: Dashboard;
  onDrill: (u: UnitBrief) => void;
  lang: 'vi' | 'en';
}) {
  const m = useMessages(messages);
  const fmt = decimals(lang);
  const [chosen, setChosen] = useState<string | undefined>();
  const shown = data.indicators.find((i) => i.id === chosen) ?? data.indicators[0];
  const show = (v: number | null, unit: 'percent' | 'ratio') =>
    v === null ? '—' : `${fmt.format(v)}${unit === 'percent' ? ' %' : ''}`;
  const bars = useMemo(
    () =>
      shown
        ? data.children.map((c) => ({ name: c.unit.code, value: c.values[shown.id] ?? null }))
        : [],
    [data, shown],
  );
  if (!data.indicators.length) return <Empty description={m.noData} />;
  const target = shown?.targets.at(-1);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Row gutter={[12, 12]}>
        {data.indicators.map((i) => (
          <Col xs={24} sm={12} lg={8} key={i.id}>
            <Card
              size="small"
              hoverable
              onClick={() => setChosen(i.id)}
              data-testid={`indicator-${i.id}`}
              style={i.id === shown?.id ? { borderColor: '#1677ff' } : undefined}
            >
              <Typography.Text type="secondary">{i.name[lang]}</Typography.Text>
              <div style={{ fontSize: 24, fontWeight: 600 }} data-testid={`value-${i.id}`}>
                {show(i.value, i.unit)}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {integers(lang).format(i.numerator)} / {integers(lang).format(i.denominator)}
              </Typography.Text>
              <div>
                {i.targets.length === 0 ? (
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {m.noTarget}
                  </Typography.Text>
                ) : (
                  i.targets.map((t) => (
                    <Tag key={`${t.decision}-${t.year}`} color={STATUS_COLOR[t.status]}>
                      {t.year}: {show(t.value, i.unit)} — {TARGET_STATUS_LABELS[t.status][lang]}
                    </Tag>
                  ))
                )}
              </div>
            </Card>
          </Col>
        ))}
      </Row>
      {shown && (
        <Row gutter={[12, 12]}>
          <Col xs={24} lg={12}>
            <Card size="small" title={`${m.byUnit}: ${shown.name[lang]}`}>
              <ResponsiveContainer width="100%" height={260}>
                <BarChart data={bars}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="name" />
                  <YAxis tickFormatter={(v: number) => fmt.format(v)} width={64} />
                  <Tooltip formatter={(v) => show(typeof v === 'number' ? v : null, shown.unit)} />
                  <Bar dataKey="value" fill="#1677ff" isAnimationActive={false} />
                  {target && (
                    <ReferenceLine
                      y={target.value}
                      stroke="#cf1322"
                      strokeDasharray="4 4"
                      label={`${m.target} ${target.year}`}
                    />
                  )}
                </BarChart>
              </ResponsiveContainer>
            </Card>
          </Col>
          <Col xs={24} lg={12}>
            <Card size="small" title={`${m.trend}: ${shown.name[lang]}`}>
              <ResponsiveContainer width="100%" height={260}>
                <LineChart data={shown.trend}>
                  <CartesianGrid strokeDasharray="3 3" />
                  <XAxis dataKey="year" />
                  <YAxis tickFormatter={(v: number) => fmt.format(v)} width={64} />
                  <Tooltip formatter={(v) => show(typeof v === 'number' ? v : null, shown.unit)} />
                  <Line dataKey="value" stroke="#1677ff" isAnimationActive={false} connectNulls />
                  {target && (
                    <ReferenceLine y={target.value} stroke="#cf1322" strokeDasharray="4 4" />
                  )}
                </LineChart>
              </ResponsiveContainer>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {m.source}: {shown.source}
              </Typography.Text>
            </Card>
          </Col>
        </Row>
      )}
      {data.children.length > 0 && (
        <Card
          size="small"
          title={m.byUnit}
          extra={
            <Button
              size="small"
              onClick={() =>
                downloadCsv(
                  `chi-tieu-${data.unit.code}-${data.year}.csv`,
                  [m.unit, ...data.indicators.map((i) => i.name[lang])],
                  data.children.map((c) => [
                    c.unit.name,
                    ...data.indicators.map((i) => {
                      const v = c.values[i.id];
                      return v === null || v === undefined ? '' : v.toFixed(2);
                    }),
                  ]),
                )
              }
            >
              {m.exportCsv}
            </Button>
          }
        >
          <Typography.Paragraph type="secondary">{m.drillHint}</Typography.Paragraph>
          <Table
            size="small"
            rowKey={(c) => c.unit.id}
            dataSource={data.children}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="indicator-children"
            columns={[
              {
                title: m.unit,
                fixed: 'left',
                render: (_, c) => <UnitLink unit={c.unit} onDrill={onDrill} />,
              },
              ...data.indicators.map((i) => ({
                title: i.name[lang],
                key: i.id,
                align: 'right' as const,
                render: (_: unknown, c: Dashboard['children'][number]) =>
                  show(c.values[i.id] ?? null, i.unit),
              })),
            ]}
          />
        </Card>
      )}
    </Space>
  );
}

function TeachersView({
  report,
  onDrill,
  lang,
}: {
  report: TeacherReport;
  onDrill: (u: UnitBrief) => void;
  lang: 'vi' | 'en';
}) {
  const m = useMessages(messages);
  const fmt = decimals(lang);
  const difference = (d: number) => (
    <Typography.Text type={d < 0 ? 'danger' : d > 0 ? 'warning' : 'success'}>
      {d > 0 ? '+' : ''}
      {fmt.format(d)} {d < 0 ? `(${m.shortage})` : d > 0 ? `(${m.surplus})` : ''}
    </Typography.Text>
  );
  const figureColumns = [
    { title: m.classes, dataIndex: 'classes', align: 'right' as const },
    { title: m.twoSessions, dataIndex: 'classesTwoSessions', align: 'right' as const },
    { title: m.teacherCount, dataIndex: 'teachers', align: 'right' as const },
    {
      title: m.norm,
      dataIndex: 'norm',
      align: 'right' as const,
      render: (v: number) => fmt.format(v),
    },
    {
      title: m.difference,
      dataIndex: 'difference',
      align: 'right' as const,
      render: (v: number) => difference(v),
    },
  ];
  const levelRows = (rows: (TeacherFigures & { level: Level })[]) => (
    <Table
      size="small"
      rowKey="level"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: m.level, dataIndex: 'level', render: (l: Level) => m[l] },
        ...figureColumns,
      ]}
    />
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card size="small" title={`${m.total}: ${report.unit.name}`}>
        {levelRows(report.total)}
      </Card>
      {report.children.length > 0 && (
        <Card
          size="small"
          title={m.byUnit}
          extra={
            <Button
              size="small"
              onClick={() =>
                downloadCsv(
                  `dinh-muc-giao-vien-${report.unit.code}-${report.year}.csv`,
                  [m.unit, m.level, m.classes, m.twoSessions, m.teacherCount, m.norm, m.difference],
                  report.children.flatMap((c) =>
                    c.levels.map((l) => [
                      c.unit.name,
                      m[l.level],
                      l.classes,
                      l.classesTwoSessions,
                      l.teachers,
                      l.norm.toFixed(2),
                      l.difference.toFixed(2),
                    ]),
                  ),
                )
              }
            >
              {m.exportCsv}
            </Button>
          }
        >
          <Table
            size="small"
            rowKey={(c) => c.unit.id}
            dataSource={report.children}
            pagination={false}
            scroll={{ x: 'max-content' }}
            data-testid="teacher-children"
            expandable={{ expandedRowRender: (c) => levelRows(c.levels) }}
            columns={[
              {
                title: m.unit,
                render: (_, c) => <UnitLink unit={c.unit} onDrill={onDrill} />,
              },
              ...figureColumns.map((col) => ({
                ...col,
                dataIndex: ['total', col.dataIndex],
              })),
            ]}
          />
        </Card>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m.norms}: {report.sources.join('; ')}
      </Typography.Text>
    </Space>
  );
}

function QualityView({ data, lang }: { data: DataQuality; lang: 'vi' | 'en' }) {
  const m = useMessages(messages);
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {data.checks.map((check) => (
        <Card
          size="small"
          key={check.id}
          data-testid={`quality-${check.id}`}
          title={
            <span style={{ whiteSpace: 'normal' }}>
              {QUALITY_CHECK_LABELS[check.id]?.[lang] ?? check.id}{' '}
              <Tag color={check.count ? 'orange' : 'green'}>
                {integers(lang).format(check.count)}
              </Tag>
            </span>
          }
        >
          {check.count === 0 ? (
            <Typography.Text type="secondary">{m.noProblems}</Typography.Text>
          ) : (
            <>
              {check.items.length < check.count && (
                <Typography.Paragraph type="secondary">
                  {m.firstItems.replace('{n}', integers(lang).format(check.items.length))}
                </Typography.Paragraph>
              )}
              <Table
                size="small"
                rowKey={(i) => i.id}
                dataSource={check.items}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: m.record, dataIndex: 'name' },
                  { title: m.detail, dataIndex: 'detail' },
                  {
                    title: m.school,
                    render: (_, i) => <a href={`/don-vi/${i.schoolId}`}>{i.schoolName}</a>,
                  },
                ]}
              />
            </>
          )}
        </Card>
      ))}
    </Space>
  );
}
