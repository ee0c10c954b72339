// The leadership's work calendar of a week (lịch công tác).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { CalendarEntryBody } from '../../../../src/modules/office/contract.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { addDays, dmy, fill, today, useErrorToast, when } from './parts.tsx';

export function CalendarTab({ me }: { me: Me }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const toast = useErrorToast();
  const client = useQueryClient();
  const [day, setDay] = useState(today());
  const [adding, setAdding] = useState(false);
  const week = useQuery({
    queryKey: ['office', 'calendar', day],
    queryFn: () => officeApi.week(day),
  });
  const refresh = () => void client.invalidateQueries({ queryKey: ['office', 'calendar'] });
  const add = useMutation({
    mutationFn: (body: CalendarEntryBody) => officeApi.addEntry(body),
    onSuccess: () => {
      setAdding(false);
      refresh();
    },
    onError: toast,
  });
  const canEdit = me.permissions.includes('office.calendar');
  const w = week.data;
  return (
    <>
      <Space wrap style={{ marginBottom: 12 }}>
        <Button onClick={() => setDay(addDays(day, -7))}>{m.prevWeek}</Button>
        <Typography.Text strong>
          {w ? fill(m.week, { from: dmy(w.weekStart) }) : ''}
        </Typography.Text>
        <Button onClick={() => setDay(addDays(day, 7))}>{m.nextWeek}</Button>
        <Tag color={w?.publishedAt ? 'green' : 'default'}>
          {w?.publishedAt ? fill(m.published, { at: when(w.publishedAt, lang) }) : m.notPublished}
        </Tag>
        {canEdit && <Button onClick={() => setAdding(true)}>{m.addEntry}</Button>}
        {canEdit && (
          <Button
            type="primary"
            onClick={() => void officeApi.publishWeek(day).then(refresh, toast)}
          >
            {m.publish}
          </Button>
        )}
      </Space>
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={week.isLoading}
        dataSource={w?.entries ?? []}
        scroll={{ x: 760 }}
        columns={[
          {
            title: m.day,
            width: 110,
            render: (_, e) =>
              `${new Date(`${e.day}T00:00:00Z`).toLocaleDateString(lang === 'vi' ? 'vi-VN' : 'en-GB', { weekday: 'short', timeZone: 'UTC' })} ${dmy(e.day)}`,
          },
          { title: m.time, dataIndex: 'startTime', width: 70 },
          {
            title: m.content,
            render: (_, e) => (
              <>
                {e.content} {e.changedAfterPublication && <Tag color="orange">{m.changed}</Tag>}
              </>
            ),
          },
          { title: m.chair, dataIndex: 'chair', width: 140 },
          { title: m.place, dataIndex: 'place', width: 160 },
          { title: m.preparingUnit, dataIndex: 'preparingUnit', width: 150 },
        ]}
      />
      <Typography.Paragraph style={{ marginTop: 8 }}>
        {m.publicPage}: <code>{officeApi.publicCalendarUrl(me.orgUnit.code)}</code>
      </Typography.Paragraph>
      <Modal
        open={adding}
        title={m.addEntry}
        footer={null}
        onCancel={() => setAdding(false)}
        destroyOnHidden
      >
        <Form<CalendarEntryBody>
          layout="vertical"
          initialValues={{ day, startTime: '08:00' }}
          onFinish={(v) => add.mutate(v)}
        >
          <Space wrap>
            <Form.Item name="day" label={m.day} rules={[{ required: true }]}>
              <Input type="date" />
            </Form.Item>
            <Form.Item name="startTime" label={m.time} rules={[{ required: true }]}>
              <Input type="time" />
            </Form.Item>
          </Space>
          <Form.Item name="content" label={m.content} rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Form.Item name="chair" label={m.chair} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="place" label={m.place} rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item name="participants" label={m.participants}>
            <Input />
          </Form.Item>
          <Form.Item name="preparingUnit" label={m.preparingUnit}>
            <Input />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {m.save}
          </Button>
        </Form>
      </Modal>
    </>
  );
}
