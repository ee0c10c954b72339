import { Card, Collapse, Table, Typography } from 'antd';
import type { ReactNode } from 'react';
import type { ResultsAnswer } from '../../../../src/modules/surveys/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { messages, num } from './messages.ts';

/** Results per school: counts, distributions and means; groups under the minimum hidden. */
export function SurveyResults({ results, extra }: { results: ResultsAnswer; extra?: ReactNode }) {
  const m = useMessages(messages);
  return (
    <Card title={m.results} extra={extra}>
      <Collapse
        items={results.groups.map((g) => ({
          key: g.school.id,
          label: `${g.school.name}${g.answers !== null ? ` · ${m.answers}: ${num(g.answers)}` : ''}`,
          children: g.suppressed ? (
            <Typography.Text type="secondary">
              {m.suppressed.replace('{n}', String(results.minGroupSize))}
            </Typography.Text>
          ) : (
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={g.sections.flatMap((s) =>
                s.questions.map((q) => ({ ...q, section: s.title })),
              )}
              columns={[
                { title: '', dataIndex: 'section' },
                { title: '', dataIndex: 'text' },
                { title: m.mean, render: (_, q) => num(q.mean) },
                { title: '1–5', render: (_, q) => q.distribution.map((n) => num(n)).join(' · ') },
                { title: m.texts, render: (_, q) => q.texts.join(' | ') },
              ]}
            />
          ),
        }))}
      />
    </Card>
  );
}
