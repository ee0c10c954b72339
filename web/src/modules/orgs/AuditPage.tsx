import { useQuery } from '@tanstack/react-query';
import { Card, DatePicker, Form, Input, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { auditApi } from './api.ts';
import { formatDate, useI18n } from '../../shared/i18n.ts';

const ACTION_COLORS: Record<string, string> = {
  insert: 'green',
  insert_many: 'green',
  update: 'blue',
  delete: 'red',
};

/** Fields that changed between before and after, shown as "field: before → after". */
function Diff({ entry }: { entry: AuditEntry }) {
  const { t } = useI18n();
  const keys = [
    ...new Set([...Object.keys(entry.before ?? {}), ...Object.keys(entry.after ?? {})]),
  ];
  const changed = keys.filter(
    (k) => JSON.stringify(entry.before?.[k] ?? null) !== JSON.stringify(entry.after?.[k] ?? null),
  );
  if (changed.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <table style={{ fontSize: 13, borderCollapse: 'collapse' }}>
      <thead>
        <tr>
          <th style={{ textAlign: 'left', paddingRight: 12 }} />
          <th style={{ textAlign: 'left', paddingRight: 12 }}>{t.before}</th>
          <th style={{ textAlign: 'left' }}>{t.after}</th>
        </tr>
      </thead>
      <tbody>
        {changed.map((k) => (
          <tr key={k}>
            <td style={{ paddingRight: 12, fontFamily: 'monospace' }}>{k}</td>
            <td style={{ paddingRight: 12, color: '#a8071a' }}>
              {JSON.stringify(entry.before?.[k] ?? null)}
            </td>
            <td style={{ color: '#237804' }}>{JSON.stringify(entry.after?.[k] ?? null)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AuditTable({
  entries,
  loading,
  pagination,
}: {
  entries: AuditEntry[];
  loading: boolean;
  pagination?: {
    current: number;
    total: number;
    pageSize: number;
    onChange: (page: number) => void;
  };
}) {
  const { t } = useI18n();
  return (
    <Table
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={entries}
      scroll={{ x: true }}
      pagination={
        pagination
          ? { ...pagination, showSizeChanger: false }
          : { pageSize: 20, hideOnSinglePage: true }
      }
      expandable={{ expandedRowRender: (entry) => <Diff entry={entry} /> }}
      columns={[
        { title: t.when, dataIndex: 'at', render: (at: string) => formatDate(at, true) },
        { title: t.actor, dataIndex: 'actorName' },
        {
          title: t.action,
          dataIndex: 'action',
          render: (a: string) => <Tag color={ACTION_COLORS[a]}>{a}</Tag>,
        },
        {
          title: t.object,
          dataIndex: 'entityType',
          // A list import writes one entry per school for all the rows it adds.
          render: (type: string, entry: AuditEntry) =>
            entry.action === 'insert_many'
              ? `${type} (${entry.rows.toLocaleString('vi-VN')})`
              : type,
        },
        { title: t.ip, dataIndex: 'ip' },
      ]}
    />
  );
}

interface Filters {
  entityType?: string;
  actor?: string;
  from?: string;
  to?: string;
}

export default function AuditPage() {
  const { t } = useI18n();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  // Empty filters are left out of the query.
  const query = {
    page,
    pageSize: 50,
    ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)),
  };
  const log = useQuery({
    queryKey: ['audit', query],
    queryFn: () => auditApi.list(query),
  });
  if (log.error) return <ErrorResult error={log.error} />;
  return (
    <Card title={t.audit}>
      <Form
        layout="inline"
        style={{ marginBottom: 16, rowGap: 8 }}
        onValuesChange={(
          _changed,
          all: {
            entityType?: string;
            actor?: string;
            range?: [{ format: (f: string) => string }, { format: (f: string) => string }] | null;
          },
        ) => {
          setPage(1);
          setFilters({
            entityType: all.entityType,
            actor: all.actor,
            from: all.range?.[0]?.format('YYYY-MM-DD'),
            to: all.range?.[1]?.format('YYYY-MM-DD'),
          });
        }}
      >
        <Form.Item name="entityType" label={t.object}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={['org_unit', 'app_user', 'student', 'staff', 'class'].map((v) => ({
              value: v,
              label: v,
            }))}
          />
        </Form.Item>
        <Form.Item name="actor" label={t.actor}>
          <Input allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="range" label={`${t.from} – ${t.to}`}>
          <DatePicker.RangePicker format="DD/MM/YYYY" />
        </Form.Item>
      </Form>
      <AuditTable
        entries={log.data?.items ?? []}
        loading={log.isLoading}
        pagination={{ current: page, total: log.data?.total ?? 0, pageSize: 50, onChange: setPage }}
      />
    </Card>
  );
}
