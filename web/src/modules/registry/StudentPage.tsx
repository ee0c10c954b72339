import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { registryApi, registryFiles } from './api.ts';
import { formatDate, useI18n } from '../../shared/i18n.ts';
import { currentSchoolYear } from '../../shared/schoolYear.ts';
import { registryMessages } from './messages.ts';

import {
  applyErrors,
  blankToNull,
  EditDialog,
  STATUSES,
  StatusDialog,
  StudentFields,
  type FormValues,
  type Messages,
  type Status,
} from './StudentForms.tsx';

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
