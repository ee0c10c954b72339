import { Card, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import {
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { TrendAnswer } from '../../../../src/modules/surveys/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { messages, num } from './messages.ts';

const COLOURS = ['#1677ff', '#52c41a', '#fa8c16', '#eb2f96', '#722ed1', '#13c2c2'];

interface Row {
  key: string;
  label: string;
  section: boolean;
  means: (number | null)[];
}

/**
 * The trend of one school across the rounds of the survey's series: the
 * means of each section and 5-point question per round (a round with fewer
 * than the minimum answers shows "—"), and a line per section.
 */
export function TrendCard({ trend }: { trend: TrendAnswer }) {
  const m = useMessages(messages);
  const [schoolId, setSchoolId] = useState<string | undefined>(trend.groups[0]?.school.id);
  useEffect(() => setSchoolId(trend.groups[0]?.school.id), [trend]);
  if (trend.rounds.length < 2)
    return (
      <Card title={m.trend}>
        <Typography.Text type="secondary">{m.noTrend}</Typography.Text>
      </Card>
    );
  const group = trend.groups.find((g) => g.school.id === schoolId);
  const rows: Row[] = (group?.sections ?? []).flatMap((s) => [
    { key: s.id, label: s.title, section: true, means: s.means },
    ...s.questions.map((q) => ({
      key: `${s.id}/${q.id}`,
      label: q.text,
      section: false,
      means: q.means,
    })),
  ]);
  const chart = trend.rounds.map((r, i) => ({
    round: r.schoolYear,
    ...Object.fromEntries((group?.sections ?? []).map((s) => [s.title, s.means[i]])),
  }));
  return (
    <Card
      title={m.trend}
      extra={
        <Select
          aria-label={m.school}
          style={{ minWidth: 240 }}
          value={schoolId}
          onChange={setSchoolId}
          options={trend.groups.map((g) => ({ value: g.school.id, label: g.school.name }))}
        />
      }
    >
      {group && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Table<Row>
            rowKey="key"
            size="small"
            pagination={false}
            scroll={{ x: true }}
            dataSource={[
              { key: '_answers', label: m.answers, section: false, means: group.answers },
              ...rows,
            ]}
            columns={[
              {
                title: '',
                render: (_, r) => (r.section ? <strong>{r.label}</strong> : r.label),
              },
              ...trend.rounds.map((round, i) => ({
                title: round.schoolYear,
                align: 'right' as const,
                render: (_: unknown, r: Row) => num(r.means[i] ?? null),
              })),
            ]}
          />
          <ResponsiveContainer width="100%" height={260}>
            <LineChart data={chart}>
              <CartesianGrid strokeDasharray="3 3" />
              <XAxis dataKey="round" />
              <YAxis domain={[1, 5]} tickFormatter={(v: number) => num(v)} width={40} />
              <Tooltip formatter={(v) => num(typeof v === 'number' ? v : null)} />
              <Legend />
              {group.sections.map((s, i) => (
                <Line
                  key={s.id}
                  dataKey={s.title}
                  stroke={COLOURS[i % COLOURS.length]}
                  connectNulls={false}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          </ResponsiveContainer>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.trendNote.replace('{n}', String(trend.minGroupSize))}
          </Typography.Text>
        </Space>
      )}
    </Card>
  );
}
