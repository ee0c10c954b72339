import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import {
  COUNCIL_ROLE_LABELS,
  type CouncilRole,
} from '../../../../src/modules/accreditation/labels.ts';
import { problemText } from '../../shared/api.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

/** The council's members, their roles and criteria; the principal adds members. */
export function CouncilPanel({
  cycle,
  onSaved,
}: {
  cycle: CycleDetail;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<{ fullName: string; role: CouncilRole; criteria?: string }>();
  const add = useMutation({
    mutationFn: (v: { fullName: string; role: CouncilRole; criteria?: string }) =>
      accreditationApi.addMember(cycle.id, {
        fullName: v.fullName,
        role: v.role,
        criteria: (v.criteria ?? '').split(/[,;\s]+/).filter(Boolean),
      }),
    onSuccess: (c) => {
      form.resetFields();
      onSaved(c);
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <Card size="small" title={m.council}>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={cycle.members}
        columns={[
          { title: m.member, dataIndex: 'fullName' },
          { title: m.role, render: (_, r) => COUNCIL_ROLE_LABELS[r.role][lang] },
          { title: m.criterion, render: (_, r) => r.criteria.join(', ') },
        ]}
      />
      {cycle.canSubmit && (
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => add.mutate(v)}
          initialValues={{ role: 'member' }}
        >
          <Space wrap align="end">
            <Form.Item name="fullName" label={m.member} rules={[{ required: true }]}>
              <Input maxLength={200} />
            </Form.Item>
            <Form.Item name="role" label={m.role}>
              <Select
                style={{ minWidth: 160 }}
                options={(Object.keys(COUNCIL_ROLE_LABELS) as CouncilRole[]).map((r) => ({
                  value: r,
                  label: COUNCIL_ROLE_LABELS[r][lang],
                }))}
              />
            </Form.Item>
            <Form.Item name="criteria" label={m.criteriaAssigned}>
              <Input />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={add.isPending}>
                {m.addMember}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
    </Card>
  );
}
