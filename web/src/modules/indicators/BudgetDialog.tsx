import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Form, Input, Modal, Space, Table } from 'antd';
import type { UnitBrief } from '../../../../src/modules/indicators/contract.ts';
import { useMessages } from '../../shared/i18n.ts';
import { NumberInput } from '../../shared/NumberInput.tsx';
import { problemToForm } from '../../shared/problemToForm.ts';
import { indicatorsApi } from './api.ts';
import { dateTime, decimals, type Lang } from './format.ts';
import { messages } from './messages.ts';

interface Values {
  year: number;
  educationSpending: number;
  totalSpending: number;
  source?: string;
}

/**
 * The province's budget figures per year (education and total spending, in
 * million đồng): the budget-share indicator's numerator and denominator.
 * Entering a year already recorded replaces its figures (audited).
 */
export function BudgetDialog({
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
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['indicators-budget', unit.id],
    queryFn: () => indicatorsApi.budget(unit.id),
    enabled: open,
  });
  const save = useMutation({
    mutationFn: (v: Values) =>
      indicatorsApi.saveBudget({
        unitId: unit.id,
        year: v.year,
        educationSpending: v.educationSpending,
        totalSpending: v.totalSpending,
        source: v.source ?? '',
      }),
    onSuccess: () => {
      form.resetFields();
      // Not awaited: the save button is free again at once; the dashboard and the
      // list of years reload behind it.
      void client.invalidateQueries({ queryKey: ['indicators'] });
      void client.invalidateQueries({ queryKey: ['indicators-budget', unit.id] });
    },
  });
  const rest = save.error ? problemToForm(save.error, form) : null;
  const fmt = decimals(lang);
  const positive = (v: number | null | undefined) =>
    v === null || v === undefined || Number.isNaN(v)
      ? Promise.reject(new Error(m.budgetNumber))
      : Promise.resolve();
  return (
    <Modal
      open={open}
      title={`${m.budget}: ${unit.name}`}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={m.budgetSave}
      confirmLoading={save.isPending}
      width={760}
      destroyOnHidden
    >
      {rest && <Alert type="error" showIcon message={rest} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => save.mutate(v)}>
        <Space wrap align="start">
          <Form.Item
            name="year"
            label={m.budgetYear}
            rules={[
              { required: true, message: m.required },
              { validator: (_r, v: number) => positive(v) },
            ]}
          >
            <NumberInput aria-label={m.budgetYear} min={2000} max={2100} precision={0} />
          </Form.Item>
          <Form.Item
            name="educationSpending"
            label={m.budgetEducation}
            rules={[{ validator: (_r, v: number) => positive(v) }]}
          >
            <NumberInput aria-label={m.budgetEducation} min={0} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item
            name="totalSpending"
            label={m.budgetTotal}
            rules={[{ validator: (_r, v: number) => positive(v) }]}
          >
            <NumberInput aria-label={m.budgetTotal} min={0} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="source" label={m.budgetSource}>
          <Input placeholder="Quyết toán ngân sách địa phương năm 2025" maxLength={500} />
        </Form.Item>
      </Form>
      <Table
        size="small"
        rowKey="year"
        data-testid="budget-years"
        loading={list.isLoading}
        dataSource={list.data?.years ?? []}
        pagination={false}
        columns={[
          { title: m.budgetYear, dataIndex: 'year' },
          {
            title: m.budgetEducation,
            align: 'right',
            render: (_, r) => fmt.format(r.educationSpending),
          },
          { title: m.budgetTotal, align: 'right', render: (_, r) => fmt.format(r.totalSpending) },
          { title: m.budgetShare, align: 'right', render: (_, r) => `${fmt.format(r.share)} %` },
          { title: m.budgetSource, dataIndex: 'source' },
          { title: m.budgetUpdated, render: (_, r) => dateTime(r.updatedAt, lang) },
        ]}
      />
    </Modal>
  );
}
