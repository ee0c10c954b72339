import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Input, List, Space, Table, Tag, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** Public (no account): a school's published self-assessment results and recognition, by school code. */
export default function PublicResultsPage() {
  const m = useMessages(messages);
  const [params, setParams] = useSearchParams();
  const code = params.get('truong') ?? '';
  const results = useQuery({
    queryKey: ['accreditation', 'public', code],
    queryFn: () => accreditationApi.publicResults(code),
    enabled: code !== '',
  });
  const level = (n: number) => (n === 0 ? m.levelNone : m.levelN.replace('{n}', String(n)));
  return (
    <div style={{ maxWidth: 900, margin: '0 auto', padding: 12 }}>
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {m.publicTitle}
        </Typography.Title>
        <Input.Search
          aria-label={m.schoolCode}
          placeholder={m.schoolCode}
          defaultValue={code}
          enterButton={m.search}
          maxLength={32}
          onSearch={(v) => setParams(v.trim() ? { truong: v.trim() } : {})}
        />
        {results.error ? (
          <ErrorResult error={results.error} />
        ) : code && results.data?.length === 0 ? (
          <Empty style={{ marginTop: 16 }} description={m.noPublished} />
        ) : (
          <List
            style={{ marginTop: 16 }}
            loading={results.isLoading && code !== ''}
            dataSource={results.data ?? []}
            renderItem={(r) => (
              <List.Item>
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Typography.Title level={4} style={{ margin: 0 }}>
                    {r.school.name}
                  </Typography.Title>
                  <Typography.Text type="secondary">
                    {r.summary.campaign} · {r.summary.set} · {m.schoolYear} {r.summary.schoolYear}
                  </Typography.Text>
                  <Space wrap>
                    <Tag color={r.summary.level > 0 ? 'green' : 'default'}>
                      {m.selfAssessed}: {level(r.summary.level)}
                    </Tag>
                    {r.recognition && (
                      <Tag color="blue">
                        {m.recognised}: {level(r.recognition.accreditationLevel)} ·{' '}
                        {r.recognition.decision} · {m.validUntil}{' '}
                        {formatDate(r.recognition.validUntil)}
                      </Tag>
                    )}
                  </Space>
                  <Typography.Text type="secondary">
                    {m.publishedOn} {formatDate(r.publishedAt)}
                    {r.note ? ` · ${r.note}` : ''}
                  </Typography.Text>
                  {r.summary.reasons.map((x) => (
                    <div key={x}>{x}</div>
                  ))}
                  <Table
                    rowKey="code"
                    size="small"
                    pagination={false}
                    dataSource={r.summary.criteria}
                    columns={[
                      { title: m.criterion, dataIndex: 'code', width: 80 },
                      { title: m.criterionName, dataIndex: 'name' },
                      {
                        title: m.criterionLevel,
                        render: (_, c) => (c.level === 0 ? '—' : String(c.level)),
                      },
                    ]}
                  />
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
    </div>
  );
}
