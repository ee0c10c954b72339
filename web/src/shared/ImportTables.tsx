import { Space, Table, Tag, Typography } from 'antd';
import type {
  RowError,
  StudentChange as ImportChange,
} from '../../../src/modules/registry/contract.ts';
import { useI18n, useMessages } from './i18n.ts';
import { sharedMessages } from './messages.ts';

const n = (x: number) => x.toLocaleString('vi-VN');

/** Every error of a file: row, column (the header as in the file) and what was expected. */
export function ImportErrorTable({ errors }: { errors: RowError[] }) {
  const m = useMessages(sharedMessages);
  return (
    <Table
      data-testid="import-errors"
      size="small"
      rowKey={(e) => `${e.row}|${e.column}|${e.message}`}
      dataSource={errors}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      columns={[
        { title: m.errRow, dataIndex: 'row', width: 64 },
        {
          title: m.errColumn,
          dataIndex: 'column',
          render: (c: string | null) => (c ? <Tag>{c}</Tag> : null),
        },
        { title: m.errMessage, dataIndex: 'message' },
      ]}
    />
  );
}

/** Every update the file makes, field by field, before → after: nothing is overwritten unseen. */
export function ImportChangeTable({
  changes,
  updated,
}: {
  changes: ImportChange[];
  updated: number;
}) {
  const { t } = useI18n();
  const empty = (v: string | null) =>
    v === null ? <Typography.Text type="secondary">{t.importEmpty}</Typography.Text> : v;
  return (
    <div data-testid="import-changes">
      <Typography.Title level={5}>{t.importChanges}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {t.importChangesHint}
        {updated > changes.length
          ? ` ${t.importChangesMore.replace('{shown}', n(changes.length)).replace('{total}', n(updated))}`
          : ''}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey={(c) => c.row}
        dataSource={changes}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { title: t.importRow, dataIndex: 'row', width: 64 },
          { title: t.importStudent, dataIndex: 'student' },
          {
            title: `${t.importField}: ${t.before} → ${t.after}`,
            dataIndex: 'fields',
            render: (fields: ImportChange['fields']) => (
              <Space direction="vertical" size={0}>
                {fields.map((f) => (
                  <span key={f.column}>
                    <Tag>{f.column}</Tag>
                    <Typography.Text delete>{empty(f.before)}</Typography.Text> →{' '}
                    <Typography.Text strong>{empty(f.after)}</Typography.Text>
                  </span>
                ))}
              </Space>
            ),
          },
        ]}
      />
    </div>
  );
}
