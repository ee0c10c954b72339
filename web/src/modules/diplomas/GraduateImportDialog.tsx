import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import type {
  GraduateImportResult,
  ImportQuery,
} from '../../../../src/modules/diplomas/contract.ts';
import { DIPLOMA_TYPE_LABELS, DIPLOMA_TYPES } from '../../../../src/modules/diplomas/labels.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { DateInput, dateRules, todayTyped } from '../../shared/DateInput.tsx';
import { diplomasApi } from './api.ts';

type ImportOptions = Pick<ImportQuery, 'diplomaType' | 'issueDate' | 'signerName' | 'signerTitle'>;

/** Issues diplomas from a list of recognised graduates (xlsx): check first, then issue. */
export function GraduateImportDialog({
  authorityId,
  open,
  onClose,
  onIssued,
}: {
  authorityId: string;
  open: boolean;
  onClose: () => void;
  onIssued: () => Promise<void>;
}) {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [importResult, setImportResult] = useState<GraduateImportResult | null>(null);
  const upload = async (values: ImportOptions, dryRun: boolean) => {
    if (!file) return void message.warning('Hãy chọn tệp Excel.');
    const body = new FormData();
    body.append('file', file);
    try {
      const result = await diplomasApi.importGraduates(
        { ...values, authorityId, dryRun: dryRun ? '1' : '0' },
        body,
      );
      setImportResult(result);
      if (!dryRun) {
        void message.success(`Đã cấp ${result.summary.added} văn bằng.`);
        await onIssued();
      }
    } catch (e) {
      // A file with errors answers 422 with the same report.
      if (e instanceof ApiError && e.status === 422)
        setImportResult(e.body as GraduateImportResult);
      else void message.error(problemText(e));
    }
  };
  return (
    <Modal
      open={open}
      title="Cấp văn bằng từ danh sách công nhận tốt nghiệp"
      onCancel={onClose}
      footer={null}
      width={720}
      destroyOnHidden
    >
      <Form
        layout="vertical"
        initialValues={{
          diplomaType: 'upper_secondary',
          issueDate: todayTyped(),
          signerTitle: 'Giám đốc',
        }}
        onFinish={(v: ImportOptions) => void upload(v, true)}
      >
        <Form.Item label="Loại văn bằng" name="diplomaType">
          <Select
            options={DIPLOMA_TYPES.map((value) => ({ value, label: DIPLOMA_TYPE_LABELS[value] }))}
          />
        </Form.Item>
        <Form.Item
          label="Ngày cấp"
          name="issueDate"
          rules={dateRules('Ngày cấp', { required: true, notFuture: true })}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label="Người ký" name="signerName" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label="Chức danh người ký" name="signerTitle" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => (setFile(f), false)}
          onRemove={() => setFile(null)}
        >
          <Button>Chọn tệp Excel (.xlsx)</Button>
        </Upload>
        <Space style={{ marginTop: 16 }}>
          <Button htmlType="submit">Kiểm tra (chưa cấp)</Button>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldsValue }) => (
              <Button
                type="primary"
                disabled={!importResult || importResult.errorList.length > 0}
                onClick={() => void upload(getFieldsValue() as ImportOptions, false)}
              >
                Cấp văn bằng
              </Button>
            )}
          </Form.Item>
        </Space>
      </Form>
      {importResult && (
        <div style={{ marginTop: 16 }}>
          <Alert
            type={importResult.errorList.length ? 'error' : 'success'}
            message={
              importResult.errorList.length
                ? `${importResult.errorList.length} lỗi: chưa cấp văn bằng nào. Sửa tệp rồi kiểm tra lại.`
                : `${importResult.summary.rows} dòng hợp lệ: ${importResult.summary.added} văn bằng sẽ được cấp, ${importResult.summary.unchanged} đã có trong sổ.`
            }
          />
          {importResult.errorList.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              dataSource={importResult.errorList}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: 'Dòng', dataIndex: 'row', width: 64 },
                { title: 'Cột', dataIndex: 'column' },
                { title: 'Lỗi', dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
