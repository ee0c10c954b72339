import { useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Table, Typography } from 'antd';
import type { SortOrder } from 'antd/es/table/interface';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { registryApi, registryFiles } from './api.ts';
import { LEVEL_LABELS, OWNERSHIP_LABELS, useI18n } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import type { SchoolListRow } from '../../../../src/modules/registry/contract.ts';
import { fill, registryMessages } from './messages.ts';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';

type Sort =
  | 'code'
  | 'name'
  | 'commune'
  | 'students'
  | 'classes'
  | 'staff'
  | 'nationalStandardLevel'
  | 'accreditationLevel';

/**
 * The "Trường học" list of a department or commune officer (issue 13 item 8):
 * every school in scope with its figures of the year, filtered, sorted,
 * paged on the server and exported as filtered. At phone width only the
 * name and the student count stay; the others show from 768 px.
 */
export default function SchoolListPage({ me }: { me: Me }) {
  const { lang } = useI18n();
  const m = registryMessages[lang];
  const [year, setYear] = useState(currentSchoolYear());
  const [q, setQ] = useState('');
  const [level, setLevel] = useState<string>();
  const [ownership, setOwnership] = useState<string>();
  const [standard, setStandard] = useState<string>();
  const [accreditation, setAccreditation] = useState<string>();
  const [sessions, setSessions] = useState<string>();
  const [sort, setSort] = useState<{ by: Sort; order: 'asc' | 'desc' }>({
    by: 'code',
    order: 'asc',
  });
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const filters = new URLSearchParams({ year, sort: sort.by, order: sort.order });
  if (q.trim()) filters.set('q', q.trim());
  if (level) filters.set('level', level);
  if (ownership) filters.set('ownership', ownership);
  if (standard) filters.set('nationalStandardLevel', standard);
  if (accreditation) filters.set('accreditationLevel', accreditation);
  if (sessions) filters.set('twoSessionsADay', sessions);
  const paged = new URLSearchParams(filters);
  paged.set('page', String(page));
  paged.set('pageSize', String(pageSize));
  const result = useQuery({
    queryKey: ['school-list', paged.toString()],
    queryFn: () => registryApi.schoolList(Object.fromEntries(paged)),
  });
  if (result.error) return <ErrorResult error={result.error} />;
  const number = (n: number) => n.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB');
  const reset =
    <T,>(set: (v: T) => void) =>
    (v: T) => (set(v), setPage(1));
  const sortOrder = (by: Sort): SortOrder =>
    sort.by === by ? (sort.order === 'asc' ? 'ascend' : 'descend') : null;
  const standardText = (n: number) => (n === 0 ? m.notReached : fill(m.standardLevel, { n }, lang));
  const accreditationText = (n: number) =>
    n === 0 ? m.notReached : fill(m.accreditationLevel, { n }, lang);
  const totals = result.data?.totals;
  return (
    <Card title={`${m.schoolListTitle} · ${me.orgUnit.name}`}>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Space wrap>
          <Input.Search
            allowClear
            placeholder={m.searchSchools}
            aria-label={m.searchSchools}
            onSearch={reset(setQ)}
            style={{ width: 300, maxWidth: '100%' }}
          />
          <SchoolYearSelect ariaLabel={m.schoolYear} value={year} onChange={reset(setYear)} />
          <Select
            aria-label={m.level}
            allowClear
            placeholder={m.allLevels}
            value={level}
            onChange={reset(setLevel)}
            options={Object.entries(LEVEL_LABELS[lang]).map(([value, label]) => ({ value, label }))}
            style={{ width: 160 }}
          />
          <Select
            aria-label={m.ownership}
            allowClear
            placeholder={m.allOwnerships}
            value={ownership}
            onChange={reset(setOwnership)}
            options={Object.entries(OWNERSHIP_LABELS[lang]).map(([value, label]) => ({
              value,
              label,
            }))}
            style={{ width: 170 }}
          />
          <Select
            aria-label={m.nationalStandard}
            allowClear
            placeholder={m.allStandards}
            value={standard}
            onChange={reset(setStandard)}
            options={[0, 1, 2].map((n) => ({ value: String(n), label: standardText(n) }))}
            style={{ width: 200 }}
          />
          <Select
            aria-label={m.accreditation}
            allowClear
            placeholder={m.allAccreditation}
            value={accreditation}
            onChange={reset(setAccreditation)}
            options={[0, 1, 2, 3, 4].map((n) => ({
              value: String(n),
              label: accreditationText(n),
            }))}
            style={{ width: 180 }}
          />
          <Select
            aria-label={m.twoSessions}
            allowClear
            placeholder={m.allSessions}
            value={sessions}
            onChange={reset(setSessions)}
            options={[
              { value: '1', label: m.twoSessionsYes },
              { value: '0', label: m.twoSessionsNo },
            ]}
            style={{ width: 200 }}
          />
          <Button href={registryFiles.schoolList(Object.fromEntries(filters))}>
            {m.exportXlsx}
          </Button>
        </Space>
        {totals && (
          <Typography.Text type="secondary">{fill(m.totals, totals, lang)}</Typography.Text>
        )}
        <Table<SchoolListRow>
          rowKey="id"
          size="small"
          loading={result.isFetching}
          dataSource={result.data?.items ?? []}
          onChange={(_p, _f, sorter) => {
            const s = Array.isArray(sorter) ? sorter[0] : sorter;
            const by = (s?.order ? (s.columnKey as Sort) : 'code') ?? 'code';
            setSort({ by, order: s?.order === 'descend' ? 'desc' : 'asc' });
            setPage(1);
          }}
          pagination={{
            current: page,
            pageSize,
            total: result.data?.total ?? 0,
            onChange: (p, size) => (setPage(size === pageSize ? p : 1), setPageSize(size)),
            showTotal: (n) => fill(m.schoolCount, { n }, lang),
          }}
          columns={[
            {
              key: 'code',
              title: m.code,
              dataIndex: 'code',
              sorter: true,
              sortOrder: sortOrder('code'),
              responsive: ['md'],
            },
            {
              key: 'name',
              title: m.name,
              sorter: true,
              sortOrder: sortOrder('name'),
              render: (_v, r) => <Link to={`/don-vi/${r.id}`}>{r.name}</Link>,
            },
            {
              key: 'level',
              title: m.level,
              responsive: ['lg'],
              render: (_v, r) => r.levels.map((l) => LEVEL_LABELS[lang][l]).join(', '),
            },
            {
              key: 'ownership',
              title: m.ownership,
              responsive: ['lg'],
              render: (_v, r) => (r.ownership ? OWNERSHIP_LABELS[lang][r.ownership] : ''),
            },
            {
              key: 'commune',
              title: m.commune,
              sorter: true,
              sortOrder: sortOrder('commune'),
              responsive: ['md'],
              render: (_v, r) => r.commune?.name ?? '',
            },
            {
              key: 'students',
              title: m.students,
              align: 'right',
              sorter: true,
              sortOrder: sortOrder('students'),
              render: (_v, r) => <span data-testid="school-students">{number(r.students)}</span>,
            },
            {
              key: 'classes',
              title: m.classes,
              align: 'right',
              sorter: true,
              sortOrder: sortOrder('classes'),
              responsive: ['md'],
              render: (_v, r) => number(r.classes),
            },
            {
              key: 'staff',
              title: m.staff,
              align: 'right',
              sorter: true,
              sortOrder: sortOrder('staff'),
              responsive: ['md'],
              render: (_v, r) => number(r.staff),
            },
            {
              key: 'nationalStandardLevel',
              title: m.nationalStandard,
              sorter: true,
              sortOrder: sortOrder('nationalStandardLevel'),
              responsive: ['lg'],
              render: (_v, r) => standardText(r.nationalStandardLevel),
            },
            {
              key: 'accreditationLevel',
              title: m.accreditation,
              sorter: true,
              sortOrder: sortOrder('accreditationLevel'),
              responsive: ['lg'],
              render: (_v, r) => accreditationText(r.accreditationLevel),
            },
            {
              key: 'twoSessions',
              title: m.twoSessions,
              responsive: ['lg'],
              render: (_v, r) => (r.twoSessionsADay ? m.yes : m.no),
            },
          ]}
        />
      </Space>
    </Card>
  );
}
