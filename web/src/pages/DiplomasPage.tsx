import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Timeline,
} from 'antd';
import { useState } from 'react';
import { api, ApiError, type Me } from '../api.ts';
import { ErrorResult } from '../App.tsx';
import { formatDate } from '../i18n.ts';

interface Row {
  id: string;
  fullName: string;
  birthDate: string;
  diplomaType: string;
  schoolName: string;
  graduationYear: number;
  serialNumber: string;
  registerNumber: string;
  issueDate: string;
  status: 'valid' | 'corrected' | 'revoked';
}
interface Detail extends Row {
  birthPlace: string | null;
  ethnicity: string | null;
  decisionNumber: string;
  decisionDate: string;
  signerName: string;
  history: { kind: string; at: string; decisionNumber: string | null; reason: string | null }[];
}

const STATUS = {
  valid: <Tag color="green">Hợp lệ</Tag>,
  corrected: <Tag color="blue">Đã chỉnh sửa</Tag>,
  revoked: <Tag color="red">Đã thu hồi</Tag>,
};
const EVENT: Record<string, string> = {
  issue: 'Cấp',
  correction: 'Chỉnh sửa',
  revocation: 'Thu hồi',
  copy: 'Cấp bản sao',
};

/** The register (sổ gốc) of the signed-in account's unit. */
export default function DiplomasPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [revoking, setRevoking] = useState(false);
  const list = useQuery({
    queryKey: ['diplomas', q, page],
    queryFn: () =>
      api.get<{ items: Row[]; total: number }>(
        `/api/diplomas?authorityId=${me.orgUnit.id}&q=${encodeURIComponent(q)}&page=${page}&pageSize=50`,
      ),
  });
  const detail = useQuery({
    queryKey: ['diploma', open],
    queryFn: () => api.get<Detail>(`/api/diplomas/${open}`),
    enabled: open !== null,
  });
  const revoke = useMutation({
    mutationFn: (values: { decisionNumber: string; decisionDate: string; reason: string }) =>
      api.post<Detail>(`/api/diplomas/${open}/revoke`, values),
    onSuccess: async () => {
      setRevoking(false);
      void message.success('Đã thu hồi văn bằng.');
      await client.invalidateQueries({ queryKey: ['diploma'] });
      await client.invalidateQueries({ queryKey: ['diplomas'] });
    },
    onError: (e) => void message.error(e instanceof ApiError ? e.problem.detail : String(e)),
  });
  if (list.error) return <ErrorResult error={list.error} />;
  const d = detail.data;
  return (
    <Card
      title={`Sổ gốc cấp văn bằng — ${me.orgUnit.name}`}
      extra={
        <Button href={`/api/diplomas/register.pdf?authorityId=${me.orgUnit.id}`}>
          In sổ gốc (PDF)
        </Button>
      }
    >
      <Input.Search
        allowClear
        placeholder="Họ tên, số hiệu hoặc số vào sổ"
        onSearch={(v) => (setQ(v), setPage(1))}
        style={{ maxWidth: 360, marginBottom: 16 }}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: 50,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: 'Số hiệu', dataIndex: 'serialNumber' },
          { title: 'Số vào sổ', dataIndex: 'registerNumber' },
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Ngày sinh', dataIndex: 'birthDate', render: (v: string) => formatDate(v) },
          { title: 'Trường', dataIndex: 'schoolName' },
          { title: 'Năm TN', dataIndex: 'graduationYear' },
          { title: 'Tình trạng', dataIndex: 'status', render: (s: Row['status']) => STATUS[s] },
        ]}
      />
      <Drawer
        open={open !== null}
        onClose={() => setOpen(null)}
        title={d?.fullName}
        width={Math.min(560, window.innerWidth)}
      >
        {d && (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Descriptions column={1} size="small" bordered>
              <Descriptions.Item label="Tình trạng">{STATUS[d.status]}</Descriptions.Item>
              <Descriptions.Item label="Số hiệu">{d.serialNumber}</Descriptions.Item>
              <Descriptions.Item label="Số vào sổ gốc">{d.registerNumber}</Descriptions.Item>
              <Descriptions.Item label="Ngày sinh">{formatDate(d.birthDate)}</Descriptions.Item>
              <Descriptions.Item label="Nơi sinh">{d.birthPlace}</Descriptions.Item>
              <Descriptions.Item label="Dân tộc">{d.ethnicity}</Descriptions.Item>
              <Descriptions.Item label="Trường">{d.schoolName}</Descriptions.Item>
              <Descriptions.Item label="Quyết định công nhận">{`${d.decisionNumber} ngày ${formatDate(d.decisionDate)}`}</Descriptions.Item>
              <Descriptions.Item label="Ngày cấp">{formatDate(d.issueDate)}</Descriptions.Item>
              <Descriptions.Item label="Người ký">{d.signerName}</Descriptions.Item>
            </Descriptions>
            <img src={`/api/diplomas/${d.id}/qr.png`} alt="Mã QR xác minh" style={{ width: 180 }} />
            <Space wrap>
              <Button href={`/api/diplomas/${d.id}/credential.json`}>
                Tải chứng chỉ số (.json)
              </Button>
              {me.permissions.includes('registry.write') && d.status !== 'revoked' && (
                <Button danger onClick={() => setRevoking(true)}>
                  Thu hồi
                </Button>
              )}
            </Space>
            <Timeline
              items={d.history.map((h) => ({
                children: `${EVENT[h.kind] ?? h.kind} — ${formatDate(h.at, true)}${h.decisionNumber ? ` — QĐ ${h.decisionNumber}` : ''}${h.reason ? ` — ${h.reason}` : ''}`,
              }))}
            />
          </Space>
        )}
      </Drawer>
      <Modal
        open={revoking}
        title="Thu hồi văn bằng"
        onCancel={() => setRevoking(false)}
        footer={null}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          onFinish={(v: { decisionNumber: string; decisionDate: string; reason: string }) =>
            revoke.mutate(v)
          }
        >
          <Form.Item label="Số quyết định" name="decisionNumber" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item
            label="Ngày quyết định (yyyy-mm-dd)"
            name="decisionDate"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input placeholder="2026-10-01" />
          </Form.Item>
          <Form.Item label="Lý do" name="reason" rules={[{ required: true }]}>
            <Input.TextArea rows={2} />
          </Form.Item>
          <Button danger type="primary" htmlType="submit" loading={revoke.isPending}>
            Thu hồi
          </Button>
        </Form>
      </Modal>
    </Card>
  );
}
