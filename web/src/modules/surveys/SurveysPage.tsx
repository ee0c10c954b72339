import { Card, Collapse, Select, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { ResultsAnswer, SurveySummary } from '../../../../src/modules/surveys/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { useMessages } from '../../shared/i18n.ts';
import { surveysApi } from './api.ts';
import { messages } from './messages.ts';

const num = (v: number | null) =>
  v === null ? '—' : v.toLocaleString('vi-VN', { maximumFractionDigits: 2 });

/** Surveys reaching one's unit and their results per school (groups under 10 hidden). */
export default function SurveysPage() {
  const m = useMessages(messages);
  const [surveys, setSurveys] = useState<SurveySummary[]>([]);
  const [chosen, setChosen] = useState<string | undefined>();
  const [results, setResults] = useState<ResultsAnswer | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    surveysApi.list().then((r) => {
      setSurveys(r.items);
      setChosen(r.items[0]?.id);
    }, setError);
  }, []);
  useEffect(() => {
    if (chosen) surveysApi.results(chosen).then(setResults, setError);
  }, [chosen]);
  if (error) return <ErrorResult error={error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{m.staffTitle}</Typography.Title>
      <Select
        style={{ width: '100%', maxWidth: 520 }}
        value={chosen}
        onChange={setChosen}
        options={surveys.map((s) => ({ value: s.id, label: `${s.title} (${s.schoolYear})` }))}
      />
      {results && (
        <Card title={m.results}>
          <Collapse
            items={results.groups.map((g) => ({
              key: g.school.id,
              label: `${g.school.name}${g.answers !== null ? ` · ${m.answers}: ${g.answers}` : ''}`,
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
                    { title: '1–5', render: (_, q) => q.distribution.join(' · ') },
                    { title: m.texts, render: (_, q) => q.texts.join(' | ') },
                  ]}
                />
              ),
            }))}
          />
        </Card>
      )}
    </Space>
  );
}
