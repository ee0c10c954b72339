import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Input, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ImportPanel } from '../../shared/ImportPanel.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { GENDER_LABELS } from '../../../../src/modules/registry/labels.ts';
import { registryApi, registryFiles } from './api.ts';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';

function Search() {
  const [q, setQ] = useState('');
  const [year, setYear] = useState(currentSchoolYear());
  const [page, setPage] = useState(1);
  const result = useQuery({
    queryKey: ['students', q, year, page],
    queryFn: () => registryApi.students({ q, year, page, pageSize: 50 }),
    enabled: q.trim().length > 0,
  });
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="Họ tên (không cần dấu), ngày sinh dd/mm/yyyy, mã định danh hoặc mã học sinh"
          onSearch={(v) => (setQ(v), setPage(1))}
          style={{ width: 360, maxWidth: '100%' }}
          aria-label="Tìm học sinh"
        />
        <SchoolYearSelect value={year} onChange={(y) => (setYear(y), setPage(1))} />
        <Button href={registryFiles.students({ q, year })} disabled={!q}>
          Xuất Excel
        </Button>
        <Link to="/hoc-sinh/moi">Thêm học sinh</Link>
      </Space>
      {/* A search the server refuses (a date that does not exist) is said under the box. */}
      {result.error && (
        <Alert
          type="error"
          showIcon
          data-testid="search-error"
          message={problemText(result.error)}
        />
      )}
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
          showTotal: (total) =>
            result.data?.totalCapped
              ? `Hơn ${total.toLocaleString('vi-VN')} học sinh khớp: hãy gõ thêm để thu hẹp`
              : `${total.toLocaleString('vi-VN')} học sinh`,
        }}
        columns={[
          {
            title: 'Họ và tên',
            dataIndex: 'fullName',
            render: (name: string, r) => <Link to={`/hoc-sinh/${r.id}`}>{name}</Link>,
          },
          { title: 'Ngày sinh', dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
          {
            title: 'Giới tính',
            dataIndex: 'gender',
            render: (g: keyof typeof GENDER_LABELS) => GENDER_LABELS[g],
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
  const client = useQueryClient();
  const [year, setYear] = useState(currentSchoolYear());
  const [createClasses, setCreateClasses] = useState(false);
  return (
    <ImportPanel
      kind="students"
      what="học sinh"
      params={{ year, createClasses: createClasses ? '1' : '0' }}
      onImported={() => client.invalidateQueries({ queryKey: ['students'] })}
      controls={
        <Space wrap>
          <SchoolYearSelect value={year} onChange={setYear} ariaLabel="Năm học nhập" />
          <Checkbox checked={createClasses} onChange={(e) => setCreateClasses(e.target.checked)}>
            Tạo lớp mới nếu chưa có
          </Checkbox>
        </Space>
      }
    />
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
