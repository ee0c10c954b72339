// The text of a numbered outgoing document, laid out as Decree 30 Annex I (DOCX and PDF).
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space } from 'antd';
import type { ComposeBody } from '../../../../src/modules/office/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { useErrorToast } from './parts.tsx';

export function ComposeForm({ id, onDone }: { id: string; onDone: () => void }) {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const compose = useMutation({
    mutationFn: (body: ComposeBody) => officeApi.compose(id, body),
    onSuccess: onDone,
    onError: toast,
  });
  return (
    <Form<ComposeBody>
      layout="vertical"
      initialValues={{ authority: null, signerTitle: 'Giám đốc' }}
      onFinish={(v) => compose.mutate(v)}
    >
      <Form.Item name="body" label={m.bodyText} rules={[{ required: true }]}>
        <Input.TextArea rows={6} />
      </Form.Item>
      <Space wrap>
        <Form.Item name="authority" label={m.authority}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: null, label: '—' },
              ...['TM', 'KT', 'TL', 'TUQ'].map((a) => ({ value: a, label: `${a}.` })),
            ]}
          />
        </Form.Item>
        <Form.Item name="onBehalfOf" label={m.onBehalfOf}>
          <Input />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="signerTitle" label={m.signerTitle} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="signerName" label={m.signer}>
          <Input />
        </Form.Item>
        <Form.Item name="place" label={m.placeName} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
      </Space>
      <Button type="primary" htmlType="submit" loading={compose.isPending}>
        {m.compose}
      </Button>
    </Form>
  );
}
