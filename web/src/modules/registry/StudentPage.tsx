import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { ApiError } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { registryApi, registryFiles } from './api.ts';
import { formatDate, useI18n } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import type { ClassRow, StudentRecord } from '../../../../src/modules/registry/contract.ts';
import { registryMessages } from './messages.ts';

type Messages = (typeof registryMessages)['vi'];
type Status = StudentRecord['status'];
const STATUSES: Status[] = ['studying', 'transferred', 'dropped_out', 'graduated'];

interface FormValues {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  personalId?: string;
  studentCode?: string;
  ethnicity?: string;
  birthPlace?: string;
  address?: string;
  guardianName?: string;
  phone?: string;
  classId?: string;
}

/** Field errors of a refused save onto the form; the rest as one message. */
function applyErrors(error: unknown, form: ReturnType<typeof Form.useForm<FormValues>>[0]): string {
  if (!(error instanceof ApiError)) return String(error);
  const names = new Set(Object.keys(form.getFieldsValue(true) as object));
  const rest: string[] = [];
  const byField = new Map<string, string[]>();
  for (const e of error.problem.errors ?? []) {
    const name = e.path.replace(/^body\./, '');
    if (names.has(name)) byField.set(name, [...(byField.get(name) ?? []), e.message]);
    else rest.push(e.message);
  }
  form.setFields(
    [...byField].map(([name, errors]) => ({ name: name as keyof FormValues, errors })),
  );
  return rest.length ? rest.join(' ') : error.problem.detail;
}

/** The form's fields, shared by the add and the edit dialogs. */
function StudentFields({ m, classes }: { m: Messages; classes?: ClassRow[] }) {
  const required = [{ required: true, message: m.required }];
  return (
    <>
      <Form.Item name="fullName" label={m.fullName} rules={required}>
        <Input autoComplete="off" />
      </Form.Item>
      <Form.Item name="birthDate" label={m.birthDate} rules={required}>
        <Input placeholder="dd/mm/yyyy" inputMode="numeric" />
      </Form.Item>
      <Form.Item name="gender" label={m.gender} rules={required}>
        <Select
          options={[
            { value: 'male', label: m.male },
            { value: 'female', label: m.female },
          ]}
        />
      </Form.Item>
      {classes && (
        <Form.Item name="classId" label={m.className} rules={required}>
          <Select options={classes.map((c) => ({ value: c.id, label: c.name }))} />
        </Form.Item>
      )}
      <Form.Item name="personalId" label={m.personalId}>
        <Input inputMode="numeric" maxLength={12} />
      </Form.Item>
      <Form.Item name="studentCode" label={m.studentCode}>
        <Input />
      </Form.Item>
      <Form.Item name="ethnicity" label={m.ethnicity}>
        <Input />
      </Form.Item>
      <Form.Item name="birthPlace" label={m.birthPlace}>
        <Input />
      </Form.Item>
      <Form.Item name="address" label={m.address}>
        <Input />
      </Form.Item>
      <Form.Item name="guardianName" label={m.guardianName}>
        <Input />
      </Form.Item>
      <Form.Item name="phone" label={m.phone}>
        <Input inputMode="tel" />
      </Form.Item>
    </>
  );
}

/** Empty optional fields are sent as null (cleared), not as empty strings. */
const blankToNull = (v: FormValues) =>
  Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && !x.trim() ? null : x]),
  ) as { [K in keyof FormValues]: FormValues[K] | null };

