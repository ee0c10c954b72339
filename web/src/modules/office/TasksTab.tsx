// The assignments given to me, with the deadline reminders.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { AssignmentRow, ReportBody } from '../../../../src/modules/office/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { TaskStats } from './TaskStats.tsx';
import { AssignmentTags, dmy, useErrorToast } from './parts.tsx';

export function TasksTab() {
  const m = useMessages(messages);
  const toast = useErrorToast();
  const client = useQueryClient();
  const [reporting, setReporting] = useState<AssignmentRow | null>(null);
  const tasks = useQuery({
    queryKey: ['office', 'assignments', 'mine'],
    queryFn: () => officeApi.assignments({ who: 'mine' }),
  });
  const notices = useQuery({
    queryKey: ['office', 'notices'],
    queryFn: () => officeApi.notices(),
  });
  const report = useMutation({
    mutationFn: (body: ReportBody) => officeApi.report(reporting!.id, body),
    onSuccess: () => {
      setReporting(null);
      void client.invalidateQueries({ queryKey: ['office'] });
    },
    onError: toast,
  });
  return (
    <>
      {(notices.data?.items.length ?? 0) > 0 && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text strong>{m.notices}: </Typography.Text>
          {notices.data!.items.slice(0, 5).map((n) => (
            <div key={n.id}>
              <Tag color={n.kind === 'overdue' ? 'red' : 'orange'}>
                {n.kind === 'overdue' ? m.overdue : m.dueSoon}
              </Tag>
              {n.message}
            </div>
          ))}
        </div>
      )}
      <Table<AssignmentRow>
        rowKey="id"
        size="small"
        loading={tasks.isLoading}
        dataSource={tasks.data?.items ?? []}
        scroll={{ x: 640 }}
        columns={[
          { title: m.number, dataIndex: 'incomingNotation', width: 150 },
          { title: m.subject, dataIndex: 'incomingSubject' },
          { title: m.instruction, dataIndex: 'instruction' },
          {
            title: m.deadline,
            width: 150,
            render: (_, a) => (
              <Space size={4} wrap>
                {dmy(a.deadline)}
                <AssignmentTags a={a} />
              </Space>
            ),
          },
          {
            title: '',
            width: 90,
            render: (_, a) =>
              a.status === 'open' && (
                <Button size="small" onClick={() => setReporting(a)}>
                  {m.report}
                </Button>
              ),
          },
        ]}
      />
      <Modal
        open={reporting !== null}
        title={reporting ? `${m.report}: ${reporting.incomingNotation}` : m.report}
        footer={null}
        onCancel={() => setReporting(null)}
        destroyOnHidden
      >
        <Form<ReportBody> layout="vertical" onFinish={(v) => report.mutate(v)}>
          <Form.Item name="progress" label={m.progress}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="result" label={m.result}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="done" valuePropName="checked">
            <Checkbox>{m.markDone}</Checkbox>
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={report.isPending}>
            {m.save}
          </Button>
        </Form>
      </Modal>
      <TaskStats />
    </>
  );
}
