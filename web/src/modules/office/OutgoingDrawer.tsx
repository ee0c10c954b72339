// One outgoing document: signing, each recipient's status, recall.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Modal, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import {
  OUTGOING_STATUS_NAMES,
  RECIPIENT_STATUS_NAMES,
} from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { AccessLogPanel } from './AccessLogPanel.tsx';
import { officeApi } from './api.ts';
import { Attachments } from './Attachments.tsx';
import { ComposeForm } from './ComposeForm.tsx';
import { TokenSigning } from './TokenSigning.tsx';
import { messages } from './messages.ts';
import { dmy, useErrorToast, usePhone, when } from './parts.tsx';

export function OutgoingDrawer({ id, me, onClose }: { id: string; me: Me; onClose: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const phone = usePhone();
  const toast = useErrorToast();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['office', 'outgoing', id],
    queryFn: () => officeApi.outgoingDetail(id),
  });
  const d = detail.data;
  const [composing, setComposing] = useState(false);
  const refresh = () => void client.invalidateQueries({ queryKey: ['office'] });
  const sign = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    try {
      await officeApi.signOutgoing(id, body);
      refresh();
    } catch (error) {
      toast(error);
    }
  };
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 680} title={d?.notation ?? m.details}>
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={m.number}>{d.notation}</Descriptions.Item>
            <Descriptions.Item label={m.date}>{dmy(d.date)}</Descriptions.Item>
            <Descriptions.Item label={m.subject}>{d.subject}</Descriptions.Item>
            <Descriptions.Item label={m.status}>
              {OUTGOING_STATUS_NAMES[lang][d.status]}
            </Descriptions.Item>
            <Descriptions.Item label={m.signed}>
              {d.signedFile ? (
                <a href={officeApi.signedPdfUrl(d.id)}>
                  {m.downloadSigned} (SHA-256 {d.signedFile.sha256.slice(0, 16)}…)
                </a>
              ) : me.permissions.includes('office.sign') && d.status !== 'withdrawn' ? (
                <Space wrap>
                  <Upload
                    accept="application/pdf"
                    showUploadList={false}
                    beforeUpload={(file) => {
                      void sign(file);
                      return false;
                    }}
                  >
                    <Button size="small">{m.signPdf}</Button>
                  </Upload>
                  <TokenSigning id={d.id} onSigned={refresh} />
                </Space>
              ) : (
                m.none
              )}
            </Descriptions.Item>
          </Descriptions>
          <Button size="small" style={{ marginTop: 8 }} href={officeApi.edxmlUrl(d.id)}>
            {m.edxmlExport}
          </Button>
          <Attachments
            kind="outgoing"
            id={d.id}
            items={d.attachments}
            canAdd={me.permissions.includes('office.register') && d.status !== 'withdrawn'}
            onAdded={refresh}
          />
          {me.permissions.includes('office.register') && d.status !== 'withdrawn' && (
            <Button size="small" style={{ marginTop: 8 }} onClick={() => setComposing(true)}>
              {m.compose}
            </Button>
          )}
          <Modal
            open={composing}
            title={m.compose}
            footer={null}
            onCancel={() => setComposing(false)}
            destroyOnHidden
          >
            <ComposeForm
              id={d.id}
              canSign={me.permissions.includes('office.sign') && !d.signedFile}
              onDone={() => {
                setComposing(false);
                refresh();
              }}
            />
          </Modal>
          {d.draftId && d.status === 'registered' && me.permissions.includes('office.register') && (
            <Button
              type="primary"
              style={{ marginTop: 12 }}
              onClick={() => void officeApi.issue(d.id).then(refresh, toast)}
            >
              {m.issue}
            </Button>
          )}
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {m.recipientStatus}
          </Typography.Title>
          <Table
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={d.recipientList}
            scroll={{ x: 480 }}
            columns={[
              {
                title: m.recipients,
                render: (_, r) => r.unit?.name ?? r.outsideName,
              },
              {
                title: m.status,
                width: 110,
                render: (_, r) => (
                  <Tag
                    color={
                      r.status === 'sent' ? 'default' : r.status === 'handled' ? 'green' : 'blue'
                    }
                  >
                    {RECIPIENT_STATUS_NAMES[lang][r.status]}
                  </Tag>
                ),
              },
              {
                title: m.sentAt,
                width: 170,
                render: (_, r) => when(r.handledAt ?? r.openedAt ?? r.receivedAt ?? r.sentAt, lang),
              },
            ]}
          />
          {me.permissions.includes('office.register') && d.status !== 'withdrawn' && (
            <Button
              danger
              style={{ marginTop: 16 }}
              onClick={() => {
                const reason = window.prompt(m.withdrawReason);
                if (reason) void officeApi.withdrawOutgoing(d.id, reason).then(refresh, toast);
              }}
            >
              {m.withdraw}
            </Button>
          )}
          {me.permissions.includes('office.log') && <AccessLogPanel kind="outgoing" id={d.id} />}
        </>
      )}
    </Drawer>
  );
}
