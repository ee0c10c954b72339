import { useMutation } from '@tanstack/react-query';
import { App as AntApp, Button, Card, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { CycleDetail } from '../../../../src/modules/accreditation/contract.ts';
import { problemText } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { accreditationApi } from './api.ts';
import { messages } from './messages.ts';

interface Fields {
  title: string;
  criterionCode: string;
  url?: string;
}

/** The evidence list (stored once, cited by many criteria) and the upload form. */
export function EvidencePanel({ cycle, onChanged }: { cycle: CycleDetail; onChanged: () => void }) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<Fields>();
  const [file, setFile] = useState<File | null>(null);
  const criteria = cycle.standards.flatMap((s) =>
    s.criteria.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` })),
  );
  const add = useMutation({
    mutationFn: async (v: Fields) =>
      file
        ? accreditationApi.uploadEvidence(
            cycle.id,
            { title: v.title, criterionCode: v.criterionCode },
            file,
          )
        : accreditationApi.addLink(cycle.id, {
            title: v.title,
            criterionCode: v.criterionCode,
            url: v.url ?? '',
          }),
    onSuccess: (item) => {
      message.success(`${m.saved}: ${item.code}`);
      form.resetFields();
      setFile(null);
      onChanged();
    },
    onError: (e) => message.error(problemText(e)),
  });
  return (
    <Card size="small" title={m.evidence}>
      {cycle.canAssess && (
        <Form form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Space wrap align="end">
            <Form.Item name="title" label={m.evidenceTitle} rules={[{ required: true }]}>
              <Input maxLength={500} style={{ minWidth: 220 }} />
            </Form.Item>
            <Form.Item
              name="criterionCode"
              label={m.evidenceCriterion}
              rules={[{ required: true }]}
            >
              <Select
                options={criteria}
                style={{ minWidth: 200 }}
                showSearch
                aria-label={m.evidenceCriterion}
              />
            </Form.Item>
            <Form.Item label={m.file}>
              <input
                type="file"
                aria-label={m.file}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            </Form.Item>
            <Form.Item name="url" label={m.link}>
              <Input maxLength={2000} placeholder="https://" />
            </Form.Item>
            <Form.Item>
              <Button htmlType="submit" loading={add.isPending}>
                {file ? m.upload : m.addLink}
              </Button>
            </Form.Item>
          </Space>
        </Form>
      )}
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: true }}
        pagination={false}
        dataSource={cycle.evidence}
        columns={[
          { title: m.code, dataIndex: 'code' },
          {
            title: m.evidenceTitle,
            render: (_, e) =>
              e.kind === 'file' ? (
                <a href={accreditationApi.evidenceFileUrl(cycle.id, e.id)}>{e.title}</a>
              ) : (
                <a href={e.url ?? '#'} target="_blank" rel="noreferrer">
                  {e.title}
                </a>
              ),
          },
          { title: m.citedBy, render: (_, e) => e.citedBy.join(', ') },
        ]}
      />
    </Card>
  );
}
