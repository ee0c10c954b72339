import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { api, ApiError, type ClassSummary, type Me, type UnitSummary } from '../../shared/api.ts';
import { ErrorResult } from '../../App.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { initialSchool, SchoolPicker } from './YearEndPage.tsx';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import type {
  SchoolLookup,
  StudentHistory as History,
  StudentHit as Hit,
  StudentSearchAnswer,
  TransferStatus as Status,
  TransferView as Transfer,
} from '../../../../src/modules/registry/contract.ts';
import { STUDENT_STATUS_LABELS } from '../../../../src/modules/registry/labels.ts';

const STATUS: Record<Status, [string, string]> = {
  requested: ['Chờ xử lý', 'processing'],
  accepted: ['Đã tiếp nhận', 'success'],
  rejected: ['Bị từ chối', 'error'],
  cancelled: ['Đã huỷ', 'default'],
};
const STUDENT_STATUS: Record<string, string> = STUDENT_STATUS_LABELS;

const errorText = (e: unknown) => (e instanceof ApiError ? e.problem.detail : String(e));

function HistoryDrawer({ studentId, onClose }: { studentId: string | null; onClose: () => void }) {
  const history = useQuery({
    queryKey: ['student-history', studentId],
    queryFn: () => api.get<History>(`/api/registry/students/${studentId}/history`),
    enabled: Boolean(studentId),
  });
  const h = history.data;
  return (
    <Drawer open={Boolean(studentId)} onClose={onClose} width={640} title="Quá trình học">
      {history.error && <ErrorResult error={history.error} />}
      {h && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="Họ và tên">{h.student.fullName}</Descriptions.Item>
            <Descriptions.Item label="Ngày sinh">
              {formatDate(h.student.birthDate)}
            </Descriptions.Item>
            <Descriptions.Item label="Trường hiện tại">{h.student.school.name}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              {STUDENT_STATUS[h.student.status] ?? h.student.status}
              {h.student.statusReason ? ` — ${h.student.statusReason}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="schoolYear"
            pagination={false}
            dataSource={h.enrolments}
            columns={[
              { title: 'Năm học', dataIndex: 'schoolYear' },
              { title: 'Trường', render: (_v, e) => e.school.name },
              { title: 'Lớp', dataIndex: 'className' },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={h.transfers}
            columns={[
              { title: 'Ngày', render: (_v, t) => formatDate(t.requestedAt) },
              { title: 'Từ', render: (_v, t) => `${t.from.school.name} ${t.from.className ?? ''}` },
              { title: 'Đến', render: (_v, t) => `${t.to.school.name} ${t.to.className ?? ''}` },
              { title: 'Trạng thái', render: (_v, t) => STATUS[t.status][0] },
            ]}
          />
          <Table
            size="small"
            rowKey="at"
            pagination={false}
            dataSource={h.statusChanges}
            columns={[
              { title: 'Lúc', render: (_v, c) => formatDate(c.at, true) },
              {
                title: 'Đổi trạng thái',
                render: (_v, c) =>
                  `${STUDENT_STATUS[c.from ?? ''] ?? c.from} → ${STUDENT_STATUS[c.to ?? ''] ?? c.to}`,
              },
              { title: 'Lý do', dataIndex: 'reason' },
              { title: 'Người thực hiện', dataIndex: 'actorName' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}

function ClassSelect({
  schoolId,
  year,
  value,
  onChange,
}: {
  schoolId: string;
  year: string;
  value: string | undefined;
  onChange: (id: string) => void;
}) {
  const classes = useQuery({
    queryKey: ['classes', schoolId, year],
    queryFn: () => api.get<ClassSummary[]>(`/api/orgs/${schoolId}/classes?year=${year}`),
  });
  return (
    <Select
      style={{ width: 240 }}
      aria-label="Lớp chuyển đến"
      placeholder="Chọn lớp"
      value={value}
      onChange={onChange}
      loading={classes.isFetching}
      options={(classes.data ?? []).map((c) => ({
        value: c.id,
        label: `${c.name} (${c.studentCount} HS)`,
      }))}
    />
  );
}

function TransferList({
  schoolId,
  direction,
  canWrite,
  onHistory,
}: {
  schoolId: string;
  direction: 'incoming' | 'outgoing';
  canWrite: boolean;
  onHistory: (id: string) => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['transfers', schoolId, direction],
    queryFn: () =>
      api.get<Transfer[]>(`/api/registry/transfers?schoolId=${schoolId}&direction=${direction}`),
  });
  const [accepting, setAccepting] = useState<Transfer | null>(null);
  const [classId, setClassId] = useState<string>();
  const [closing, setClosing] = useState<{ t: Transfer; action: 'reject' | 'cancel' } | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['transfers'] });
  const act = async (url: string, body: object) => {
    try {
      await api.post(url, body);
      void message.success('Đã lưu.');
      await refresh();
      return true;
    } catch (e) {
      void message.error(errorText(e));
      return false;
    }
  };
  if (list.error) return <ErrorResult error={list.error} />;
  return (
    <>
      <Table
        rowKey="id"
        size="small"
        loading={list.isFetching}
        dataSource={list.data ?? []}
        scroll={{ x: true }}
        columns={[
          {
            title: 'Học sinh',
            render: (_v, t) => (
              <Button type="link" size="small" onClick={() => onHistory(t.student.id)}>
                {t.student.fullName}
              </Button>
            ),
          },
          {
            title: 'Ngày sinh',
            render: (_v, t) => (t.student.birthDate ? formatDate(t.student.birthDate) : '—'),
          },
          direction === 'incoming'
            ? {
                title: 'Từ trường',
                render: (_v, t) => `${t.from.school.name} ${t.from.className ?? ''}`,
              }
            : {
                title: 'Đến trường',
                render: (_v, t) => `${t.to.school.name} ${t.to.className ?? ''}`,
              },
          { title: 'Năm học', dataIndex: 'schoolYear' },
          { title: 'Lý do', dataIndex: 'reason' },
          { title: 'Ngày đề nghị', render: (_v, t) => formatDate(t.requestedAt) },
          {
            title: 'Trạng thái',
            render: (_v, t) => (
              <Space direction="vertical" size={0}>
                <Tag color={STATUS[t.status][1]}>{STATUS[t.status][0]}</Tag>
                {t.decisionReason && <small>{t.decisionReason}</small>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_v, t) =>
              canWrite && t.status === 'requested' ? (
                direction === 'incoming' ? (
                  <Space>
                    <Button size="small" type="primary" onClick={() => setAccepting(t)}>
                      Tiếp nhận
                    </Button>
                    <Button size="small" danger onClick={() => setClosing({ t, action: 'reject' })}>
                      Từ chối
                    </Button>
                  </Space>
                ) : (
                  <Button size="small" onClick={() => setClosing({ t, action: 'cancel' })}>
                    Huỷ đề nghị
                  </Button>
                )
              ) : null,
          },
        ]}
      />
      <Modal
        open={Boolean(accepting)}
        title={`Tiếp nhận ${accepting?.student.fullName ?? ''}`}
        okText="Tiếp nhận"
        cancelText="Huỷ"
        okButtonProps={{ disabled: !classId }}
        onCancel={() => setAccepting(null)}
        onOk={async () => {
          if (
            accepting &&
            (await act(`/api/registry/transfers/${accepting.id}/accept`, { toClassId: classId }))
          )
            setAccepting(null);
        }}
      >
        {accepting && (
          <ClassSelect
            schoolId={accepting.to.school.id}
            year={accepting.schoolYear}
            value={classId}
            onChange={setClassId}
          />
        )}
      </Modal>
      <Modal
        open={Boolean(closing)}
        title={closing?.action === 'reject' ? 'Từ chối tiếp nhận' : 'Huỷ đề nghị chuyển trường'}
        okText="Xác nhận"
        cancelText="Đóng"
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setClosing(null)}
        onOk={async () => {
          if (
            closing &&
            (await act(`/api/registry/transfers/${closing.t.id}/${closing.action}`, { reason }))
          ) {
            setClosing(null);
            setReason('');
          }
        }}
      >
        <Input.TextArea
          aria-label="Lý do"
          placeholder="Lý do (bắt buộc)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}

function RequestForm({
  schoolId,
  onHistory,
}: {
  schoolId: string;
  onHistory: (id: string) => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const year = currentSchoolYear();
  const [q, setQ] = useState('');
  const [student, setStudent] = useState<Hit | null>(null);
  const [destQ, setDestQ] = useState('');
  const [dest, setDest] = useState<string>();
  const [classId, setClassId] = useState<string>();
  const [reason, setReason] = useState('');
  const [decisionNumber, setDecisionNumber] = useState('');
  const hits = useQuery({
    queryKey: ['transfer-students', schoolId, q],
    queryFn: () =>
      api.get<StudentSearchAnswer>(
        `/api/registry/students?${new URLSearchParams({ q, schoolId, year }).toString()}`,
      ),
    enabled: q.trim().length > 0,
  });
  const schools = useQuery({
    queryKey: ['school-lookup', destQ],
    queryFn: () =>
      api.get<SchoolLookup>(`/api/registry/schools/lookup?q=${encodeURIComponent(destQ)}`),
    enabled: destQ.trim().length > 1,
  });
  // A destination inside the caller's own scope is a one-step transfer into a chosen class.
  const own = useQuery({
    queryKey: ['own-school', dest],
    queryFn: () => api.get<UnitSummary[]>(`/api/orgs/search?q=${encodeURIComponent(dest ?? '')}`),
    enabled: Boolean(dest),
  });
  const ownDest = own.data?.find((u) => u.code === dest);
  const submit = async () => {
    if (!student || !dest) return;
    try {
      const t = await api.post<Transfer>('/api/registry/transfers', {
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
      void message.error(errorText(e));
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

export default function TransfersPage({ me }: { me: Me }) {
  const [school, setSchool] = useState(initialSchool(me));
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const canWrite = me.permissions.includes('registry.write');
  return (
    <Card title="Chuyển trường">
      <Space direction="vertical" style={{ width: '100%' }}>
        <SchoolPicker me={me} value={school} onChange={setSchool} />
        {school && (
          <Tabs
            items={[
              {
                key: 'in',
                label: 'Chuyển đến',
                children: (
                  <TransferList
                    schoolId={school.id}
                    direction="incoming"
                    canWrite={canWrite}
                    onHistory={setHistoryOf}
                  />
                ),
              },
              {
                key: 'out',
                label: 'Chuyển đi',
                children: (
                  <TransferList
                    schoolId={school.id}
                    direction="outgoing"
                    canWrite={canWrite}
                    onHistory={setHistoryOf}
                  />
                ),
              },
              ...(canWrite
                ? [
                    {
                      key: 'new',
                      label: 'Chuyển trường cho học sinh',
                      children: <RequestForm schoolId={school.id} onHistory={setHistoryOf} />,
                    },
                  ]
                : []),
            ]}
          />
        )}
      </Space>
      <HistoryDrawer studentId={historyOf} onClose={() => setHistoryOf(null)} />
    </Card>
  );
}
