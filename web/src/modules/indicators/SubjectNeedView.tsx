import { Card, Space, Table, Typography } from 'antd';
import type { SubjectNeed } from '../../../../src/modules/indicators/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { decimals, integers, type Lang, type Level } from './format.ts';
import { messages } from './messages.ts';

type SubjectRow = SubjectNeed['subjects'][number];

/** The teacher need per subject: the programme's periods of the unit's classes over a full load. */
export function SubjectNeedView({ data, lang }: { data: SubjectNeed; lang: Lang }) {
  const m = useMessages(messages);
  const fmt = decimals(lang);
  const ints = integers(lang);
  const difference = (d: number | null) =>
    d === null ? (
      <Typography.Text type="secondary">{m.sharedSubject}</Typography.Text>
    ) : (
      <Typography.Text type={d < 0 ? 'danger' : d > 0 ? 'warning' : 'success'}>
        {d > 0 ? '+' : ''}
        {fmt.format(d)}
      </Typography.Text>
    );
  const perWeek = (periods: number) => fmt.format(periods / 35);
  if (!data.levels.length) return <Typography.Text type="secondary">{m.noData}</Typography.Text>;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {data.levels.map((l) => (
        <Card
          size="small"
          key={l.level}
          data-testid={`subjects-${l.level}`}
          title={`${m[l.level as Level]} — ${m.load}: ${data.loads[l.level]} ${m.periodsPerWeek}`}
        >
          <Table<SubjectRow>
            size="small"
            rowKey="id"
            pagination={false}
            scroll={{ x: 'max-content' }}
            dataSource={data.subjects.filter((s) => s.level === l.level)}
            columns={[
              { title: m.subject, render: (_, s) => s.name[lang] },
              {
                title: m.periodsWeekAll,
                align: 'right',
                render: (_, s) => perWeek(s.periods),
              },
              { title: m.need, align: 'right', render: (_, s) => fmt.format(s.need) },
              {
                title: m.teacherCount,
                align: 'right',
                render: (_, s) => (s.teachers === null ? '—' : ints.format(s.teachers)),
              },
              { title: m.difference, align: 'right', render: (_, s) => difference(s.difference) },
            ]}
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>
                  <strong>{m.total}</strong>
                </Table.Summary.Cell>
                <Table.Summary.Cell index={1} align="right">
                  {perWeek(l.periods)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={2} align="right">
                  {fmt.format(l.need)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={3} align="right">
                  {ints.format(l.teachers)}
                </Table.Summary.Cell>
                <Table.Summary.Cell index={4} align="right">
                  {difference(l.difference)}
                </Table.Summary.Cell>
              </Table.Summary.Row>
            )}
          />
          {l.unmatched > 0 && (
            <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
              {m.unmatched.replace('{n}', ints.format(l.unmatched))}
            </Typography.Paragraph>
          )}
        </Card>
      ))}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {m.source}: {data.sources.join('; ')}
      </Typography.Text>
    </Space>
  );
}
