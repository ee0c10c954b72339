import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { api, type Me, type UnitSummary } from '../../shared/api.ts';
import { ErrorResult } from '../../App.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { ImportPanel } from '../../shared/ImportPanel.tsx';
import type { StaffSearchAnswer } from '../../../../src/modules/registry/contract.ts';
import {
  GENDER_LABELS,
  POSITION_LABELS as POSITIONS,
  type StaffPosition as Position,
} from '../../../../src/modules/registry/labels.ts';

/** "Cán bộ, giáo viên": search and list the staff of the user's scope, export, import. */

/** Schools of the scope, found by typing part of a name or code. */
function SchoolFilter({ value, onChange }: { value?: string; onChange: (id?: string) => void }) {
  const [options, setOptions] = useState<UnitSummary[]>([]);
  return (
    <Select
      showSearch
      allowClear
      value={value}
      placeholder="Trường (gõ tên hoặc mã)"
      aria-label="Lọc theo trường"
      filterOption={false}
      onSearch={(q) => {
        if (q.trim().length < 2) return;
        void api
          .get<UnitSummary[]>(`/api/orgs/search?q=${encodeURIComponent(q)}`)
          .then((units) => setOptions(units.filter((u) => u.kind === 'school')));
      }}
      onChange={(id?: string) => onChange(id)}
      options={options.map((u) => ({ value: u.id, label: `${u.name} (${u.code})` }))}
      style={{ width: 260, maxWidth: '100%' }}
    />
  );
}

function Search() {
  const [q, setQ] = useState('');
  const [birthDate, setBirthDate] = useState('');
  const [schoolId, setSchoolId] = useState<string | undefined>();
  const [position, setPosition] = useState<Position | undefined>();
  const [active, setActive] = useState<'1' | '0' | 'all'>('1');
  const [page, setPage] = useState(1);
  const filters = new URLSearchParams({
    ...(q.trim() ? { q: q.trim() } : {}),
    ...(birthDate.trim() ? { birthDate: birthDate.trim() } : {}),
    ...(schoolId ? { schoolId } : {}),
    ...(position ? { position } : {}),
    ...(active !== 'all' ? { active } : {}),
  });
  const paged = new URLSearchParams(filters);
  paged.set('page', String(page));
  paged.set('pageSize', '50');
  const result = useQuery({
    queryKey: ['staff', filters.toString(), page],
    queryFn: () => api.get<StaffSearchAnswer>(`/api/registry/staff?${paged.toString()}`),
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
        <Button href={`/api/registry/staff/export.xlsx?${filters.toString()}`}>Xuất Excel</Button>
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
            { title: 'Họ và tên', dataIndex: 'fullName' },
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
