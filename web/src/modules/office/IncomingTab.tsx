// The incoming register (sổ văn bản đến).
import { Space, Tag } from 'antd';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { IncomingRow } from '../../../../src/modules/office/contract.ts';
import { INCOMING_STATUS_NAMES, URGENCY_NAMES } from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { EdxmlImport } from './EdxmlImport.tsx';
import { IncomingDrawer } from './IncomingDrawer.tsx';
import { RegisterIncomingForm } from './IncomingForms.tsx';
import { messages } from './messages.ts';
import { dmy } from './parts.tsx';
import { RegisterList } from './RegisterList.tsx';

export function IncomingTab({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  return (
    <RegisterList<IncomingRow>
      kind="incoming"
      load={(q, page) => officeApi.incoming({ q, page })}
      addLabel={me.permissions.includes('office.register') ? m.registerIncoming : null}
      form={(onDone) => <RegisterIncomingForm onDone={onDone} />}
      drawer={(id, onClose) => <IncomingDrawer id={id} me={me} onClose={onClose} />}
      exports={[
        { label: m.exportRegister, href: officeApi.incomingRegisterXlsx() },
        { label: m.registerPdf, href: officeApi.incomingRegisterPdf() },
      ]}
      extra={me.permissions.includes('office.register') ? <EdxmlImport /> : null}
      columns={[
        { title: m.arrivalNumber, dataIndex: 'arrivalNumber', width: 80 },
        { title: m.number, dataIndex: 'notation', width: 150 },
        { title: m.sender, dataIndex: 'senderName', width: 180, responsive: ['sm'] },
        { title: m.subject, dataIndex: 'subject' },
        {
          title: m.status,
          width: 160,
          render: (_, r) => (
            <Space size={4} wrap>
              {INCOMING_STATUS_NAMES[lang][r.status]}
              {r.urgency !== 'normal' && (
                <Tag color="volcano">{URGENCY_NAMES[lang][r.urgency]}</Tag>
              )}
              {r.overdue && <Tag color="red">{m.overdue}</Tag>}
              {r.deadline && !r.overdue && <span>{dmy(r.deadline)}</span>}
            </Space>
          ),
        },
      ]}
    />
  );
}
