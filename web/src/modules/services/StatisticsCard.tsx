import { Card, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type {
  StatsAnswer,
  StatsDivisionRow,
  StatsRow,
} from '../../../../src/modules/services/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { servicesApi } from './api.ts';
import { messages } from './messages.ts';

const pct = (v: number | null) =>
  v === null ? '—' : `${v.toLocaleString('vi-VN', { maximumFractionDigits: 1 })} %`;

/** This month's figures per procedure (Decision 766/QĐ-TTg's timeliness and online share). */
export function StatisticsCard() {
  const m = useMessages(messages);
  const [stats, setStats] = useState<StatsAnswer | null>(null);
  useEffect(() => {
    servicesApi.statistics().then(setStats, () => setStats(null));
  }, []);
  if (!stats) return null;
  return (
    <Card
      title={`${m.statistics} ${stats.month.split('-').reverse().join('/')}`}
      extra={<a href={servicesApi.statisticsXlsxUrl(stats.month)}>{m.exportXlsx}</a>}
    >
      <Table<StatsRow>
        rowKey="procedure"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={stats.rows}
        columns={[
          { title: m.procedure, dataIndex: 'procedure' },
          { title: m.receivedCount, dataIndex: 'received' },
          { title: m.onlineCount, render: (_, r) => pct(r.onlineShare), responsive: ['sm'] },
          { title: m.onTime, dataIndex: 'onTime' },
          { title: m.late, dataIndex: 'late' },
          { title: m.refused, dataIndex: 'refused', responsive: ['sm'] },
          { title: m.open, dataIndex: 'open', responsive: ['sm'] },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {m.byDivision}
      </Typography.Title>
      <Table<StatsDivisionRow>
        rowKey="division"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={stats.divisions}
        data-testid="statistics-divisions"
        columns={[
          { title: m.division, dataIndex: 'division' },
          { title: m.receivedCount, dataIndex: 'received' },
          { title: m.onlineCount, render: (_, r) => pct(r.onlineShare), responsive: ['sm'] },
          { title: m.onTime, render: (_, r) => pct(r.onTimeShare) },
          { title: m.late, dataIndex: 'late' },
          { title: m.open, dataIndex: 'open', responsive: ['sm'] },
        ]}
      />
    </Card>
  );
}
