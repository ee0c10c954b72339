import { App, Button, Card, Form, Input, Modal, Space, Table } from 'antd';
import { useState } from 'react';
import type { StaffRecord } from '../../../../src/modules/registry/contract.ts';
import { formatDate } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { registryApi } from './api.ts';
import type { staffMessages } from './staffMessages.ts';

type Messages = (typeof staffMessages)['vi'];

/** A staff record's training entries, with a line to add one. */
export function StaffTrainingCard({
  record,
  m,
  canEdit,
  onAdded,
}: {
  record: StaffRecord;
  m: Messages;
  canEdit: boolean;
  onAdded: (next: StaffRecord) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm<{
    fromDate: string;
    toDate?: string;
    content: string;
    certificate?: string;
  }>();
  const add = async (v: {
    fromDate: string;
    toDate?: string;
    content: string;
    certificate?: string;
  }) => {
    try {
      onAdded(await registryApi.addStaffTraining(record.id, v));
      form.resetFields();
    } catch (e) {
      void message.error(problemToForm(e, form, ['fromDate', 'toDate', 'content', 'certificate']));
    }
  };
  return (
    <Card title={m.training}>
      <Table
        rowKey="id"
        size="small"
        data-testid="staff-training"
        dataSource={record.training}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: m.none }}
        columns={[
          { title: m.fromDate, render: (_v, t) => formatDate(t.fromDate) },
          { title: m.toDate, render: (_v, t) => (t.toDate ? formatDate(t.toDate) : '') },
          { title: m.content, dataIndex: 'content' },
          { title: m.certificate, dataIndex: 'certificate' },
        ]}
      />
      {canEdit && (
        <Form form={form} layout="vertical" onFinish={(v) => void add(v)} style={{ marginTop: 16 }}>
          <Space wrap align="end">
            <Form.Item
              name="fromDate"
              label={m.fromDate}
              rules={[{ required: true, message: m.required }]}
            >
              <Input placeholder="dd/mm/yyyy" inputMode="numeric" style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="toDate" label={m.toDate}>
              <Input placeholder="dd/mm/yyyy" inputMode="numeric" style={{ width: 130 }} />
            </Form.Item>
            <Form.Item
              name="content"
              label={m.content}
              rules={[{ required: true, message: m.required }]}
            >
              <Input style={{ width: 300, maxWidth: '80vw' }} />
            </Form.Item>
            <Form.Item name="certificate" label={m.certificate}>
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit">{m.addTraining}</Button>
            </Form.Item>
          </Space>
        </Form>
      )}
    </Card>
  );
}

/** Leaving the school: a reason and the day; the record stays, never deleted. */
export function StaffLeave({
  record,
  m,
  onDone,
}: {
  record: StaffRecord;
  m: Messages;
  onDone: (next: StaffRecord) => void;
}) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string>();
  const [form] = Form.useForm<{ reason: string; date?: string }>();
  const submit = async () => {
    const v = await form.validateFields();
    setError(undefined);
    try {
      const next = await registryApi.staffLeaves(record.id, {
        reason: v.reason,
        ...(v.date?.trim() ? { date: v.date } : {}),
        version: record.version,
      });
      setOpen(false);
      onDone(next);
    } catch (e) {
      setError(problemToForm(e, form, ['reason', 'date']));
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {m.leave}
      </Button>
      <Modal
        open={open}
        title={m.leaveTitle}
        okText={m.leave}
        okButtonProps={{ danger: true }}
        cancelText={m.cancel}
        onOk={() => void submit()}
        onCancel={() => setOpen(false)}
      >
        {error && <p role="alert">{error}</p>}
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={m.leaveReason}
            rules={[{ required: true, message: m.required }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="date" label={m.leaveDate}>
            <Input placeholder="dd/mm/yyyy" inputMode="numeric" />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
