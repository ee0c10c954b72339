import { Alert, App, Button, Form, Input, Modal, Select, Space, Table, Upload } from 'antd';
import { useState } from 'react';
import type {
  GraduateImportResult,
  ImportQuery,
} from '../../../../src/modules/diplomas/contract.ts';
import { ApiError, problemText } from '../../shared/api.ts';
import { DateInput, dateRules, todayTyped } from '../../shared/DateInput.tsx';
import { fill, useI18n, useMessages } from '../../shared/i18n.ts';
import { diplomasApi } from './api.ts';
import { DATE_RULE_LABELS, DIPLOMA_DATA, diplomaMessages, diplomaTypeOptions } from './messages.ts';

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
  const t = useMessages(diplomaMessages);
  const { lang } = useI18n();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [importResult, setImportResult] = useState<GraduateImportResult | null>(null);
  const upload = async (values: ImportOptions, dryRun: boolean) => {
    if (!file) return void message.warning(t.chooseExcel);
    const body = new FormData();
    body.append('file', file);
    try {
      const result = await diplomasApi.importGraduates(
        { ...values, authorityId, dryRun: dryRun ? '1' : '0' },
        body,
      );
      setImportResult(result);
      if (!dryRun) {
        void message.success(fill(t.issuedCount, { n: result.summary.added }, lang));
        // Not awaited: the register reloads behind the dialog.
        void onIssued();
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
      title={t.importTitle}
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
          signerTitle: DIPLOMA_DATA.signerTitle,
        }}
        onFinish={(v: ImportOptions) => void upload(v, true)}
      >
        <Form.Item label={t.diplomaType} name="diplomaType">
          <Select options={diplomaTypeOptions(lang)} />
        </Form.Item>
        <Form.Item
          label={t.issueDate}
          name="issueDate"
          rules={dateRules(DATE_RULE_LABELS.issueDate, { required: true, notFuture: true })}
        >
          <DateInput />
        </Form.Item>
        <Form.Item label={t.signerName} name="signerName" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item label={t.signerTitle} name="signerTitle" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Upload
          accept=".xlsx"
          maxCount={1}
          beforeUpload={(f) => (setFile(f), false)}
          onRemove={() => setFile(null)}
        >
          <Button>{t.pickExcel}</Button>
        </Upload>
        <Space style={{ marginTop: 16 }}>
          <Button htmlType="submit">{t.checkFile}</Button>
          <Form.Item noStyle shouldUpdate>
            {({ getFieldsValue }) => (
              <Button
                type="primary"
                disabled={!importResult || importResult.errorList.length > 0}
                onClick={() => void upload(getFieldsValue() as ImportOptions, false)}
              >
                {t.issue}
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
                ? fill(t.importErrors, { n: importResult.errorList.length }, lang)
                : fill(
                    t.importReady,
                    {
                      rows: importResult.summary.rows,
                      added: importResult.summary.added,
                      unchanged: importResult.summary.unchanged,
                    },
                    lang,
                  )
            }
          />
          {importResult.errorList.length > 0 && (
            <Table
              size="small"
              rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
              dataSource={importResult.errorList}
              pagination={{ pageSize: 10, hideOnSinglePage: true }}
              columns={[
                { title: t.row, dataIndex: 'row', width: 64 },
                { title: t.column, dataIndex: 'column' },
                // The server's message (row, column, what was expected), as it wrote it.
                { title: t.error, dataIndex: 'message' },
              ]}
            />
          )}
        </div>
      )}
    </Modal>
  );
}
