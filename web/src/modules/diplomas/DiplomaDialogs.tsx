import { Button, Form, Input, Modal, Select, type FormInstance } from 'antd';
import type {
  CopyBody,
  Decision,
  DiplomaCorrection,
  DiplomaDetail,
} from '../../../../src/modules/diplomas/contract.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { NumberInput } from '../../shared/NumberInput.tsx';
import { diplomasApi } from './api.ts';
import { DATE_RULE_LABELS, diplomaMessages, genderOptions } from './messages.ts';
import { numberRule } from './numberRule.ts';

/** Runs a change of the register entry (the page shows its outcome). */
type Submit = (change: () => Promise<DiplomaDetail>) => void;

/** Revocation by decision: number, date and reason. */
export function RevokeDialog({
  id,
  open,
  saving,
  onClose,
  onSubmit,
}: {
  id: string;
  open: boolean;
  saving: boolean;
  onClose: () => void;
  onSubmit: Submit;
}) {
  const t = useMessages(diplomaMessages);
  return (
    <Modal open={open} title={t.revokeTitle} onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={(v: Decision) => onSubmit(() => diplomasApi.revoke(id, v))}>
        <Form.Item label={t.decisionNumberShort} name="decisionNumber" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={t.decisionDate}
          name="decisionDate"
          rules={dateRules(DATE_RULE_LABELS.decisionDate, { required: true, notFuture: true })}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label={t.reason} name="reason" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button danger type="primary" htmlType="submit" loading={saving}>
          {t.revoke}
        </Button>
      </Form>
    </Modal>
  );
}

/** A correction by decision (only the fields typed change) or copies from the register. */
export function ChangeDialog({
  id,
  dialog,
  form,
  saving,
  onClose,
  onSubmit,
}: {
  id: string;
  dialog: 'correct' | 'copy' | null;
  form: FormInstance;
  saving: boolean;
  onClose: () => void;
  onSubmit: Submit;
}) {
  const t = useMessages(diplomaMessages);
  const { lang } = useI18n();
  return (
    <Modal
      open={dialog !== null}
      title={dialog === 'correct' ? t.correctTitle : t.copyTitle}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t.save}
      cancelText={t.cancel}
      confirmLoading={saving}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={(v: CopyBody & Decision & DiplomaCorrection) => {
          if (dialog === 'copy') return onSubmit(() => diplomasApi.copy(id, v));
          const { decisionNumber, decisionDate, reason, ...rest } = v;
          // Only the fields typed in change: an empty one is left as it is.
          const changes: DiplomaCorrection = Object.fromEntries(
            Object.entries(rest).filter(([, x]) => x !== undefined && x !== ''),
          );
          onSubmit(() =>
            diplomasApi.correct(id, { decisionNumber, decisionDate, reason, changes }),
          );
        }}
      >
        {dialog === 'correct' ? (
          <>
            <Form.Item
              label={t.correctionDecisionNumber}
              name="decisionNumber"
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label={t.decisionDate}
              name="decisionDate"
              rules={dateRules(DATE_RULE_LABELS.decisionDate, { required: true, notFuture: true })}
            >
              <DateInput />
            </Form.Item>
            <Form.Item label={t.reason} name="reason" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item label={t.newFullName} name="fullName">
              <Input />
            </Form.Item>
            <Form.Item
              label={t.newBirthDate}
              name="birthDate"
              rules={dateRules(DATE_RULE_LABELS.newBirthDate, { notFuture: true })}
            >
              <DateInput />
            </Form.Item>
            <Form.Item label={t.newBirthPlace} name="birthPlace">
              <Input />
            </Form.Item>
            <Form.Item label={t.gender} name="gender">
              <Select allowClear options={genderOptions(lang)} />
            </Form.Item>
            <Form.Item label={t.newEthnicity} name="ethnicity">
              <Input />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label={t.requester} name="requester" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item
              label={t.copies}
              name="copies"
              initialValue={1}
              rules={[{ required: true }, numberRule(t.copiesInvalid)]}
            >
              <NumberInput min={1} max={20} precision={0} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item label={t.reason} name="reason" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
