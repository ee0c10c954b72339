import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Input,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Upload,
} from 'antd';
import { useState } from 'react';
import { api, ApiError, csrfHeader, type Me } from '../api.ts';
import { ErrorResult } from '../App.tsx';
import { formatDate } from '../i18n.ts';

interface Hit {
  id: string;
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  status: string;
  studentCode: string | null;
  personalIdMasked: string | null;
  school: { code: string; name: string };
  className: string | null;
}
interface ImportResult {
  summary: { rows: number; added: number; updated: number; unchanged: number; errors: number };
  errorList: { row: number; column: string | null; message: string }[];
  unknownColumns: string[];
}

/** The school year a date falls in (a year starts on 1 September). */
function currentYear(): string {
  const now = new Date();
  const start = now.getMonth() >= 8 ? now.getFullYear() : now.getFullYear() - 1;
  return `${start}-${start + 1}`;
}

function Search() {
  const [q, setQ] = useState('');
  const [year, setYear] = useState(currentYear());
  const [page, setPage] = useState(1);
  const params = new URLSearchParams({ q, year, page: String(page), pageSize: '50' });
  const result = useQuery({
    queryKey: ['students', q, year, page],
    queryFn: () =>
      api.get<{ items: Hit[]; total: number }>(`/api/registry/students?${params.toString()}`),
    enabled: q.trim().length > 0,
  });
  if (result.error) return <ErrorResult error={result.error} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="Họ tên (không cần dấu), mã định danh hoặc mã học sinh"
          onSearch={(v) => (setQ(v), setPage(1))}
          style={{ width: 360, maxWidth: '100%' }}
          aria-label="Tìm học sinh"
        />
        <Input
          value={year}
          onChange={(e) => setYear(e.target.value)}
          style={{ width: 120 }}
          aria-label="Năm học"
        />
        <Button
          href={`/api/registry/students/export.xlsx?${new URLSearchParams({ q, year }).toString()}`}
          disabled={!q}
        >
          Xuất Excel
        </Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={result.isFetching}
        dataSource={result.data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          total: result.data?.total ?? 0,
          pageSize: 50,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Ngày sinh', dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
          {
            title: 'Giới tính',
            dataIndex: 'gender',
            render: (g: string) => (g === 'male' ? 'Nam' : 'Nữ'),
          },
          { title: 'Trường', render: (_v, r) => r.school.name },
          { title: 'Lớp', dataIndex: 'className' },
          { title: 'Mã học sinh', dataIndex: 'studentCode' },
          { title: 'Mã định danh', dataIndex: 'personalIdMasked' },
        ]}
      />
    </Space>
  );
}

function Import() {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState(currentYear());
  const [createClasses, setCreateClasses] = useState(false);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [applied, setApplied] = useState(false);
  const query = (dryRun: boolean) =>
    new URLSearchParams({
      year,
      dryRun: dryRun ? '1' : '0',
      createClasses: createClasses ? '1' : '0',
    }).toString();
  const send = async (dryRun: boolean) => {
    if (!file) return void message.warning('Hãy chọn tệp Excel.');
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      const r = await api.post<ImportResult>(
        `/api/registry/imports/students?${query(dryRun)}`,
        body,
      );
      setResult(r);
      setApplied(!dryRun);
      if (!dryRun) {
        void message.success(
          `Đã nhập: ${r.summary.added} thêm mới, ${r.summary.updated} cập nhật.`,
        );
        await client.invalidateQueries({ queryKey: ['students'] });
      }
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setResult(e.body as ImportResult);
      else void message.error(e instanceof ApiError ? e.problem.detail : String(e));
    } finally {
      setBusy(false);
    }
  };
  const downloadAnnotated = async () => {
    if (!file) return;
    const body = new FormData();
    body.append('file', file);
    const response = await fetch(`/api/registry/imports/students/annotated?${query(true)}`, {
      method: 'POST',
      body,
      headers: csrfHeader(),
    });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await response.blob());
    a.download = 'danh-sach-loi.xlsx';
    a.click();
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        message={
          <>
            Dùng{' '}
            <a href="/api/registry/imports/students/template.xlsx" download>
              tệp mẫu
            </a>{' '}
            (có danh sách chọn) hoặc tệp Excel sẵn có với các cột theo quy định. Tệp được kiểm tra
            toàn bộ trước; có lỗi thì không ghi gì.
          </>
        }
      />
      <Space wrap>
        <Input
          value={year}
          onChange={(e) => setYear(e.target.value)}
          style={{ width: 120 }}
          aria-label="Năm học nhập"
        />
        <Checkbox checked={createClasses} onChange={(e) => setCreateClasses(e.target.checked)}>
          Tạo lớp mới nếu chưa có
        </Checkbox>
      </Space>
      <Upload
        accept=".xlsx"
        maxCount={1}
        beforeUpload={(f) => {
          setFile(f);
          setResult(null);
          setApplied(false);
          return false;
        }}
        onRemove={() => setFile(null)}
      >
        <Button>Chọn tệp Excel (.xlsx)</Button>
      </Upload>
      <Space>
        <Button onClick={() => void send(true)} disabled={!file || busy}>
          Kiểm tra
        </Button>
        <Button
          type="primary"
          onClick={() => void send(false)}
          disabled={!result || result.errorList.length > 0 || applied || busy}
        >
          Nhập vào cơ sở dữ liệu
        </Button>
      </Space>
      {busy && <Spin tip="Đang xử lý tệp…" />}
      {result && (
        <Alert
          data-testid="import-result"
          type={result.errorList.length ? 'error' : 'success'}
          message={
            result.errorList.length
              ? `${result.errorList.length} lỗi trong ${result.summary.rows} dòng: chưa ghi gì. Sửa tệp rồi kiểm tra lại.`
              : `${result.summary.rows} dòng hợp lệ: ${result.summary.added} thêm mới, ${result.summary.updated} cập nhật, ${result.summary.unchanged} không đổi.${applied ? ' Đã nhập.' : ''}`
          }
          action={
            result.errorList.length ? (
              <Button onClick={() => void downloadAnnotated()}>Tải tệp đánh dấu lỗi</Button>
            ) : undefined
          }
        />
      )}
      {result && result.errorList.length > 0 && (
        <Table
          data-testid="import-errors"
          size="small"
          rowKey={(e) => `${e.row}|${e.column}|${e.message}`}
          dataSource={result.errorList}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            { title: 'Dòng', dataIndex: 'row', width: 64 },
            {
              title: 'Cột',
              dataIndex: 'column',
              render: (c: string | null) => (c ? <Tag>{c}</Tag> : null),
            },
            { title: 'Lỗi', dataIndex: 'message' },
          ]}
        />
      )}
    </Space>
  );
}

export default function StudentsPage({ me }: { me: Me }) {
  return (
    <Card title="Học sinh">
      <Tabs
        items={[
          { key: 'search', label: 'Tìm học sinh', children: <Search /> },
          ...(me.permissions.includes('registry.write')
            ? [{ key: 'import', label: 'Nhập danh sách', children: <Import /> }]
            : []),
        ]}
      />
    </Card>
  );
}
