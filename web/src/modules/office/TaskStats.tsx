// On-time handling by unit and month (issue #17 item 7): counts for the unit and those below it.
import { useQuery } from '@tanstack/react-query';
import { Table, Typography } from 'antd';
import type { StatsRow } from '../../../../src/modules/office/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';

const n = (v: number) => v.toLocaleString('vi-VN');

export function TaskStats() {
  const m = useMessages(messages);
  const stats = useQuery({ queryKey: ['office', 'stats'], queryFn: () => officeApi.stats() });
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>
        {m.stats} {stats.data ? `(${stats.data.year})` : ''}
      </Typography.Title>
      <Table<StatsRow>
        rowKey={(r) => `${r.unit.id}-${r.month}`}
        size="small"
        loading={stats.isLoading}
        dataSource={stats.data?.items ?? []}
        scroll={{ x: 600 }}
        pagination={{ pageSize: 12 }}
        columns={[
          { title: m.unit, render: (_, r) => r.unit.name },
          { title: m.month, width: 70, render: (_, r) => `${String(r.month).padStart(2, '0')}` },
          { title: m.total, width: 70, align: 'right', render: (_, r) => n(r.total) },
          { title: m.onTime, width: 90, align: 'right', render: (_, r) => n(r.onTime) },
          { title: m.late, width: 80, align: 'right', render: (_, r) => n(r.late) },
          { title: m.overdue, width: 80, align: 'right', render: (_, r) => n(r.overdue) },
          {
            title: m.onTimeRate,
            width: 110,
            align: 'right',
            render: (_, r) =>
              r.onTimeRate === null
                ? ''
                : `${(r.onTimeRate * 100).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`,
          },
        ]}
      />
    </div>
  );
}
