import { useQuery } from '@tanstack/react-query';
import { Badge, Card, Collapse, DatePicker, Form, Input, Select, Table, Typography } from 'antd';
import { useState } from 'react';
import type { AuditEntry } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { auditApi } from './api.ts';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { auditMessages } from './auditMessages.ts';

const ACTION_COLORS: Record<string, string> = {
  insert: 'green',
  insert_many: 'green',
  update: 'blue',
  delete: 'red',
  login_failed: 'orange',
};

/**
 * What an entry changed, as labelled fields ("Ngày sinh: 01/02/2011 → 02/01/2011"),
 * then the row images and the record's id, folded, for whoever needs them.
 */
function Details({ entry }: { entry: AuditEntry }) {
  const { t, lang } = useI18n();
  const m = useMessages(auditMessages);
  return (
    <div style={{ maxWidth: '100%', overflowX: 'auto' }}>
      {entry.changes.length === 0 ? (
        <Typography.Text type="secondary">{m.noLabelledChange}</Typography.Text>
      ) : (
        <table style={{ fontSize: 13, borderCollapse: 'collapse' }} data-testid="audit-changes">
          <thead>
            <tr>
              <th style={{ textAlign: 'left', paddingRight: 12 }}>{m.field}</th>
              <th style={{ textAlign: 'left', paddingRight: 12 }}>{t.before}</th>
              <th style={{ textAlign: 'left' }}>{t.after}</th>
            </tr>
          </thead>
          <tbody>
            {entry.changes.map((c) => (
              <tr key={c.field}>
                <td style={{ paddingRight: 12 }}>{c.label[lang]}</td>
                <td style={{ paddingRight: 12, color: '#a8071a' }}>
                  {c.before?.[lang] ?? m.empty}
                </td>
                <td style={{ color: '#237804' }}>{c.after?.[lang] ?? m.empty}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Collapse
        ghost
        size="small"
        items={[
          {
            key: 'raw',
            label: m.technical,
            children: (
              <pre style={{ fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
                {`${m.recordId}: ${entry.entityId}\n${entry.entityType}\n`}
                {JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}
              </pre>
            ),
          },
        ]}
      />
    </div>
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
  const { t, lang } = useI18n();
  const m = useMessages(auditMessages);
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
      expandable={{ expandedRowRender: (entry) => <Details entry={entry} /> }}
      columns={[
        {
          title: t.when,
          dataIndex: 'at',
          width: 130,
          render: (at: string) => formatDate(at, true),
        },
        { title: t.actor, dataIndex: 'actorName', responsive: ['md'] },
        {
          title: m.what,
          dataIndex: 'summary',
          render: (summary: AuditEntry['summary'], entry: AuditEntry) => (
            <Badge color={ACTION_COLORS[entry.action] ?? 'gray'} text={summary[lang]} />
          ),
        },
        { title: t.ip, dataIndex: 'ip', responsive: ['lg'] },
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
  const { t, lang } = useI18n();
  const subjects = useQuery({ queryKey: ['audit-subjects'], queryFn: auditApi.subjects });
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
            style={{ width: 200, maxWidth: '100%' }}
            popupMatchSelectWidth={false}
            options={(subjects.data ?? []).map((s) => ({ value: s.table, label: s.noun[lang] }))}
          />
        </Form.Item>
        <Form.Item name="actor" label={t.actor}>
          <Input allowClear style={{ width: 180, maxWidth: '100%' }} />
        </Form.Item>
        <Form.Item name="range" label={`${t.from} – ${t.to}`} style={{ maxWidth: '100%' }}>
          <DatePicker.RangePicker format="DD/MM/YYYY" style={{ maxWidth: '100%' }} />
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
