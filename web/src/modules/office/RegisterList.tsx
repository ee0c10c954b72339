/**
 * One register's list (incoming or outgoing): the search bar, the button
 * that registers a document in a dialog, the export links, the table with
 * the columns the register gives, and the drawer of the document clicked.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Input, Modal, Space, Table, type TableColumnsType } from 'antd';
import { useState, type ReactNode } from 'react';
import { fill, useI18n, useMessages } from '../../shared/i18n.ts';
import { messages } from './messages.ts';

export interface RegisterListProps<Row extends { id: string }> {
  /** 'incoming' or 'outgoing': the query's key. */
  kind: string;
  /** One page of the register, found by the server (a search's total may be capped). */
  load: (
    q: string | undefined,
    page: number,
  ) => Promise<{ items: Row[]; total: number; pageSize: number; totalCapped: boolean }>;
  columns: TableColumnsType<Row>;
  /** The register button's label; no button when the caller may not register. */
  addLabel: string | null;
  form: (onDone: () => void) => ReactNode;
  drawer: (id: string, onClose: () => void) => ReactNode;
  /** Links to the register's files (xlsx, PDF). */
  exports: { label: string; href: string }[];
  /** More buttons beside them (the incoming register's edXML import). */
  extra?: ReactNode;
}

export function RegisterList<Row extends { id: string }>(props: RegisterListProps<Row>) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({
    queryKey: ['office', props.kind, 'list', q, page],
    queryFn: () => props.load(q || undefined, page),
  });
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          placeholder={m.search}
          allowClear
          onSearch={(text) => {
            setQ(text);
            setPage(1);
          }}
          style={{ width: 260 }}
        />
        {props.addLabel && (
          <Button type="primary" onClick={() => setAdding(true)}>
            {props.addLabel}
          </Button>
        )}
        {props.exports.map((e) => (
          <Button key={e.href} href={e.href}>
            {e.label}
          </Button>
        ))}
        {props.extra}
      </Space>
      <Table<Row>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 720 }}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: list.data?.pageSize ?? 50,
          onChange: setPage,
          showSizeChanger: false,
          // A search counts up to 1,000 hits: past that, "more than 1,000" (docs/office-search.md).
          showTotal: (total) =>
            fill(
              list.data?.totalCapped ? m.documentsMoreThan : m.documentCount,
              { n: total },
              lang,
            ),
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={props.columns}
      />
      <Modal
        open={adding}
        title={props.addLabel}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        {props.form(() => {
          setAdding(false);
          void client.invalidateQueries({ queryKey: ['office'] });
        })}
      </Modal>
      {open && props.drawer(open, () => setOpen(null))}
    </>
  );
}
