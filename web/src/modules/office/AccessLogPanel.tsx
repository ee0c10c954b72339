// A document's access log (Decree 30/2020 Annex VI): who opened it or downloaded its files,
// when. Shown to the clerk and the leaders (office.log), loaded when opened.
import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Table, Typography } from 'antd';
import { useState } from 'react';
import { ACCESS_KIND_NAMES } from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { fill, when } from './parts.tsx';

export function AccessLogPanel({ kind, id }: { kind: 'outgoing' | 'incoming'; id: string }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const [open, setOpen] = useState(false);
  const log = useQuery({
    queryKey: ['office', 'access-log', kind, id],
    queryFn: () => officeApi.accessLog(kind, id),
    enabled: open,
  });
  if (!open)
    return (
      <Button size="small" style={{ marginTop: 12 }} onClick={() => setOpen(true)}>
        {m.accessLog}
      </Button>
    );
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{m.accessLog}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.accessLogHint}</Typography.Paragraph>
      {log.data?.truncated && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 8 }}
          message={fill(m.accessTruncated, { n: String(log.data.items.length) })}
        />
      )}
      <Table
        rowKey={(r) => `${r.at}-${r.actorName}-${r.kind}-${r.sha256 ?? ''}`}
        size="small"
        loading={log.isLoading}
        dataSource={log.data?.items ?? []}
        locale={{ emptyText: m.accessNone }}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: m.accessAt, width: 150, render: (_, r) => when(r.at, lang) },
          {
            title: m.accessWho,
            render: (_, r) => (
              <>
                {r.actorName}
                {r.unit && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {r.unit.name}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: m.accessWhat,
            render: (_, r) =>
              r.fileName
                ? `${ACCESS_KIND_NAMES[lang][r.kind]}: ${r.fileName}`
                : ACCESS_KIND_NAMES[lang][r.kind],
          },
          { title: m.accessIp, responsive: ['sm'], render: (_, r) => r.ip ?? '' },
        ]}
      />
    </div>
  );
}
