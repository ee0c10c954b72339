import { Button, Card, Col, Empty, Grid, Row, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
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
import type { Dashboard, UnitBrief } from '../../../../src/modules/indicators/contract.ts';
import { TARGET_STATUS_LABELS } from '../../../../src/modules/indicators/labels.ts';
import { useMessages } from '../../shared/i18n.ts';
import { indicatorsFiles } from './api.ts';
import { dateTime, decimals, downloadCsv, integers, type Lang, type Level } from './format.ts';
import { messages } from './messages.ts';
import { UnitLink } from './UnitLink.tsx';

const STATUS_COLOR = { on_track: 'success', at_risk: 'warning', missed: 'error' } as const;

/** The indicators' cards, a chart by child unit and over the years, and the drill-down table. */
export function IndicatorsView({
  data,
  onDrill,
  lang,
  filters,
}: {
  data: Dashboard;
  onDrill: (u: UnitBrief) => void;
  lang: Lang;
  /** The filters the dashboard was asked with: the xlsx export repeats them. */
  filters: { level?: Level | undefined; ownership?: 'public' | 'private' | undefined };
}) {
  const m = useMessages(messages);
  const fmt = decimals(lang);
  const [chosen, setChosen] = useState<string | undefined>();
  const shown = data.indicators.find((i) => i.id === chosen) ?? data.indicators[0];
  // On a phone the table by unit shows the indicator chosen above only (the cards switch it).
  const phone = !Grid.useBreakpoint().sm;
  const tableIndicators = phone && shown ? [shown] : data.indicators;
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
  const query = {
    year: data.year,
    unitId: data.unit.id,
    level: filters.level,
    ownership: filters.ownership,
  };
  const excel = (
    <Space wrap size="small">
      <Button size="small" data-testid="export-xlsx" href={indicatorsFiles.dashboardTable(query)}>
        {m.exportDashboardXlsx}
      </Button>
      <Button
        size="small"
        data-testid="export-pdf"
        href={indicatorsFiles.dashboardPdf(query)}
        target="_blank"
        rel="noopener"
      >
        {m.exportDashboardPdf}
      </Button>
    </Space>
  );
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {data.refreshedAt && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="refreshed-at">
          {m.refreshedAt.replace('{t}', dateTime(data.refreshedAt, lang))}
        </Typography.Text>
      )}
      {data.children.length === 0 && excel}
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
            <Space>
              {excel}
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
            </Space>
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
              ...tableIndicators.map((i) => ({
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
