// The text of a numbered outgoing document, laid out as Decree 30 Annex I (DOCX and PDF).
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Select, Space } from 'antd';
import type { ComposeBody } from '../../../../src/modules/office/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { useErrorToast } from './parts.tsx';

export function ComposeForm({
  id,
  canSign,
  onDone,
}: {
  id: string;
  /** The caller may sign and the document is not signed yet: lay out with the seal and sign. */
  canSign: boolean;
  onDone: () => void;
}) {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const compose = useMutation({
    mutationFn: (body: ComposeBody) => officeApi.compose(id, body),
    onSuccess: onDone,
    onError: toast,
  });
  const composeSigned = useMutation({
    mutationFn: (body: ComposeBody) => officeApi.composeSigned(id, body),
    onSuccess: onDone,
    onError: toast,
  });
  const [form] = Form.useForm<ComposeBody>();
  return (
    <Form<ComposeBody>
      form={form}
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
      <Space wrap>
        <Button type="primary" htmlType="submit" loading={compose.isPending}>
          {m.compose}
        </Button>
        {canSign && (
          <Button
            loading={composeSigned.isPending}
            onClick={() => void form.validateFields().then((v) => composeSigned.mutate(v))}
          >
            {m.composeSigned}
          </Button>
        )}
      </Space>
    </Form>
  );
}
