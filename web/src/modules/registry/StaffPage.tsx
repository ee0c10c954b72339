import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { fill } from './messages.ts';
import { pageMessages } from './pageMessages.ts';
import { ImportPanel } from '../../shared/ImportPanel.tsx';
import { SchoolFilter } from '../../shared/SchoolPicker.tsx';
import { registryApi, registryFiles } from './api.ts';
import {
  GENDER_LABELS,
  GENDER_LABELS_EN,
  POSITION_LABELS_EN,
  POSITION_LABELS as POSITIONS,
  type StaffPosition as Position,
} from '../../../../src/modules/registry/labels.ts';

/** "Cán bộ, giáo viên": search and list the staff of the user's scope, export, import. */

function Search() {
  const m = useMessages(pageMessages);
  const { lang } = useI18n();
  const positionName = (p: Position) => (lang === 'vi' ? POSITIONS[p] : POSITION_LABELS_EN[p]);
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
          placeholder={m.searchStaffPlaceholder}
          onSearch={reset(setQ)}
          style={{ width: 340, maxWidth: '100%' }}
          aria-label={m.searchStaff}
        />
        <Input.Search
          allowClear
          placeholder={m.birthDatePlaceholder}
          onSearch={reset(setBirthDate)}
          style={{ width: 200 }}
          aria-label={m.birthDate}
        />
        <SchoolFilter value={schoolId} onChange={reset(setSchoolId)} />
        <Select
          allowClear
          placeholder={m.position}
          aria-label={m.position}
          value={position}
          onChange={reset(setPosition)}
          options={(Object.keys(POSITIONS) as Position[]).map((value) => ({
            value,
            label: positionName(value),
          }))}
          style={{ width: 160 }}
        />
        <Select
          aria-label={m.status}
          value={active}
          onChange={reset(setActive)}
          options={[
            { value: '1', label: m.working },
            { value: '0', label: m.left },
            { value: 'all', label: m.all },
          ]}
          style={{ width: 150 }}
        />
        <Button href={registryFiles.staff(filters)}>{m.exportXlsx}</Button>
        <Link to="/can-bo/moi">{m.addStaff}</Link>
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
            showTotal: (total) => fill(m.people, { n: total }, 'vi'),
          }}
          columns={[
            {
              title: m.fullName,
              dataIndex: 'fullName',
              render: (name: string, r) => <Link to={`/can-bo/${r.id}`}>{name}</Link>,
            },
            { title: m.birthDate, dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
            {
              title: m.gender,
              dataIndex: 'gender',
              responsive: ['sm'],
              render: (g: keyof typeof GENDER_LABELS) =>
                lang === 'vi' ? GENDER_LABELS[g] : GENDER_LABELS_EN[g],
            },
            {
              title: m.position,
              dataIndex: 'position',
              render: (p: Position, r) => (
                <>
                  {positionName(p)} {!r.active && <Tag>{m.left}</Tag>}
                </>
              ),
            },
            { title: m.mainSubject, dataIndex: 'mainSubject', responsive: ['sm'] },
            { title: m.qualification, dataIndex: 'qualification', responsive: ['sm'] },
            { title: m.school, render: (_v, r) => r.school.name },
            { title: m.personalId, dataIndex: 'personalIdMasked', responsive: ['sm'] },
          ]}
        />
      )}
    </Space>
  );
}

export default function StaffPage({ me }: { me: Me }) {
  const client = useQueryClient();
  const m = useMessages(pageMessages);
  return (
    <Card title={m.menuStaff}>
      <Tabs
        items={[
          { key: 'search', label: m.searchStaff, children: <Search /> },
          ...(me.permissions.includes('registry.write')
            ? [
                {
                  key: 'import',
                  label: m.tabImport,
                  children: (
                    <ImportPanel
                      kind="staff"
                      what={m.importWhatStaff}
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
