import { useMutation } from '@tanstack/react-query';
import {
  App as AntApp,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import type {
  CycleDetail,
  PlanTask,
  PlanTaskBody,
} from '../../../../src/modules/accreditation/contract.ts';
import {
  COUNCIL_ROLE_LABELS,
  PLAN_STEP_LABELS,
  type PlanStep,
} from '../../../../src/modules/accreditation/labels.ts';
import { problemText } from '../../shared/api.ts';
import { DateInput } from '../../shared/DateInput.tsx';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

type Fields = {
  step: PlanStep;
  criterionCode?: string;
  memberId?: string;
  title?: string;
  startsOn: string;
  dueOn: string;
};

/** The self-assessment plan's timetable: tasks by step and criterion, the member in charge, dates. */
export function PlanPanel({
  cycle,
  onSaved,
}: {
  cycle: CycleDetail;
  onSaved: (c: CycleDetail) => void;
}) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Fields>();
  const add = useMutation({
    mutationFn: (v: Fields) => {
      const body: PlanTaskBody = {
        step: v.step,
        criterionCode: v.criterionCode ?? null,
        memberId: v.memberId ?? null,
        startsOn: v.startsOn,
        dueOn: v.dueOn,
      };
      if (v.title) body.title = v.title;
      return accreditationApi.addPlanTask(cycle.id, body);
    },
    onSuccess: (c) => {
      form.resetFields();
      onSaved(c);
    },
    onError: (e) => {
      const rest = problemToForm(e, form, [
        'step',
        'criterionCode',
        'memberId',
        'title',
        'startsOn',
        'dueOn',
      ]);
      message.error(rest);
    },
  });
  const mark = useMutation({
    mutationFn: (v: { taskId: string; done: boolean }) =>
      accreditationApi.markPlanTask(cycle.id, v.taskId, v.done),
    onSuccess: onSaved,
    onError: (e) => message.error(problemText(e)),
  });
  const remove = useMutation({
    mutationFn: (taskId: string) => accreditationApi.removePlanTask(cycle.id, taskId),
    onSuccess: onSaved,
    onError: (e) => message.error(problemText(e)),
  });
  const status = (t: PlanTask) =>
    t.doneAt ? (
      <Tag color="green">{m.taskDone}</Tag>
    ) : t.overdue ? (
      <Tag color="red">{m.taskOverdue}</Tag>
    ) : (
      <Tag>{m.taskOpen}</Tag>
    );
  const criteria = cycle.standards.flatMap((s) => s.criteria);
  return (
    <Card size="small" title={m.plan}>
      <Table<PlanTask>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: true }}
        dataSource={cycle.plan}
        locale={{ emptyText: m.noPlan }}
        columns={[
          {
            title: m.task,
            render: (_, t) => (
              <>
                <div>{t.title}</div>
                <small>{PLAN_STEP_LABELS[t.step][lang]}</small>
              </>
            ),
          },
          {
            title: m.inCharge,
            render: (_, t) =>
              t.member ? `${t.member.fullName} (${COUNCIL_ROLE_LABELS[t.member.role][lang]})` : '—',
          },
          {
            title: m.when,
            render: (_, t) => `${formatDate(t.startsOn)} – ${formatDate(t.dueOn)}`,
          },
          {
            title: m.status,
            render: (_, t) =>
              cycle.canTrack ? (
                <Checkbox
                  checked={t.doneAt !== null}
                  disabled={mark.isPending}
                  onChange={(e) => mark.mutate({ taskId: t.id, done: e.target.checked })}
                >
                  {status(t)}
                </Checkbox>
              ) : (
                status(t)
              ),
          },
          ...(cycle.canPlan
            ? [
                {
                  title: m.removeTask,
                  responsive: ['sm' as const],
                  render: (_: unknown, t: PlanTask) => (
                    <Popconfirm title={m.removeTaskConfirm} onConfirm={() => remove.mutate(t.id)}>
                      <Button size="small" danger>
                        {m.removeTask}
                      </Button>
                    </Popconfirm>
                  ),
                },
              ]
            : []),
        ]}
      />
      {cycle.canPlan && (
        <Form
          form={form}
          layout="vertical"
          style={{ marginTop: 8 }}
          initialValues={{ step: 'evidence' }}
          onFinish={(v) => add.mutate(v)}
        >
          <Space wrap align="start">
            <Form.Item name="step" label={m.step}>
              <Select
                style={{ minWidth: 200 }}
                options={(Object.keys(PLAN_STEP_LABELS) as PlanStep[]).map((s) => ({
                  value: s,
                  label: PLAN_STEP_LABELS[s][lang],
                }))}
              />
            </Form.Item>
            <Form.Item name="criterionCode" label={m.criterion}>
              <Select
                allowClear
                showSearch
                style={{ minWidth: 120 }}
                placeholder={m.wholeCycle}
                options={criteria.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
            <Form.Item name="memberId" label={m.inCharge}>
              <Select
                allowClear
                style={{ minWidth: 180 }}
                options={cycle.members.map((x) => ({ value: x.id, label: x.fullName }))}
              />
            </Form.Item>
            <Form.Item name="title" label={m.taskTitle}>
              <Input maxLength={500} />
            </Form.Item>
            <Form.Item name="startsOn" label={m.startsOn} rules={[{ required: true }]}>
              <DateInput style={{ width: 130 }} />
            </Form.Item>
            <Form.Item name="dueOn" label={m.dueOn} rules={[{ required: true }]}>
              <DateInput style={{ width: 130 }} />
            </Form.Item>
          </Space>
          <Button htmlType="submit" loading={add.isPending}>
            {m.addTask}
          </Button>
        </Form>
      )}
    </Card>
  );
}
