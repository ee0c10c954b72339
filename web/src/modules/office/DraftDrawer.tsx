// One draft: what will be registered, its approval steps, its files, and the next step's buttons.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Descriptions, Drawer, Input, Space, Timeline, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { DraftAction, DraftDetail } from '../../../../src/modules/office/contract.ts';
import { DRAFT_STATUS_NAMES } from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { Attachments } from './Attachments.tsx';
import { messages } from './messages.ts';
import { useErrorToast, usePhone, when } from './parts.tsx';

/** The steps the caller may take now (the server checks again: draft-rules.ts). */
function actionsFor(d: DraftDetail, me: Me): DraftAction[] {
  const mine = d.drafterId === me.id;
  const can = (p: Me['permissions'][number]) => me.permissions.includes(p);
  const out: DraftAction[] = [];
  if ((d.status === 'draft' || d.status === 'returned') && mine) out.push('submit');
  if (d.status === 'review' && !mine && can('office.review')) out.push('forward');
  if ((d.status === 'review' || d.status === 'leader') && !mine && can('office.approve'))
    out.push('approve');
  if ((d.status === 'review' || d.status === 'leader') && !mine && can('office.review'))
    out.push('return');
  return out;
}

export function DraftDrawer({ id, me, onClose }: { id: string; me: Me; onClose: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const phone = usePhone();
  const toast = useErrorToast();
  const client = useQueryClient();
  const [comment, setComment] = useState('');
  const detail = useQuery({
    queryKey: ['office', 'draft', id],
    queryFn: () => officeApi.draft(id),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['office'] });
  const step = useMutation({
    mutationFn: (action: DraftAction) =>
      officeApi.stepDraft(id, { action, comment, version: detail.data!.version }),
    onSuccess: () => {
      setComment('');
      refresh();
    },
    onError: toast,
  });
  const stepName = new Map(m.stepNames.split(';').map((p) => p.split(':') as [string, string]));
  const d = detail.data;
  const label: Record<DraftAction, string> = {
    submit: m.submit,
    forward: m.forward,
    approve: m.approve,
    return: m.returnDraft,
  };
  return (
    <Drawer open onClose={onClose} width={phone ? '100%' : 640} title={d?.subject ?? m.details}>
      {d && (
        <>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={m.status}>
              {DRAFT_STATUS_NAMES[lang][d.status]}
            </Descriptions.Item>
            <Descriptions.Item label={m.type}>{d.type}</Descriptions.Item>
            <Descriptions.Item label={m.drafter}>{d.drafterName}</Descriptions.Item>
            <Descriptions.Item label={m.recipientCount}>
              {d.recipientCount.toLocaleString('vi-VN')}
              {d.body.outsideRecipients.length ? ` + ${d.body.outsideRecipients.join('; ')}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Attachments
            kind="draft"
            id={d.id}
            items={d.attachments}
            canAdd={(d.status === 'draft' || d.status === 'returned') && d.drafterId === me.id}
            onAdded={refresh}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {m.steps}
          </Typography.Title>
          <Timeline
            items={d.steps.map((s) => ({
              children: `${when(s.at, lang)} · ${stepName.get(s.action) ?? s.action} · ${s.actorName}${s.comment ? `: ${s.comment}` : ''}`,
            }))}
          />
          {actionsFor(d, me).length > 0 && (
            <>
              <Input.TextArea
                rows={2}
                placeholder={m.comment}
                aria-label={m.comment}
                value={comment}
                onChange={(e) => setComment(e.target.value)}
              />
              <Space wrap style={{ marginTop: 8 }}>
                {actionsFor(d, me).map((a) => (
                  <Button
                    key={a}
                    danger={a === 'return'}
                    type={a === 'approve' ? 'primary' : 'default'}
                    loading={step.isPending}
                    onClick={() => step.mutate(a)}
                  >
                    {label[a]}
                  </Button>
                ))}
              </Space>
            </>
          )}
          {d.status === 'approved' && me.permissions.includes('office.register') && (
            <Button
              type="primary"
              style={{ marginTop: 8 }}
              onClick={() => void officeApi.numberDraft(d.id, d.version).then(refresh, toast)}
            >
              {m.numberDraft}
            </Button>
          )}
        </>
      )}
    </Drawer>
  );
}
