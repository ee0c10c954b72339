import { Card, Table, Typography } from 'antd';
import type { CountsAnswer } from '../../../../src/modules/admissions/contract.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { formatNumber } from './format.ts';
import { messages } from './messages.ts';

/** Live counts per program and preference rank, the ratio to quota, cutoffs after publication. */
export function Counts({ counts, published }: { counts: CountsAnswer; published: boolean }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const ranks = counts.programs[0]?.byRank.length ?? 0;
  return (
    <Card
      title={m.counts}
      size="small"
      style={{ marginBottom: 12 }}
      extra={
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {m.countsUpdated} {formatDate(counts.updatedAt, true)}
        </Typography.Text>
      }
    >
      <Table
        size="small"
        rowKey="program"
        data-testid="counts"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={counts.programs}
        columns={[
          {
            title: m.program,
            dataIndex: 'program',
            render: (p: string, row) => (
              <span>
                <b>{p}</b>
                <br />
                <Typography.Text type="secondary">{row.schoolName}</Typography.Text>
              </span>
            ),
          },
          {
            title: m.quota,
            dataIndex: 'quota',
            align: 'right',
            render: (n: number) => formatNumber(lang, n),
          },
          ...Array.from({ length: ranks }, (_, k) => ({
            title: `${m.nv}${k + 1}`,
            key: `nv${k + 1}`,
            align: 'right' as const,
            render: (_: unknown, row: CountsAnswer['programs'][number]) => (
              <span data-testid={`count-${row.program}-${k + 1}`}>
                {formatNumber(lang, row.byRank[k] ?? 0)}
              </span>
            ),
          })),
          {
            title: m.ratio,
            key: 'ratio',
            align: 'right',
            render: (_: unknown, row) =>
              row.quota > 0 ? formatNumber(lang, (row.byRank[0] ?? 0) / row.quota, 2) : '—',
          },
          ...(published
            ? [
                {
                  title: m.cutoff,
                  dataIndex: 'cutoff',
                  align: 'right' as const,
                  render: (v: number | null) => (v === null ? '—' : formatNumber(lang, v, 2)),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
