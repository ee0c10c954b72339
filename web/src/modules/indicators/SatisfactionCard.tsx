import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Space, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { SatisfactionAnswer } from '../../../../src/modules/indicators/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { indicatorsApi } from './api.ts';
import { decimals, integers, type Lang } from './format.ts';
import { messages } from './messages.ts';

/**
 * Parents' feedback from the surveys for the unit shown (issue #19 point 6):
 * the schools with 10 answers or more only, as the surveys' view gives them.
 */
export function SatisfactionCard({
  year,
  unitId,
  lang,
  surveysLink,
}: {
  year: string;
  unitId: string;
  lang: Lang;
  /** The surveys' page is linked for those who may read survey results. */
  surveysLink: boolean;
}) {
  const m = useMessages(messages);
  const fmt = decimals(lang);
  const count = integers(lang);
  const answer = useQuery({
    queryKey: ['indicators', 'satisfaction', year, unitId],
    queryFn: () => indicatorsApi.satisfaction({ year, unitId }),
  });
  const surveys = answer.data?.surveys ?? [];
  return (
    <Card
      size="small"
      title={m.satisfaction}
      data-testid="satisfaction"
      extra={surveysLink ? <Link to="/khao-sat-y-kien">{m.toSurveys}</Link> : undefined}
      loading={answer.isLoading}
    >
      <Typography.Paragraph type="secondary">{m.satisfactionHint}</Typography.Paragraph>
      {surveys.length === 0 ? (
        <Empty description={m.satisfactionNone} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {surveys.map((s: SatisfactionAnswer['surveys'][number]) => (
            <div key={s.surveyId}>
              <Typography.Text strong>{s.title}</Typography.Text>{' '}
              <Tag color={s.status === 'open' ? 'processing' : 'default'}>
                {s.status === 'open' ? m.surveyOpen : m.surveyClosed}
              </Tag>
              <Typography.Paragraph>
                {m.satisfactionMean}: <b>{s.meanScore === null ? '—' : fmt.format(s.meanScore)}</b>
                {' · '}
                {m.satisfactionAnswers}: {count.format(s.answers)}
              </Typography.Paragraph>
              <Table
                size="small"
                rowKey={(r) => r.school.id}
                dataSource={s.schools}
                pagination={s.schools.length > 10 ? { pageSize: 10 } : false}
                columns={[
                  { title: m.unit, render: (_, r) => r.school.name },
                  {
                    title: m.satisfactionMean,
                    align: 'right',
                    render: (_, r) => (r.meanScore === null ? '—' : fmt.format(r.meanScore)),
                  },
                  {
                    title: m.satisfactionAnswers,
                    align: 'right',
                    render: (_, r) => count.format(r.answers),
                  },
                ]}
              />
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
