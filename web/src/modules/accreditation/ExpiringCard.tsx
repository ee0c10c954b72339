import { useQuery } from '@tanstack/react-query';
import { Card, Table } from 'antd';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** Recognitions ending within a year: the schools that must self-assess again. */
export function ExpiringCard() {
  const m = useMessages(messages);
  const list = useQuery({
    queryKey: ['accreditation', 'expiring'],
    queryFn: accreditationApi.expiring,
  });
  if (list.error) return <ErrorResult error={list.error} />;
  if (!list.data?.length) return null;
  return (
    <Card size="small" title={m.expiring}>
      <Table
        rowKey="cycleId"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={list.data}
        columns={[
          { title: m.school, render: (_, r) => `${r.school.code} · ${r.school.name}` },
          { title: m.decision, dataIndex: 'decision' },
          { title: m.validUntil, render: (_, r) => formatDate(r.validUntil) },
        ]}
      />
    </Card>
  );
}
