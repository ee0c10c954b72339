import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ExportJob } from '../../shared/ExportJob.tsx';
import { Alert, Button, Card, Checkbox, Input, Space, Table, Tabs } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ImportPanel } from '../../shared/ImportPanel.tsx';
import { formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { fill } from './messages.ts';
import { pageMessages } from './pageMessages.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { GENDER_LABELS, GENDER_LABELS_EN } from '../../../../src/modules/registry/labels.ts';
import { registryApi, registryFiles } from './api.ts';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';

function Search() {
  const m = useMessages(pageMessages);
  const { lang } = useI18n();
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
          placeholder={m.searchStudentsPlaceholder}
          onSearch={(v) => (setQ(v), setPage(1))}
          style={{ width: 360, maxWidth: '100%' }}
          aria-label={m.searchStudents}
        />
        <SchoolYearSelect value={year} onChange={(y) => (setYear(y), setPage(1))} />
        <Button href={registryFiles.students({ q, year })} disabled={!q}>
          {m.exportXlsx}
        </Button>
        {/* The whole scope (a commune, the province) as a job with progress (issue 13 item 11). */}
        <ExportJob
          start={() => registryApi.startStudentExport({ q: q || undefined, year })}
          fileUrl={registryFiles.studentExportJob}
        />
        <Link to="/hoc-sinh/moi">{m.addStudent}</Link>
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
              ? fill(m.moreThan, { n: total }, 'vi')
              : fill(m.studentCount, { n: total }, 'vi'),
        }}
        columns={[
          {
            title: m.fullName,
            dataIndex: 'fullName',
            render: (name: string, r) => <Link to={`/hoc-sinh/${r.id}`}>{name}</Link>,
          },
          { title: m.birthDate, dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
          {
            title: m.gender,
            dataIndex: 'gender',
            responsive: ['sm'],
            render: (g: keyof typeof GENDER_LABELS) =>
              lang === 'vi' ? GENDER_LABELS[g] : GENDER_LABELS_EN[g],
          },
          { title: m.school, render: (_v, r) => r.school.name },
          { title: m.className, dataIndex: 'className' },
          { title: m.studentCode, dataIndex: 'studentCode', responsive: ['sm'] },
          { title: m.personalId, dataIndex: 'personalIdMasked', responsive: ['sm'] },
        ]}
      />
    </Space>
  );
}

function Import() {
  const m = useMessages(pageMessages);
  const client = useQueryClient();
  const [year, setYear] = useState(currentSchoolYear());
  const [createClasses, setCreateClasses] = useState(false);
  return (
    <ImportPanel
      kind="students"
      what={m.importWhatStudents}
      params={{ year, createClasses: createClasses ? '1' : '0' }}
      onImported={() => client.invalidateQueries({ queryKey: ['students'] })}
      controls={
        <Space wrap>
          <SchoolYearSelect value={year} onChange={setYear} ariaLabel={m.importYear} />
          <Checkbox checked={createClasses} onChange={(e) => setCreateClasses(e.target.checked)}>
            {m.createClasses}
          </Checkbox>
        </Space>
      }
    />
  );
}

export default function StudentsPage({ me }: { me: Me }) {
  const m = useMessages(pageMessages);
  return (
    <Card title={m.menuStudents}>
      <Tabs
        items={[
          { key: 'search', label: m.tabSearchStudents, children: <Search /> },
          ...(me.permissions.includes('registry.write')
            ? [{ key: 'import', label: m.tabImport, children: <Import /> }]
            : []),
        ]}
      />
    </Card>
  );
}
