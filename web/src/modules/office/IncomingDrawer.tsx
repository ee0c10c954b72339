// One incoming document: its register entry, the instructions given, and the assignment form.
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Descriptions, Drawer, Typography } from 'antd';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { INCOMING_STATUS_NAMES, URGENCY_NAMES } from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { AccessLogPanel } from './AccessLogPanel.tsx';
import { officeApi } from './api.ts';
import { AssignForm } from './IncomingForms.tsx';
import { Attachments } from './Attachments.tsx';
import { messages } from './messages.ts';
import { AssignmentTags, dmy, usePhone } from './parts.tsx';

export function IncomingDrawer({ id, me, onClose }: { id: string; me: Me; onClose: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const phone = usePhone();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['office', 'incoming', id],
    queryFn: () => officeApi.incomingDetail(id),
  });
  const d = detail.data;
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 640} title={d?.notation ?? m.details}>
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={m.arrivalNumber}>
              {d.arrivalNumber} ({d.year})
            </Descriptions.Item>
            <Descriptions.Item label={m.sender}>{d.senderName}</Descriptions.Item>
            <Descriptions.Item label={m.date}>{dmy(d.date)}</Descriptions.Item>
            <Descriptions.Item label={m.subject}>{d.subject}</Descriptions.Item>
            <Descriptions.Item label={m.urgency}>
              {URGENCY_NAMES[lang][d.urgency]}
            </Descriptions.Item>
            <Descriptions.Item label={m.status}>
              {INCOMING_STATUS_NAMES[lang][d.status]}
            </Descriptions.Item>
            <Descriptions.Item label={m.registeredBy}>{d.registeredBy}</Descriptions.Item>
          </Descriptions>
          <Attachments
            kind="incoming"
            id={d.id}
            items={d.attachments}
            signatureChecks={d.signatureChecks}
            canAdd={me.permissions.includes('office.register') && d.channel !== 'system'}
            onAdded={() => void client.invalidateQueries({ queryKey: ['office'] })}
          />
          {d.assignments.map((a) => (
            <Descriptions key={a.id} column={1} size="small" style={{ marginTop: 12 }}>
              <Descriptions.Item label={m.instruction}>{a.instruction}</Descriptions.Item>
              <Descriptions.Item label={m.lead}>{a.lead.fullName}</Descriptions.Item>
              {a.coordinators.length > 0 && (
                <Descriptions.Item label={m.coordinators}>
                  {a.coordinators.map((c) => c.fullName).join(', ')}
                </Descriptions.Item>
              )}
              <Descriptions.Item label={m.deadline}>
                {dmy(a.deadline)} <AssignmentTags a={a} />
              </Descriptions.Item>
              {a.result && <Descriptions.Item label={m.result}>{a.result}</Descriptions.Item>}
            </Descriptions>
          ))}
          {me.permissions.includes('office.assign') &&
            (d.status === 'registered' || d.status === 'assigned') && (
              <div style={{ marginTop: 16 }}>
                <Typography.Title level={5}>{m.assign}</Typography.Title>
                <AssignForm
                  doc={d}
                  onDone={() => void client.invalidateQueries({ queryKey: ['office'] })}
                />
              </div>
            )}
          {me.permissions.includes('office.log') && <AccessLogPanel kind="incoming" id={d.id} />}
        </>
      )}
    </Drawer>
  );
}
