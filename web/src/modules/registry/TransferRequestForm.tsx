import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { StudentHit as Hit } from '../../../../src/modules/registry/contract.ts';
import { problemText } from '../../shared/api.ts';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { orgsApi } from '../orgs/api.ts';
import { registryApi } from './api.ts';
import { ClassSelect } from './ClassSelect.tsx';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';
import { transferMessages } from './transferMessages.ts';

/** Moves one of the school's students to another school: at once in scope, else as a request. */
export function TransferRequestForm({
  schoolId,
  onHistory,
}: {
  schoolId: string;
  onHistory: (id: string) => void;
}) {
  const { message } = App.useApp();
  const m = useMessages(transferMessages);
  const client = useQueryClient();
  const [year, setYear] = useState(currentSchoolYear());
  const [q, setQ] = useState('');
  const [student, setStudent] = useState<Hit | null>(null);
  const [destQ, setDestQ] = useState('');
  const [dest, setDest] = useState<string>();
  const [classId, setClassId] = useState<string>();
  const [reason, setReason] = useState('');
  const [decisionNumber, setDecisionNumber] = useState('');
  const hits = useQuery({
    queryKey: ['transfer-students', schoolId, q],
    queryFn: () => registryApi.students({ q, schoolId, year }),
    enabled: q.trim().length > 0,
  });
  const schools = useQuery({
    queryKey: ['school-lookup', destQ],
    queryFn: () => registryApi.schoolLookup(destQ),
    enabled: destQ.trim().length > 1,
  });
  // A destination inside the caller's own scope is a one-step transfer into a chosen class.
  const own = useQuery({
    queryKey: ['own-school', dest],
    queryFn: () => orgsApi.search(dest ?? ''),
    enabled: Boolean(dest),
  });
  const ownDest = own.data?.find((u) => u.code === dest);
  const submit = async () => {
    if (!student || !dest) return;
    try {
      const t = await registryApi.requestTransfer({
        studentId: student.id,
        toSchoolCode: dest,
        reason,
        year,
        ...(ownDest ? { toClassId: classId } : {}),
        ...(decisionNumber.trim() ? { decisionNumber } : {}),
      });
      void message.success(
        t.status === 'accepted'
          ? fill(m.movedNow, {
              name: t.student.fullName,
              school: t.to.school.name,
              className: t.to.className ?? '',
            })
          : fill(m.requestSent, { school: t.to.school.name }),
      );
      setStudent(null);
      setReason('');
      // Not awaited: the form is done at once; the list of transfers reloads behind it.
      void client.invalidateQueries({ queryKey: ['transfers'] });
    } catch (e) {
      void message.error(problemText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder={m.searchOwnStudents}
        onSearch={setQ}
        style={{ width: 420, maxWidth: '100%' }}
        aria-label={m.searchOwnStudentsAria}
      />
      <Table
        rowKey="id"
        size="small"
        loading={hits.isFetching}
        dataSource={hits.data?.items ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        rowSelection={{
          type: 'radio',
          selectedRowKeys: student ? [student.id] : [],
          onChange: (_k, rows) => setStudent(rows[0] ?? null),
        }}
        columns={[
          { title: m.fullName, dataIndex: 'fullName' },
          { title: m.birthDate, render: (_v, h) => formatDate(h.birthDate) },
          { title: m.className, dataIndex: 'className' },
          {
            title: '',
            render: (_v, h) => (
              <Button size="small" type="link" onClick={() => onHistory(h.id)}>
                {m.history}
              </Button>
            ),
          },
        ]}
      />
      {student && (
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Alert type="info" message={fill(m.transferFor, { name: student.fullName, year })} />
          <Form.Item label={m.transferYear} required>
            <SchoolYearSelect
              value={year}
              onChange={(y) => (setYear(y), setClassId(undefined))}
              ariaLabel={m.transferYear}
            />
          </Form.Item>
          <Form.Item label={m.destination} required>
            <Select
              showSearch
              filterOption={false}
              placeholder={m.destinationPlaceholder}
              aria-label={m.destination}
              onSearch={setDestQ}
              value={dest}
              onChange={(v: string) => (setDest(v), setClassId(undefined))}
              options={(schools.data ?? []).map((s) => ({
                value: s.code,
                label: `${s.code} — ${s.name}`,
              }))}
            />
          </Form.Item>
          {ownDest && (
            <Form.Item label={m.destinationClass} required>
              <ClassSelect
                schoolId={ownDest.id}
                year={year}
                value={classId}
                onChange={setClassId}
              />
            </Form.Item>
          )}
          <Form.Item label={m.reason} required>
            <Input.TextArea
              aria-label={m.transferReasonAria}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
          <Form.Item label={m.decisionNumber}>
            <Input value={decisionNumber} onChange={(e) => setDecisionNumber(e.target.value)} />
          </Form.Item>
          <Button
            type="primary"
            disabled={!dest || !reason.trim() || (Boolean(ownDest) && !classId)}
            onClick={() => void submit()}
          >
            {ownDest ? m.transferNow : m.sendRequest}
          </Button>
        </Form>
      )}
    </Space>
  );
}
