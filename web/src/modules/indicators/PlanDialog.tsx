import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Form, Input, Modal, Select, Space } from 'antd';
import type { Dashboard, UnitBrief } from '../../../../src/modules/indicators/contract.ts';
import { parseVietnameseDate } from '../../../../src/lib/dates.ts';
import { DateInput, dateRules } from '../../shared/DateInput.tsx';
import { useMessages } from '../../shared/i18n.ts';
import { NumberInput, numberRule } from '../../shared/NumberInput.tsx';
import { problemToForm } from '../../shared/problemToForm.ts';
import { recentSchoolYears } from '../../shared/schoolYear.ts';
import { indicatorsApi } from './api.ts';
import type { Lang } from './format.ts';
import { messages } from './messages.ts';

interface Values {
  name: string;
  decision: string;
  /** dd/mm/yyyy as typed (DateInput). */
  decisionDate: string;
  targets?: { indicatorId: string; schoolYear: string; value: number }[];
}

/** A plan (name, decision number and date) with its targets per indicator and year, for the unit shown. */
export function PlanDialog({
  open,
  onClose,
  unit,
  indicators,
  lang,
}: {
  open: boolean;
  onClose: () => void;
  unit: UnitBrief;
  indicators: Dashboard['indicators'];
  lang: Lang;
}) {
  const m = useMessages(messages);
  const [form] = Form.useForm<Values>();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (v: Values) =>
      indicatorsApi.createPlan({
        unitId: unit.id,
        name: v.name,
        decision: v.decision,
        decisionDate: parseVietnameseDate(v.decisionDate) ?? v.decisionDate,
        targets: v.targets ?? [],
      }),
    onSuccess: () => {
      form.resetFields();
      onClose();
      // Not awaited: the dialog closes at once; the dashboard reloads behind it.
      void client.invalidateQueries({ queryKey: ['indicators'] });
    },
  });
  const rest = create.error ? problemToForm(create.error, form) : null;
  return (
    <Modal
      open={open}
      title={`${m.newPlan}: ${unit.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={m.savePlan}
      confirmLoading={create.isPending}
      width={720}
      destroyOnHidden
    >
      {rest && <Alert type="error" showIcon message={rest} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
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
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <Space direction="vertical" style={{ width: '100%' }}>
              {fields.map((field) => (
                <Space key={field.key} wrap align="baseline" data-testid="plan-target">
                  <Form.Item
                    name={[field.name, 'indicatorId']}
                    rules={[{ required: true, message: m.required }]}
                  >
                    <Select
                      aria-label={m.indicator}
                      style={{ width: 280, maxWidth: '80vw' }}
                      options={indicators.map((i) => ({ value: i.id, label: i.name[lang] }))}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'schoolYear']}
                    rules={[{ required: true, message: m.required }]}
                  >
                    <Select
                      aria-label={m.year}
                      style={{ width: 130 }}
                      options={recentSchoolYears()}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'value']}
                    rules={[{ required: true, message: m.required }, numberRule(m.badNumber)]}
                  >
                    <NumberInput aria-label={m.target} min={0} max={1_000_000} />
                  </Form.Item>
                  <Button onClick={() => remove(field.name)}>{m.remove}</Button>
                </Space>
              ))}
              <Button onClick={() => add()}>{m.addTarget}</Button>
            </Space>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
