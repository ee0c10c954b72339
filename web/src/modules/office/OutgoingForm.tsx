// Registering an outgoing document: number, recipients in the tree and outside.
import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Select, Space } from 'antd';
import { useRef, useState } from 'react';
import type { Level, UnitSummary } from '../../../../src/modules/orgs/contract.ts';
import type { RegisterOutgoingBody } from '../../../../src/modules/office/contract.ts';
import {
  DOCUMENT_TYPE_TABLES,
  DOCUMENT_TYPES,
  URGENCIES,
  URGENCY_NAMES,
} from '../../../../src/modules/office/labels.ts';
import { LEVEL_LABELS, useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { fill, useErrorToast } from './parts.tsx';

function RecipientPicker({
  id,
  value,
  onChange,
}: {
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
}) {
  const m = useMessages(messages);
  const [options, setOptions] = useState<UnitSummary[]>([]);
  const [known, setKnown] = useState<Record<string, string>>({});
  const latestQuery = useRef(0);
  return (
    <Select
      id={id}
      mode="multiple"
      showSearch
      value={value}
      placeholder={m.searchRecipients}
      filterOption={false}
      onSearch={(q) => {
        if (q.trim().length < 2) return;
        // Only the newest query's answer is shown: answers can arrive out of order while typing.
        const query = ++latestQuery.current;
        void officeApi.searchUnits(q).then((r) => {
          setKnown((k) => ({ ...k, ...Object.fromEntries(r.map((u) => [u.id, u.name])) }));
          if (query !== latestQuery.current) return;
          setOptions(r);
        });
      }}
      onChange={(ids: string[]) => onChange?.(ids)}
      options={[
        ...options.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` })),
        ...(value ?? [])
          .filter((v) => !options.some((o) => o.id === v))
          .map((v) => ({ value: v, label: known[v] ?? v })),
      ]}
      style={{ width: '100%' }}
    />
  );
}

type OutgoingForm = Omit<RegisterOutgoingBody, 'outsideRecipients' | 'recipientGroups'> & {
  outside?: string;
  groupRoots?: string[];
  groupLevels?: Level[];
};

/**
 * An outgoing document's fields: numbered at once (`draft` false: the
 * clerk's register), or saved as a draft for approval.
 */
export function RegisterOutgoingForm({
  divisions,
  onDone,
  draft = false,
}: {
  divisions: string[];
  onDone: () => void;
  draft?: boolean;
}) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const save = useMutation({
    mutationFn: async ({ outside, groupRoots, groupLevels, ...rest }: OutgoingForm) => {
      const body = {
        ...rest,
        recipientGroups: (groupRoots ?? []).map((rootId) => ({
          rootId,
          ...(groupLevels?.length ? { levels: groupLevels } : {}),
        })),
        outsideRecipients: (outside ?? '')
          .split('\n')
          .map((s) => s.trim())
          .filter(Boolean),
      };
      if (draft) {
        await officeApi.createDraft(body);
        return m.saveDraft;
      }
      return fill(m.registered, { what: (await officeApi.registerOutgoing(body)).notation });
    },
    onSuccess: (text) => {
      void message.success(text);
      onDone();
    },
    onError: toast,
  });
  return (
    <Form<OutgoingForm>
      layout="vertical"
      initialValues={{ type: 'CV', urgency: 'normal', confidentiality: 'normal', recipientIds: [] }}
      onFinish={(v) => save.mutate(v)}
    >
      <Space wrap>
        <Form.Item name="type" label={m.type}>
          <Select
            style={{ width: 180 }}
            options={DOCUMENT_TYPES.map((t) => ({
              value: t,
              label: `${DOCUMENT_TYPE_TABLES[0].types[t][lang === 'vi' ? 'vi' : 'en']} (${t})`,
            }))}
          />
        </Form.Item>
        <Form.Item name="draftingUnit" label={m.draftingUnit}>
          <Select
            allowClear
            style={{ width: 140 }}
            options={divisions.map((d) => ({ value: d, label: d }))}
          />
        </Form.Item>
        <Form.Item name="urgency" label={m.urgency}>
          <Select
            style={{ width: 150 }}
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_NAMES[lang][u] }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="subject" label={m.subject} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="signerName" label={m.signer}>
        <Input />
      </Form.Item>
      <Form.Item name="recipientIds" label={m.recipients}>
        <RecipientPicker />
      </Form.Item>
      <Space wrap style={{ width: '100%' }}>
        <Form.Item name="groupRoots" label={m.groups} style={{ minWidth: 240 }}>
          <RecipientPicker />
        </Form.Item>
        <Form.Item name="groupLevels" label={m.levels}>
          <Select
            mode="multiple"
            style={{ minWidth: 160 }}
            options={Object.entries(LEVEL_LABELS[lang]).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
      </Space>
      <Form.Item name="outside" label={m.outsideRecipients}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {draft ? m.saveDraft : m.registerOutgoing}
      </Button>
    </Form>
  );
}