/** Adding one student by hand, for a school's clerk: into a class of the running year. */
function NewStudent({ me, m }: { me: Me; m: Messages }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const year = currentSchoolYear();
  const classes = useQuery({
    queryKey: ['classes', me.orgUnit.id, year],
    queryFn: () => registryApi.schoolClasses(me.orgUnit.id, year),
    enabled: me.orgUnit.kind === 'school',
  });
  if (me.orgUnit.kind !== 'school' || !me.permissions.includes('registry.write'))
    return <Alert type="info" message={m.onlySchool} />;
  const save = async (values: FormValues) => {
    setSaving(true);
    setError(undefined);
    try {
      // The form's rules require the name, date of birth, gender and class.
      const body = blankToNull(values) as Parameters<typeof registryApi.addStudent>[2];
      const created = await registryApi.addStudent(me.orgUnit.id, year, body);
      void message.success(m.addedStudent);
      void navigate(`/hoc-sinh/${created.id}`);
    } catch (e) {
      setError(applyErrors(e, form));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card title={`${m.newStudent} · ${me.orgUnit.name} · ${year}`} style={{ maxWidth: 720 }}>
      {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" onFinish={(v) => void save(v)}>
        <StudentFields m={m} classes={classes.data ?? []} />
        <Button type="primary" htmlType="submit" loading={saving}>
          {m.save}
        </Button>
      </Form>
    </Card>
  );
}

function EditDialog({
  record,
  m,
  onClose,
}: {
  record: StudentRecord;
  m: Messages;
  onClose: (saved: boolean) => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string>();
  const [stale, setStale] = useState(false);
  const [version, setVersion] = useState(record.version);
  const initial = (r: StudentRecord): FormValues => ({
    fullName: r.fullName,
    birthDate: formatDate(r.birthDate),
    gender: r.gender,
    personalId: r.personalId ?? undefined,
    studentCode: r.studentCode ?? undefined,
    ethnicity: r.ethnicity ?? undefined,
    birthPlace: r.birthPlace ?? undefined,
    address: r.address ?? undefined,
    guardianName: r.guardianName ?? undefined,
    phone: r.phone ?? undefined,
  });
  const save = async (values: FormValues) => {
    setError(undefined);
    try {
      // Required fields are checked by the form; the optional ones may be cleared (null).
      const body = { ...blankToNull(values), version } as Parameters<
        typeof registryApi.updateStudent
      >[1];
      await registryApi.updateStudent(record.id, body);
      void message.success(m.saved);
      await client.invalidateQueries({ queryKey: ['student', record.id] });
      onClose(true);
    } catch (e) {
      if (isStale(e)) setStale(true);
      else setError(applyErrors(e, form));
    }
  };
  const reload = async () => {
    const fresh = await registryApi.student(record.id);
    form.setFieldsValue(initial(fresh));
    setVersion(fresh.version);
    setStale(false);
  };
  return (
    <Modal open title={m.edit} onCancel={() => onClose(false)} footer={null} width={640}>
      {stale && <StaleNotice onReload={() => void reload()} />}
      {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={initial(record)}
        onFinish={(v) => void save(v)}
      >
        {/* Personal id: only shown in full to those who may edit, so only they change it. */}
        <StudentFields m={m} />
        <Space>
          <Button type="primary" htmlType="submit">
            {m.save}
          </Button>
          <Button onClick={() => onClose(false)}>{m.cancel}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

function StatusDialog({
  record,
  m,
  onClose,
}: {
  record: StudentRecord;
  m: Messages;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ status: Status; reason: string }>();
  const [error, setError] = useState<string>();
  const save = async (values: { status: Status; reason: string }) => {
    try {
      await registryApi.changeStudentStatus(record.id, {
        ...values,
        version: record.version,
      });
      void message.success(m.statusSaved);
      await client.invalidateQueries({ queryKey: ['student', record.id] });
      onClose();
    } catch (e) {
      setError(e instanceof ApiError ? e.problem.detail : String(e));
    }
  };
  return (
    <Modal open title={m.changeStatus} onCancel={onClose} footer={null}>
      {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ status: record.status }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="status" label={m.status}>
          <Select options={STATUSES.map((s) => ({ value: s, label: m[s] }))} />
        </Form.Item>
        <Form.Item
          name="reason"
          label={m.reason}
          rules={[{ required: true, whitespace: true, message: m.required }]}
        >
          <Input.TextArea rows={3} placeholder={m.reasonHint} maxLength={500} />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {m.save}
          </Button>
          <Button onClick={onClose}>{m.cancel}</Button>
        </Space>
      </Form>
    </Modal>
  );
}

/**
 * A student's record (issue 13 item 4): identity, guardian and contacts,
 * classes by year, status changes, transfers and diplomas; edit, change the
 * status with a reason, print the profile. `/hoc-sinh/moi` adds one by hand.
 * At phone width the descriptions stack in one column and the tables keep
 * their key columns.
 */
export default function StudentPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { lang } = useI18n();
  const m = registryMessages[lang];
  const [dialog, setDialog] = useState<'edit' | 'status' | null>(null);
  const record = useQuery({
    queryKey: ['student', id],
    queryFn: () => registryApi.student(id),
    enabled: id !== 'moi',
  });
  if (id === 'moi') return <NewStudent me={me} m={m} />;
  if (record.error) return <ErrorResult error={record.error} />;
  const s = record.data;
  if (!s) return <Card loading />;
  const dash = (v: string | null) => v || '—';
  const column = { xs: 1, sm: 1, md: 2 };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Link to="/hoc-sinh">← {m.back}</Link>
      <Card
        title={
          <Space wrap>
            <span>{s.fullName}</span>
            <Tag color={s.status === 'studying' ? 'green' : 'default'}>{m[s.status]}</Tag>
          </Space>
        }
        extra={null}
      >
        <Space wrap style={{ marginBottom: 16 }}>
          {s.canEdit && <Button onClick={() => setDialog('edit')}>{m.edit}</Button>}
          {s.canEdit && <Button onClick={() => setDialog('status')}>{m.changeStatus}</Button>}
          <Button href={registryFiles.studentProfile(s.id)} target="_blank">
            {m.printProfile}
          </Button>
        </Space>
        <Descriptions title={m.identity} bordered size="small" column={column}>
          <Descriptions.Item label={m.fullName}>{s.fullName}</Descriptions.Item>
          <Descriptions.Item label={m.birthDateShort}>{formatDate(s.birthDate)}</Descriptions.Item>
          <Descriptions.Item label={m.gender}>{m[s.gender]}</Descriptions.Item>
          <Descriptions.Item label={m.ethnicity}>{dash(s.ethnicity)}</Descriptions.Item>
          <Descriptions.Item label={m.birthPlace}>{dash(s.birthPlace)}</Descriptions.Item>
          <Descriptions.Item label={m.personalId}>
            <span title={s.personalId ? undefined : m.maskedHint}>
              {dash(s.personalId ?? s.personalIdMasked)}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={m.studentCode}>{dash(s.studentCode)}</Descriptions.Item>
          <Descriptions.Item label={m.schoolName}>{s.school.name}</Descriptions.Item>
          <Descriptions.Item label={m.status}>
            {m[s.status]}
            {s.statusReason ? ` (${s.statusReason})` : ''}
          </Descriptions.Item>
        </Descriptions>
        <Descriptions
          title={m.guardianAndContacts}
          bordered
          size="small"
          column={column}
          style={{ marginTop: 16 }}
        >
          <Descriptions.Item label={m.guardianName}>{dash(s.guardianName)}</Descriptions.Item>
          <Descriptions.Item label={m.phone}>{dash(s.phone)}</Descriptions.Item>
          <Descriptions.Item label={m.address}>{dash(s.address)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={m.enrolments} size="small">
        <Table
          rowKey="schoolYear"
          size="small"
          pagination={false}
          locale={{ emptyText: m.none }}
          dataSource={s.enrolments}
          columns={[
            { title: m.schoolYear, dataIndex: 'schoolYear' },
            { title: m.className, dataIndex: 'className' },
            { title: m.schoolName, render: (_v, e) => e.school.name, responsive: ['sm'] },
          ]}
        />
      </Card>
      <Card title={m.statusHistory} size="small">
        <Table
          rowKey="at"
          size="small"
          pagination={false}
          locale={{ emptyText: m.none }}
          dataSource={s.statusChanges}
          columns={[
            { title: m.at, render: (_v, c) => formatDate(c.at, true) },
            {
              title: m.to,
              render: (_v, c) => (STATUSES.includes(c.to as Status) ? m[c.to as Status] : c.to),
            },
            { title: m.reason, dataIndex: 'reason' },
            { title: m.by, dataIndex: 'actorName', responsive: ['md'] },
          ]}
        />
      </Card>
      <Card title={m.transfers} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          locale={{ emptyText: m.none }}
          dataSource={s.transfers}
          columns={[
            { title: m.schoolYear, dataIndex: 'schoolYear' },
            { title: m.from, render: (_v, t) => t.from.school.name, responsive: ['sm'] },
            { title: m.to, render: (_v, t) => t.to.school.name },
            { title: m.status, dataIndex: 'status', responsive: ['md'] },
          ]}
        />
      </Card>
      <Card title={m.diplomas} size="small">
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          locale={{ emptyText: m.none }}
          dataSource={s.diplomas}
          columns={[
            { title: m.serial, dataIndex: 'serialNumber' },
            { title: m.issueDate, render: (_v, d) => formatDate(d.issueDate) },
            { title: m.status, dataIndex: 'status', responsive: ['sm'] },
          ]}
        />
      </Card>
      <Typography.Text type="secondary">{me.orgUnit.name}</Typography.Text>
      {dialog === 'edit' && <EditDialog record={s} m={m} onClose={() => setDialog(null)} />}
      {dialog === 'status' && <StatusDialog record={s} m={m} onClose={() => setDialog(null)} />}
    </Space>
  );
}
