import { Button, Form, Input, InputNumber, Modal, Select, type FormInstance } from 'antd';
import type {
  CopyBody,
  Decision,
  DiplomaCorrection,
  DiplomaDetail,
} from '../../../../src/modules/diplomas/contract.ts';
import { GENDER_LABELS } from '../../../../src/modules/registry/labels.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { diplomasApi } from './api.ts';

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
  return (
    <Modal open={open} title="Thu hồi văn bằng" onCancel={onClose} footer={null} destroyOnHidden>
      <Form layout="vertical" onFinish={(v: Decision) => onSubmit(() => diplomasApi.revoke(id, v))}>
        <Form.Item label="Số quyết định" name="decisionNumber" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label="Ngày quyết định"
          name="decisionDate"
          rules={dateRules('Ngày quyết định', { required: true, notFuture: true })}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label="Lý do" name="reason" rules={[{ required: true }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
        <Button danger type="primary" htmlType="submit" loading={saving}>
          Thu hồi
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
  return (
    <Modal
      open={dialog !== null}
      title={dialog === 'correct' ? 'Chỉnh sửa nội dung văn bằng' : 'Cấp bản sao từ sổ gốc'}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText="Lưu"
      cancelText="Huỷ"
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
              label="Số quyết định chỉnh sửa"
              name="decisionNumber"
              rules={[{ required: true }]}
            >
              <Input />
            </Form.Item>
            <Form.Item
              label="Ngày quyết định"
              name="decisionDate"
              rules={dateRules('Ngày quyết định', { required: true, notFuture: true })}
            >
              <DateInput />
            </Form.Item>
            <Form.Item label="Lý do" name="reason" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item label="Họ và tên mới" name="fullName">
              <Input />
            </Form.Item>
            <Form.Item
              label="Ngày sinh mới"
              name="birthDate"
              rules={dateRules('Ngày sinh mới', { notFuture: true })}
            >
              <DateInput />
            </Form.Item>
            <Form.Item label="Nơi sinh mới" name="birthPlace">
              <Input />
            </Form.Item>
            <Form.Item label="Giới tính" name="gender">
              <Select
                allowClear
                options={Object.entries(GENDER_LABELS).map(([value, label]) => ({ value, label }))}
              />
            </Form.Item>
            <Form.Item label="Dân tộc mới" name="ethnicity">
              <Input />
            </Form.Item>
          </>
        ) : (
          <>
            <Form.Item label="Người đề nghị" name="requester" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item
              label="Số bản sao"
              name="copies"
              initialValue={1}
              rules={[{ required: true }]}
            >
              <InputNumber min={1} max={20} />
            </Form.Item>
            <Form.Item label="Lý do" name="reason" rules={[{ required: true }]}>
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
    </Modal>
  );
}
