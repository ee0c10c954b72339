// Drafts of outgoing documents and their approval (Decree 30/2020 Art. 10–13).
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Modal, Table, Tag } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { DraftRow } from '../../../../src/modules/office/contract.ts';
import { DRAFT_STATUS_NAMES } from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { DraftDrawer } from './DraftDrawer.tsx';
import { messages } from './messages.ts';
import { RegisterOutgoingForm } from './OutgoingForm.tsx';
import { when } from './parts.tsx';

export function DraftsTab({ me, divisions }: { me: Me; divisions: string[] }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const client = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const list = useQuery({ queryKey: ['office', 'drafts'], queryFn: () => officeApi.drafts() });
  return (
    <>
      {me.permissions.includes('office.handle') && (
        <Button type="primary" style={{ marginBottom: 12 }} onClick={() => setAdding(true)}>
          {m.newDraft}
        </Button>
      )}
      <Table<DraftRow>
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 640 }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: m.type, dataIndex: 'type', width: 70 },
          { title: m.subject, dataIndex: 'subject' },
          { title: m.drafter, dataIndex: 'drafterName', width: 160 },
          {
            title: m.status,
            width: 190,
            render: (_, r) => (
              <Tag
                color={r.status === 'returned' ? 'red' : r.status === 'issued' ? 'green' : 'blue'}
              >
                {DRAFT_STATUS_NAMES[lang][r.status]}
              </Tag>
            ),
          },
          { title: m.sentAt, width: 170, render: (_, r) => when(r.updatedAt, lang) },
        ]}
      />
      <Modal
        open={adding}
        title={m.newDraft}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <RegisterOutgoingForm
          draft
          divisions={divisions}
          onDone={() => {
            setAdding(false);
            void client.invalidateQueries({ queryKey: ['office'] });
          }}
        />
      </Modal>
      {open && <DraftDrawer id={open} me={me} onClose={() => setOpen(null)} />}
    </>
  );
}
