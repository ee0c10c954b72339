import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Upload,
} from 'antd';
import { useState } from 'react';
import type {
  DiplomaDetail,
  DiplomaPage,
  DiplomaSummary,
  GraduateImportResult,
  ImportQuery,
} from '../../../../src/modules/diplomas/contract.ts';
import {
  DIPLOMA_EVENT_LABELS,
  DIPLOMA_TYPE_LABELS,
  DIPLOMA_TYPES,
} from '../../../../src/modules/diplomas/labels.ts';
import { api, ApiError, type Me } from '../../shared/api.ts';
import { ErrorResult } from '../../App.tsx';
import { formatDate } from '../../shared/i18n.ts';

type ImportOptions = Pick<ImportQuery, 'diplomaType' | 'issueDate' | 'signerName' | 'signerTitle'>;

const STATUS = {
  valid: <Tag color="green">Hợp lệ</Tag>,
  corrected: <Tag color="blue">Đã chỉnh sửa</Tag>,
  revoked: <Tag color="red">Đã thu hồi</Tag>,
};

/** The register (sổ gốc) of the signed-in account's unit. */
export default function DiplomasPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [revoking, setRevoking] = useState(false);
  const [dialog, setDialog] = useState<null | 'correct' | 'copy' | 'import'>(null);
  const [file, setFile] = useState<File | null>(null);
  const [importResult, setImportResult] = useState<GraduateImportResult | null>(null);
  const [form] = Form.useForm();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['diploma'] });
    await client.invalidateQueries({ queryKey: ['diplomas'] });
  };
  const change = useMutation({
    mutationFn: ({ path, body }: { path: string; body: unknown }) =>
      api.post<DiplomaDetail>(path, body),
    onSuccess: async () => {
      setDialog(null);
      void message.success('Đã lưu.');
      await refresh();
    },
    onError: (e) => void message.error(e instanceof ApiError ? e.problem.detail : String(e)),
  });
  const upload = async (values: ImportOptions, dryRun: boolean) => {
    if (!file) return void message.warning('Hãy chọn tệp Excel.');
    const body = new FormData();
    body.append('file', file);
    const params = new URLSearchParams({
      ...values,
      authorityId: me.orgUnit.id,
      dryRun: dryRun ? '1' : '0',
    });
    try {
      const result = await api.post<GraduateImportResult>(
        `/api/diplomas/import?${params.toString()}`,
        body,
      );
      setImportResult(result);
      if (!dryRun) {
        void message.success(`Đã cấp ${result.summary.added} văn bằng.`);
        await refresh();
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 422)
        setImportResult(e.body as GraduateImportResult);
      else void message.error(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  const list = useQuery({
    queryKey: ['diplomas', q, page],
    queryFn: () =>
      api.get<DiplomaPage>(
        `/api/diplomas?authorityId=${me.orgUnit.id}&q=${encodeURIComponent(q)}&page=${page}&pageSize=50`,
      ),
  });
  const detail = useQuery({
    queryKey: ['diploma', open],
    queryFn: () => api.get<DiplomaDetail>(`/api/diplomas/${open}`),
    enabled: open !== null,
  });
  const revoke = useMutation({
    mutationFn: (values: { decisionNumber: string; decisionDate: string; reason: string }) =>
      api.post<DiplomaDetail>(`/api/diplomas/${open}/revoke`, values),
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
          {
            title: 'Tình trạng',
            dataIndex: 'status',
            render: (s: DiplomaSummary['status']) => STATUS[s],
          },
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
                <>
                  <Button onClick={() => (form.resetFields(), setDialog('correct'))}>
                    Chỉnh sửa theo quyết định
                  </Button>
                  <Button onClick={() => (form.resetFields(), setDialog('copy'))}>
                    Cấp bản sao
                  </Button>
                  <Button danger onClick={() => setRevoking(true)}>
                    Thu hồi
                  </Button>
                </>
              )}
            </Space>
            <Timeline
              items={d.history.map((h) => ({
                children: (
                  <>
                    {`${DIPLOMA_EVENT_LABELS[h.kind]} — ${formatDate(h.at, true)}${h.decisionNumber ? ` — QĐ ${h.decisionNumber}` : ''}${h.after?.copyNumber ? ` — số ${h.after.copyNumber}` : ''}${h.reason ? ` — ${h.reason}` : ''}`}
                    {h.kind === 'copy' && h.after?.copyNumber && (
                      <>
                        {' '}
                        <a href={`/api/diplomas/${d.id}/copies/${h.id}/ban-sao.pdf`}>In bản sao</a>
                      </>
                    )}
                  </>
                ),
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
      <Modal
        open={dialog === 'correct' || dialog === 'copy'}
        title={dialog === 'correct' ? 'Chỉnh sửa nội dung văn bằng' : 'Cấp bản sao từ sổ gốc'}
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        okText="Lưu"
        cancelText="Huỷ"
        confirmLoading={change.isPending}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(v: Record<string, string | number | undefined>) => {
            if (dialog === 'copy')
              return change.mutate({ path: `/api/diplomas/${open}/copy`, body: v });
            const { decisionNumber, decisionDate, reason, ...rest } = v;
            const changes = Object.fromEntries(
              Object.entries(rest).filter(([, x]) => x !== undefined && x !== ''),
            );
            change.mutate({
              path: `/api/diplomas/${open}/correct`,
              body: { decisionNumber, decisionDate, reason, changes },
            });
          }}
        >
          {dialog === 'correct' ? (
            <>
              <Form.Item
                label="Số quyết định chỉnh sửa"
                name="decisionNumber"
                rules={[{ required: true }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                label="Ngày quyết định (yyyy-mm-dd)"
                name="decisionDate"
                rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
              >
                <Input />
              </Form.Item>
              <Form.Item label="Lý do" name="reason" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item label="Họ và tên mới" name="fullName">
                <Input />
              </Form.Item>
              <Form.Item
                label="Ngày sinh mới (yyyy-mm-dd)"
                name="birthDate"
                rules={[{ pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
              >
                <Input />
              </Form.Item>
              <Form.Item label="Nơi sinh mới" name="birthPlace">
                <Input />
              </Form.Item>
              <Form.Item label="Giới tính" name="gender">
                <Select
                  allowClear
                  options={[
                    { value: 'male', label: 'Nam' },
                    { value: 'female', label: 'Nữ' },
                  ]}
                />
              </Form.Item>
              <Form.Item label="Dân tộc mới" name="ethnicity">
                <Input />
              </Form.Item>
            </>
          ) : (
            <>
              <Form.Item label="Người đề nghị" name="requester" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item
                label="Số bản sao"
                name="copies"
                initialValue={1}
                rules={[{ required: true }]}
              >
                <InputNumber min={1} max={20} />
              </Form.Item>
              <Form.Item label="Lý do" name="reason" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
            </>
          )}
        </Form>
      </Modal>
      <Modal
        open={dialog === 'import'}
        title="Cấp văn bằng từ danh sách công nhận tốt nghiệp"
        onCancel={() => setDialog(null)}
        footer={null}
        width={720}
        destroyOnHidden
      >
        <Form
          layout="vertical"
          initialValues={{
            diplomaType: 'upper_secondary',
            issueDate: new Date().toISOString().slice(0, 10),
            signerTitle: 'Giám đốc',
          }}
          onFinish={(v: ImportOptions) => void upload(v, true)}
        >
          <Form.Item label="Loại văn bằng" name="diplomaType">
            <Select
              options={DIPLOMA_TYPES.map((value) => ({ value, label: DIPLOMA_TYPE_LABELS[value] }))}
            />
          </Form.Item>
          <Form.Item
            label="Ngày cấp (yyyy-mm-dd)"
            name="issueDate"
            rules={[{ required: true, pattern: /^\d{4}-\d{2}-\d{2}$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item label="Người ký" name="signerName" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label="Chức danh người ký" name="signerTitle" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Upload
            accept=".xlsx"
            maxCount={1}
            beforeUpload={(f) => (setFile(f), false)}
            onRemove={() => setFile(null)}
          >
            <Button>Chọn tệp Excel (.xlsx)</Button>
          </Upload>
          <Space style={{ marginTop: 16 }}>
            <Button htmlType="submit">Kiểm tra (chưa cấp)</Button>
            <Form.Item noStyle shouldUpdate>
              {({ getFieldsValue }) => (
                <Button
                  type="primary"
                  disabled={!importResult || importResult.errorList.length > 0}
                  onClick={() => void upload(getFieldsValue() as ImportOptions, false)}
                >
                  Cấp văn bằng
                </Button>
              )}
            </Form.Item>
          </Space>
        </Form>
        {importResult && (
          <div style={{ marginTop: 16 }}>
            <Alert
              type={importResult.errorList.length ? 'error' : 'success'}
              message={
                importResult.errorList.length
                  ? `${importResult.errorList.length} lỗi: chưa cấp văn bằng nào. Sửa tệp rồi kiểm tra lại.`
                  : `${importResult.summary.rows} dòng hợp lệ: ${importResult.summary.added} văn bằng sẽ được cấp, ${importResult.summary.unchanged} đã có trong sổ.`
              }
            />
            {importResult.errorList.length > 0 && (
              <Table
                size="small"
                rowKey={(e) => `${e.row}-${e.column}-${e.message}`}
                dataSource={importResult.errorList}
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                columns={[
                  { title: 'Dòng', dataIndex: 'row', width: 64 },
                  { title: 'Cột', dataIndex: 'column' },
                  { title: 'Lỗi', dataIndex: 'message' },
                ]}
              />
            )}
          </div>
        )}
      </Modal>
    </Card>
  );
}
