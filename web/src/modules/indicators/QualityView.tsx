import { Card, Space, Table, Tag, Typography } from 'antd';
import type { DataQuality } from '../../../../src/modules/indicators/contract.ts';
import { QUALITY_CHECK_LABELS } from '../../../../src/modules/indicators/labels.ts';
import { useMessages } from '../../shared/i18n.ts';
import { integers, type Lang } from './format.ts';
import { messages } from './messages.ts';

/** The data-quality checks of the unit: a count each, and the first records with a link. */
export function QualityView({ data, lang }: { data: DataQuality; lang: Lang }) {
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
