// The incoming register's forms: registering a document, and the leader's assignment.
import { useMutation, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, Form, Input, Select, Space } from 'antd';
import type {
  AssignBody,
  IncomingDetail,
  RegisterIncomingBody,
} from '../../../../src/modules/office/contract.ts';
import {
  CONFIDENTIALITIES,
  CONFIDENTIALITY_NAMES,
  DOCUMENT_TYPE_TABLES,
  DOCUMENT_TYPES,
  URGENCIES,
  URGENCY_NAMES,
} from '../../../../src/modules/office/labels.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { addDays, fill, today, useErrorToast } from './parts.tsx';

export function RegisterIncomingForm({ onDone }: { onDone: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const toast = useErrorToast();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<RegisterIncomingBody>();
  const save = useMutation({
    mutationFn: (body: RegisterIncomingBody) => officeApi.registerIncoming(body),
    onSuccess: (r) => {
      void message.success(fill(m.registered, { what: `${m.arrivalNumber} ${r.arrivalNumber}` }));
      form.resetFields();
      onDone();
    },
    onError: toast,
  });
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ type: 'CV', urgency: 'normal', confidentiality: 'normal', date: today() }}
      onFinish={(v) => save.mutate(v)}
    >
      <Form.Item name="senderName" label={m.sender} rules={[{ required: true }]}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="notation" label={m.number} rules={[{ required: true }]}>
          <Input placeholder="1234/BGDĐT-GDPT" />
        </Form.Item>
        <Form.Item name="type" label={m.type}>
          <Select
            style={{ width: 180 }}
            options={DOCUMENT_TYPES.map((t) => ({
              value: t,
              label: DOCUMENT_TYPE_TABLES[0].types[t][lang === 'vi' ? 'vi' : 'en'],
            }))}
          />
        </Form.Item>
        <Form.Item name="date" label={m.date} rules={[{ required: true }]}>
          <Input type="date" />
        </Form.Item>
      </Space>
      <Form.Item name="subject" label={m.subject} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="urgency" label={m.urgency}>
          <Select
            style={{ width: 150 }}
            options={URGENCIES.map((u) => ({ value: u, label: URGENCY_NAMES[lang][u] }))}
          />
        </Form.Item>
        <Form.Item name="confidentiality" label={m.confidentiality}>
          <Select
            style={{ width: 150 }}
            options={CONFIDENTIALITIES.map((c) => ({
              value: c,
              label: CONFIDENTIALITY_NAMES[lang][c],
            }))}
          />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={save.isPending}>
        {m.registerIncoming}
      </Button>
    </Form>
  );
}

export function AssignForm({ doc, onDone }: { doc: IncomingDetail; onDone: () => void }) {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const members = useQuery({
    queryKey: ['office', 'members'],
    queryFn: () => officeApi.members(),
  });
  const options = (members.data?.items ?? []).map((u) => ({ value: u.id, label: u.fullName }));
  const assign = useMutation({
    mutationFn: (body: AssignBody) => officeApi.assign(doc.id, body),
    onSuccess: onDone,
    onError: toast,
  });
  return (
    <Form
      layout="vertical"
      initialValues={{ deadline: addDays(today(), 5), coUserIds: [] }}
      onFinish={(v: AssignBody) => assign.mutate(v)}
    >
      <Form.Item name="leadUserId" label={m.lead} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" options={options} />
      </Form.Item>
      <Form.Item name="coUserIds" label={m.coordinators}>
        <Select mode="multiple" optionFilterProp="label" options={options} />
      </Form.Item>
      <Form.Item name="instruction" label={m.instruction} rules={[{ required: true }]}>
        <Input.TextArea rows={2} />
      </Form.Item>
      <Form.Item name="deadline" label={m.deadline} rules={[{ required: true }]}>
        <Input type="date" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={assign.isPending}>
        {m.assign}
      </Button>
    </Form>
  );
}
