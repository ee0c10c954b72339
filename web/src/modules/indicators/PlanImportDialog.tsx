import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { PlanImportResult, UnitBrief } from '../../../../src/modules/indicators/contract.ts';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import { problemText } from '../../shared/api.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { indicatorsApi, indicatorsFiles } from './api.ts';
import { integers, type Lang } from './format.ts';
import { messages } from './messages.ts';

interface Values {
  name: string;
  decision: string;
  decisionDate: string;
}

/**
 * A plan's targets from a workbook (the template: one row per indicator and
 * year): the plan's name, number and date, then the file. A file with errors
 * writes nothing and its errors are listed by row and column.
 */
export function PlanImportDialog({
  open,
  onClose,
  unit,
  lang,
}: {
  open: boolean;
  onClose: () => void;
  unit: UnitBrief;
  lang: Lang;
}) {
  const m = useMessages(messages);
  const [form] = Form.useForm<Values>();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<PlanImportResult | null>(null);
  const client = useQueryClient();
  const send = useMutation({
    mutationFn: (v: Values) =>
      indicatorsApi.importPlan(
        {
          unitId: unit.id,
          name: v.name,
          decision: v.decision,
          decisionDate: parseVietnameseDate(v.decisionDate) ?? v.decisionDate,
        },
        file!,
      ),
    onSuccess: (r) => {
      setResult(r);
      // Not awaited: while the dashboard reloads, the dialog's button would
      // stay "loading" and a click on "Đóng" would do nothing.
      if (!r.errors.length) void client.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
  const rest = send.error ? problemToForm(send.error, form) : null;
  const close = () => {
    setResult(null);
    setFile(null);
    send.reset();
    form.resetFields();
    onClose();
  };
  const done = result && !result.errors.length;
  return (
    <Modal
      open={open}
      title={`${m.importPlan}: ${unit.name}`}
      onCancel={close}
      onOk={() => (done ? close() : form.submit())}
      okText={done ? m.close : m.importPlanSend}
      okButtonProps={{ disabled: !done && !file }}
      confirmLoading={send.isPending}
      width={760}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {m.importPlanHint}{' '}
        <a href={indicatorsFiles.planTemplate()} data-testid="plan-template">
          {m.importPlanTemplate}
        </a>
      </Typography.Paragraph>
      {rest && (
        <Alert
          type="error"
          showIcon
          message={rest || problemText(send.error)}
          style={{ marginBottom: 12 }}
        />
      )}
      {done && (
        <Alert
          type="success"
          showIcon
          data-testid="plan-import-done"
          message={(result.created ? m.importPlanCreated : m.importPlanReplaced).replace(
            '{n}',
            integers(lang).format(result.targets),
          )}
          style={{ marginBottom: 12 }}
        />
      )}
      {result && result.errors.length > 0 && (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Alert
            type="error"
            showIcon
            message={m.importPlanErrors.replace('{n}', integers(lang).format(result.errors.length))}
          />
          <Table
            size="small"
            data-testid="plan-import-errors"
            rowKey={(e) => `${e.row}-${e.column ?? ''}-${e.message}`}
            dataSource={result.errors}
            pagination={result.errors.length > 10 ? { pageSize: 10 } : false}
            columns={[
              { title: m.row, dataIndex: 'row', width: 70 },
              {
                title: m.column,
                dataIndex: 'column',
                width: 140,
                render: (c: string | null) => c ?? '—',
              },
              { title: m.problem, dataIndex: 'message' },
            ]}
          />
        </Space>
      )}
      <Form form={form} layout="vertical" onFinish={(v) => send.mutate(v)} disabled={!!done}>
        <Form.Item name="name" label={m.planName} rules={[{ required: true, message: m.required }]}>
          <Input placeholder="Kế hoạch phát triển giáo dục giai đoạn 2025-2030" />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="decision"
            label={m.planDecision}
            rules={[{ required: true, message: m.required }]}
          >
            <Input placeholder="298/KH-UBND" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item
            name="decisionDate"
            label={m.planDate}
            rules={dateRules(m.planDate, { required: true })}
          >
            <DateInput style={{ width: 140 }} />
          </Form.Item>
        </Space>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          beforeUpload={(f) => {
            setFile(f);
            setResult(null);
            return false;
          }}
          onRemove={() => setFile(null)}
          fileList={file ? [{ uid: 'plan', name: file.name, status: 'done' }] : []}
        >
          <Button icon={<UploadOutlined />}>{m.importPlanChoose}</Button>
        </Upload>
      </Form>
    </Modal>
  );
}
