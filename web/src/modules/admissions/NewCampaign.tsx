import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space } from 'antd';
import { NumberInput, numberRule } from '../../shared/NumberInput.tsx';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { problemText } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { admissionsApi } from './api.ts';
import { messages } from './messages.ts';

/** The department's form for a new campaign (rules and timetable). */
export function NewCampaign({ onCreated }: { onCreated: (id: string) => void }) {
  const m = useMessages(messages);
  const client = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const submit = async (v: {
    name: string;
    schoolYear: string;
    opensAt: Dayjs;
    closesAt: Dayjs;
    confirmBy?: Dayjs;
    maxPreferences: number;
    rankPenalty: number;
    ties: 'admit-all' | 'tiebreak';
  }) => {
    setError(null);
    try {
      const created = await admissionsApi.createCampaign({
        ...v,
        opensAt: v.opensAt.toISOString(),
        closesAt: v.closesAt.toISOString(),
        confirmBy: v.confirmBy?.toISOString() ?? null,
      });
      // The form closes first; the new campaign is chosen once the list that names it is back
      // (chosen earlier, the picker would show its id meanwhile).
      setOpen(false);
      await client.invalidateQueries({ queryKey: ['admissions', 'campaigns'] });
      onCreated(created.id);
    } catch (e) {
      setError(problemText(e));
    }
  };
  if (!open)
    return (
      <Button style={{ marginBottom: 12 }} onClick={() => setOpen(true)}>
        {m.newCampaign}
      </Button>
    );
  return (
    <Card title={m.newCampaign} size="small" style={{ marginBottom: 12 }}>
      <Form
        layout="vertical"
        initialValues={{ maxPreferences: 3, rankPenalty: 0, ties: 'admit-all' }}
        onFinish={(v: Parameters<typeof submit>[0]) => void submit(v)}
      >
        <Form.Item label={m.name} name="name" rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item
          label={m.schoolYear}
          name="schoolYear"
          rules={[{ required: true, pattern: /^\d{4}-\d{4}$/ }]}
        >
          <Input placeholder="2027-2028" />
        </Form.Item>
        <Space wrap>
          <Form.Item label={m.opens} name="opensAt" rules={[{ required: true }]}>
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item label={m.closes} name="closesAt" rules={[{ required: true }]}>
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
          <Form.Item label={m.confirmBy} name="confirmBy">
            <DatePicker showTime format="DD/MM/YYYY HH:mm" />
          </Form.Item>
        </Space>
        <Space wrap>
          <Form.Item
            label={m.maxPreferences}
            name="maxPreferences"
            rules={[numberRule(m.badMaxPreferences)]}
          >
            <NumberInput min={1} max={10} precision={0} />
          </Form.Item>
          <Form.Item
            label={m.rankPenalty}
            name="rankPenalty"
            rules={[numberRule(m.badRankPenalty)]}
          >
            <NumberInput min={0} max={100} precision={2} />
          </Form.Item>
          <Form.Item label={m.ties} name="ties">
            <Select
              style={{ minWidth: 220 }}
              options={[
                { value: 'admit-all', label: m.admitAll },
                { value: 'tiebreak', label: m.tiebreak },
              ]}
            />
          </Form.Item>
        </Space>
        <Button type="primary" htmlType="submit">
          {m.create}
        </Button>
      </Form>
      {error && <Alert type="error" role="alert" message={error} style={{ marginTop: 12 }} />}
    </Card>
  );
}
