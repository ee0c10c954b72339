import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Select, Space, Table } from 'antd';
import { useState } from 'react';
import type { StudentHit as Hit } from '../../../../src/modules/registry/contract.ts';
import { problemText } from '../../shared/api.ts';
import { formatDate } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { orgsApi } from '../orgs/api.ts';
import { registryApi } from './api.ts';
import { ClassSelect } from './ClassSelect.tsx';
import { SchoolYearSelect } from './SchoolYearSelect.tsx';

/** Moves one of the school's students to another school: at once in scope, else as a request. */
export function TransferRequestForm({
  schoolId,
  onHistory,
}: {
  schoolId: string;
  onHistory: (id: string) => void;
}) {
  const { message } = App.useApp();
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
          ? `Đã chuyển ${t.student.fullName} sang ${t.to.school.name}, lớp ${t.to.className ?? ''}.`
          : `Đã gửi đề nghị; chờ ${t.to.school.name} tiếp nhận.`,
      );
      setStudent(null);
      setReason('');
      await client.invalidateQueries({ queryKey: ['transfers'] });
    } catch (e) {
      void message.error(problemText(e));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Input.Search
        allowClear
        placeholder="Tìm học sinh của trường (họ tên, mã học sinh, mã định danh)"
        onSearch={setQ}
        style={{ width: 420, maxWidth: '100%' }}
        aria-label="Tìm học sinh chuyển đi"
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
          { title: 'Họ và tên', dataIndex: 'fullName' },
          { title: 'Ngày sinh', render: (_v, h) => formatDate(h.birthDate) },
          { title: 'Lớp', dataIndex: 'className' },
          {
            title: '',
            render: (_v, h) => (
              <Button size="small" type="link" onClick={() => onHistory(h.id)}>
                Quá trình học
              </Button>
            ),
          },
        ]}
      />
      {student && (
        <Form layout="vertical" style={{ maxWidth: 560 }}>
          <Alert type="info" message={`Chuyển trường cho ${student.fullName} (năm học ${year})`} />
          <Form.Item label="Năm học chuyển trường" required>
            <SchoolYearSelect
              value={year}
              onChange={(y) => (setYear(y), setClassId(undefined))}
              ariaLabel="Năm học chuyển trường"
            />
          </Form.Item>
          <Form.Item label="Trường chuyển đến" required>
            <Select
              showSearch
              filterOption={false}
              placeholder="Gõ mã hoặc tên trường (toàn tỉnh)"
              aria-label="Trường chuyển đến"
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
            <Form.Item label="Lớp chuyển đến (trường trong phạm vi của bạn: chuyển ngay)" required>
              <ClassSelect
                schoolId={ownDest.id}
                year={year}
                value={classId}
                onChange={setClassId}
              />
            </Form.Item>
          )}
          <Form.Item label="Lý do" required>
            <Input.TextArea
              aria-label="Lý do chuyển trường"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          </Form.Item>
          <Form.Item label="Số quyết định (nếu có)">
            <Input value={decisionNumber} onChange={(e) => setDecisionNumber(e.target.value)} />
          </Form.Item>
          <Button
            type="primary"
            disabled={!dest || !reason.trim() || (Boolean(ownDest) && !classId)}
            onClick={() => void submit()}
          >
            {ownDest ? 'Chuyển trường' : 'Gửi đề nghị chuyển trường'}
          </Button>
        </Form>
      )}
    </Space>
  );
}
