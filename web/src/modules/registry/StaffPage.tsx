import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { ImportPanel } from '../../shared/ImportPanel.tsx';
import { SchoolFilter } from '../../shared/SchoolPicker.tsx';
import { registryApi, registryFiles } from './api.ts';
import {
  GENDER_LABELS,
  POSITION_LABELS as POSITIONS,
  type StaffPosition as Position,
} from '../../../../src/modules/registry/labels.ts';

/** "Cán bộ, giáo viên": search and list the staff of the user's scope, export, import. */

function Search() {
  const [q, setQ] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const [position, setPosition] = useState<Position | undefined>();
  const [active, setActive] = useState<'1' | '0' | 'all'>('1');
  const [page, setPage] = useState(1);
  // Empty filters are left out (the export link carries the same ones).
  const filters = {
    q: q.trim() || undefined,
    birthDate: birthDate.trim() || undefined,
    schoolId,
    position,
    active: active !== 'all' ? active : undefined,
  };
  const query = { ...filters, page, pageSize: 50 };
  const result = useQuery({
    queryKey: ['staff', filters, page],
    queryFn: () => registryApi.staff(query),
  });
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(1));
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Input.Search
          allowClear
          placeholder="Họ tên (không cần dấu) hoặc mã định danh"
          onSearch={reset(setQ)}
          style={{ width: 340, maxWidth: '100%' }}
          aria-label="Tìm cán bộ, giáo viên"
        />
        <Input.Search
          allowClear
          placeholder="Ngày sinh dd/mm/yyyy"
          onSearch={reset(setBirthDate)}
          style={{ width: 200 }}
          aria-label="Ngày sinh"
        />
        <SchoolFilter value={schoolId} onChange={reset(setSchoolId)} />
        <Select
          allowClear
          placeholder="Vị trí"
          aria-label="Vị trí"
          value={position}
          onChange={reset(setPosition)}
          options={Object.entries(POSITIONS).map(([value, label]) => ({ value, label }))}
          style={{ width: 160 }}
        />
        <Select
          aria-label="Trạng thái"
          value={active}
          onChange={reset(setActive)}
          options={[
            { value: '1', label: 'Đang công tác' },
            { value: '0', label: 'Đã nghỉ' },
            { value: 'all', label: 'Tất cả' },
          ]}
          style={{ width: 150 }}
        />
        <Button href={registryFiles.staff(filters)}>Xuất Excel</Button>
        <Link to="/can-bo/moi">Thêm cán bộ, giáo viên</Link>
      </Space>
      {result.error ? (
        <ErrorResult error={result.error} />
      ) : (
        <Table
          data-testid="staff-table"
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
            showTotal: (total) => `${total.toLocaleString('vi-VN')} người`,
          }}
          columns={[
            {
              title: 'Họ và tên',
              dataIndex: 'fullName',
              render: (name: string, r) => <Link to={`/can-bo/${r.id}`}>{name}</Link>,
            },
            { title: 'Ngày sinh', dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
            {
              title: 'Giới tính',
              dataIndex: 'gender',
              render: (g: keyof typeof GENDER_LABELS) => GENDER_LABELS[g],
            },
            {
              title: 'Vị trí',
              dataIndex: 'position',
              render: (p: Position, r) => (
                <>
                  {POSITIONS[p]} {!r.active && <Tag>Đã nghỉ</Tag>}
                </>
              ),
            },
            { title: 'Môn dạy chính', dataIndex: 'mainSubject' },
            { title: 'Trình độ', dataIndex: 'qualification' },
            { title: 'Trường', render: (_v, r) => r.school.name },
            { title: 'Mã định danh', dataIndex: 'personalIdMasked' },
          ]}
        />
      )}
    </Space>
  );
}

export default function StaffPage({ me }: { me: Me }) {
  const client = useQueryClient();
  return (
    <Card title="Cán bộ, giáo viên">
      <Tabs
        items={[
          { key: 'search', label: 'Tìm cán bộ, giáo viên', children: <Search /> },
          ...(me.permissions.includes('registry.write')
            ? [
                {
                  key: 'import',
                  label: 'Nhập danh sách',
                  children: (
                    <ImportPanel
                      kind="staff"
                      what="cán bộ, giáo viên, nhân viên"
                      onImported={() => client.invalidateQueries({ queryKey: ['staff'] })}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
    </Card>
  );
}
