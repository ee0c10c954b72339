// The outgoing register (sổ văn bản đi).
import { Space, Tag } from 'antd';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { OfficeSettings, OutgoingRow } from '../../../../src/modules/office/contract.ts';
import { OUTGOING_STATUS_NAMES } from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { OutgoingDrawer } from './OutgoingDrawer.tsx';
import { RegisterOutgoingForm } from './OutgoingForm.tsx';
import { messages } from './messages.ts';
import { dmy } from './parts.tsx';
import { RegisterList } from './RegisterList.tsx';

export function OutgoingTab({ me, settings }: { me: Me; settings: OfficeSettings | undefined }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  return (
    <RegisterList<OutgoingRow>
      kind="outgoing"
      load={(q, page) => officeApi.outgoing({ q, page })}
      addLabel={me.permissions.includes('office.register') ? m.registerOutgoing : null}
      form={(onDone) => (
        <RegisterOutgoingForm divisions={settings?.divisions ?? []} onDone={onDone} />
      )}
      drawer={(id, onClose) => <OutgoingDrawer id={id} me={me} onClose={onClose} />}
      exports={[
        { label: m.exportRegister, href: officeApi.outgoingRegisterXlsx() },
        { label: m.registerPdf, href: officeApi.outgoingRegisterPdf() },
      ]}
      columns={[
        { title: m.number, dataIndex: 'notation', width: 160 },
        { title: m.date, width: 110, render: (_, r) => dmy(r.date) },
        { title: m.subject, dataIndex: 'subject' },
        {
          title: m.recipientStatus,
          width: 120,
          render: (_, r) => (r.recipients ? `${r.received}/${r.recipients}` : ''),
        },
        {
          title: m.status,
          width: 140,
          render: (_, r) => (
            <Space size={4} wrap>
              {OUTGOING_STATUS_NAMES[lang][r.status]}
              {r.signed && <Tag color="blue">{m.signed}</Tag>}
            </Space>
          ),
        },
      ]}
    />
  );
}
