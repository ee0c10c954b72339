import { Card, Table, Tag, Typography } from 'antd';
import type { EntryCountsAnswer } from '../../../../src/modules/admissions/contract.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { formatNumber } from './format.ts';
import { entryMessages } from './messages.ts';

type School = EntryCountsAnswer['schools'][number];

/** Per school: seats, applications from its catchment and from outside (live), the last place admitted after publication. */
export function EntryCounts({
  counts,
  published,
  title,
}: {
  counts: EntryCountsAnswer;
  published: boolean;
  title?: string;
}) {
  const m = useMessages(entryMessages);
  const { lang } = useI18n();
  const n = (v: number) => formatNumber(lang, v);
  return (
    <Card
      title={title ?? m.countsTitle}
      size="small"
      style={{ marginBottom: 12 }}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.updated} {formatDate(counts.updatedAt, true)}
        </Typography.Text>
      }
    >
      <Table
        size="small"
        rowKey="program"
        data-testid="entry-counts"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={counts.schools}
        columns={[
          {
            title: m.school,
            dataIndex: 'schoolName',
            render: (name: string, row: School) => (
              <span>
                <b>{name}</b>
                {row.unzoned && (
                  <>
                    {' '}
                    <Tag>{m.unzoned}</Tag>
                  </>
                )}
              </span>
            ),
          },
          { title: m.seats, dataIndex: 'seats', align: 'right', render: n },
          {
            title: m.inCatchment,
            key: 'in',
            align: 'right',
            render: (_: unknown, row: School) => (
              <span data-testid={`in-${row.program}`}>{n(row.inCatchment)}</span>
            ),
          },
          {
            title: m.outside,
            key: 'out',
            align: 'right',
            render: (_: unknown, row: School) => (
              <span data-testid={`out-${row.program}`}>{n(row.outside)}</span>
            ),
          },
          // At phone width the key columns only (seats, in and outside the catchment).
          { title: m.total, dataIndex: 'total', align: 'right', render: n, responsive: ['sm'] },
          ...(published
            ? [
                {
                  title: m.lastRank,
                  dataIndex: 'lastAdmittedRank',
                  align: 'right' as const,
                  responsive: ['sm' as const],
                  render: (v: number | null) => (v === null ? '—' : n(v)),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
