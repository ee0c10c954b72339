import { Alert, Button, Checkbox, Form, Input, Select, Space } from 'antd';
import { NumberInput, numberRule } from '../../shared/NumberInput.tsx';
import { useState } from 'react';
import type { ProcedureInfo, Receipt } from '../../../../src/modules/services/contract.ts';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import { useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { saveBlob, servicesApi } from './api.ts';
import { dmy, fill, messages } from './messages.ts';

interface Values {
  procedure: string;
  personalId: string;
  fullName: string;
  birthDate: string;
  email: string;
  otp: string;
  serialNumber?: string;
  copies?: number;
  paper?: boolean;
  newFullName?: string;
  civilDecision?: string;
}

/** Applying without an account: identity, a code by e-mail, the procedure's details. */
export function ApplyPanel(props: { procedures: ProcedureInfo[]; chosen?: string | undefined }) {
  const m = useMessages(messages);
  const [form] = Form.useForm<Values>();
  const [sent, setSent] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const procedure = Form.useWatch('procedure', form) ?? props.chosen;

  const sendCode = async () => {
    setError(null);
    try {
      const { email, personalId } = await form.validateFields(['email', 'personalId']);
      const r = await servicesApi.sendOtp({ email, personalId });
      setSent(fill(m.codeSent, { email, minutes: r.expiresInMinutes }));
    } catch (e) {
      if (e && typeof e === 'object' && 'errorFields' in e) return;
      setError(problemToForm(e, form));
    }
  };
  const submit = async (v: Values) => {
    setError(null);
    try {
      const r = await servicesApi.apply({
        procedure: v.procedure,
        personalId: v.personalId,
        fullName: v.fullName,
        birthDate: parseVietnameseDate(v.birthDate) ?? v.birthDate,
        email: v.email,
        otp: v.otp,
        details:
          v.procedure === 'ban-sao-van-bang'
            ? { serialNumber: v.serialNumber, copies: v.copies ?? 1, paper: v.paper ?? false }
            : v.procedure === 'chinh-sua-van-bang'
              ? {
                  serialNumber: v.serialNumber,
                  changes: { fullName: v.newFullName },
                  civilDecision: v.civilDecision,
                }
              : {},
      });
      setReceipt(r);
    } catch (e) {
      setError(
        problemToForm(e, form, [
          'procedure',
          'personalId',
          'fullName',
          'birthDate',
          'email',
          'otp',
        ]),
      );
    }
  };

  if (receipt)
    return (
      <Space direction="vertical" style={{ width: '100%' }}>
        <Alert
          type="success"
          showIcon
          message={fill(m.received, { code: receipt.code, due: dmy(receipt.dueDate) })}
        />
        <Button
          onClick={() =>
            void servicesApi
              .receipt({
                code: receipt.code,
                personalId: form.getFieldValue('personalId') as string,
              })
              .then((b) => saveBlob(b, `tiep-nhan-${receipt.code}.pdf`))
          }
        >
          {m.downloadReceipt}
        </Button>
      </Space>
    );
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ procedure: props.chosen, copies: 1 }}
      onFinish={(v) => void submit(v)}
      style={{ maxWidth: 560 }}
    >
      <Form.Item label={m.procedure} name="procedure" rules={[{ required: true }]}>
        <Select options={props.procedures.map((p) => ({ value: p.id, label: p.name }))} />
      </Form.Item>
      <Form.Item
        label={m.personalId}
        name="personalId"
        rules={[{ required: true, pattern: /^\d{12}$/, message: m.personalId }]}
      >
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item label={m.fullName} name="fullName" rules={[{ required: true }]}>
        <Input autoComplete="name" />
      </Form.Item>
      <Form.Item
        label={m.birthDate}
        name="birthDate"
        rules={[{ required: true, pattern: /^\d{1,2}\/\d{1,2}\/\d{4}$/, message: m.birthDate }]}
      >
        <Input inputMode="numeric" placeholder="15/03/2008" />
      </Form.Item>
      {procedure === 'ban-sao-van-bang' && (
        <>
          <Form.Item label={m.serialNumber} name={['serialNumber']} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={m.copies} name="copies" rules={[numberRule(m.badCopies)]}>
            <NumberInput min={1} max={10} precision={0} />
          </Form.Item>
          <Form.Item name="paper" valuePropName="checked">
            <Checkbox>{m.paper}</Checkbox>
          </Form.Item>
        </>
      )}
      {procedure === 'chinh-sua-van-bang' && (
        <>
          <Form.Item label={m.serialNumber} name={['serialNumber']} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={m.newFullName} name="newFullName" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={m.civilDecision} name="civilDecision" rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </>
      )}
      <Form.Item label={m.email} name="email" rules={[{ required: true, type: 'email' }]}>
        <Input type="email" autoComplete="email" />
      </Form.Item>
      <Button onClick={() => void sendCode()} style={{ marginBottom: 16 }}>
        {m.sendCode}
      </Button>
      {sent && <Alert type="info" message={sent} style={{ marginBottom: 16 }} />}
      <Form.Item
        label={m.otp}
        name="otp"
        rules={[{ required: true, pattern: /^\d{6}$/, message: m.otp }]}
      >
        <Input inputMode="numeric" maxLength={6} autoComplete="one-time-code" />
      </Form.Item>
      {error && <Alert type="error" message={error} style={{ marginBottom: 16 }} />}
      <Button type="primary" htmlType="submit">
        {m.submit}
      </Button>
    </Form>
  );
}
