import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Form, Input, Select, Space, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import type { StaffRecord } from '../../../../src/modules/registry/contract.ts';
import {
  EMPLOYMENT_TYPE_EN,
  EMPLOYMENT_TYPES,
  LEVEL_TAUGHT_LABELS,
  type SchoolLevel,
} from '../../../../src/modules/registry/labels.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, LEVEL_LABELS, useI18n } from '../../shared/i18n.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import { orgsApi } from '../orgs/api.ts';
import { registryApi } from './api.ts';
import { fill } from './messages.ts';
import { staffMessages } from './staffMessages.ts';
import { StaffLeave, StaffTrainingCard } from './StaffTraining.tsx';

type Messages = (typeof staffMessages)['vi'];
interface FormValues {
  fullName: string;
  birthDate: string;
  gender: 'male' | 'female';
  personalId?: string;
  position: 'teacher' | 'manager' | 'staff';
  mainSubject?: string;
  qualification?: string;
  employmentType?: string;
  rank?: string;
  levelTaught?: SchoolLevel;
}
const FIELDS = [
  'fullName',
  'birthDate',
  'gender',
  'personalId',
  'position',
  'mainSubject',
  'qualification',
  'employmentType',
  'rank',
  'levelTaught',
] as const;

/** Empty optional fields are sent as null (cleared), not as empty strings. */
const blankToNull = (v: FormValues) =>
  Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && !x.trim() ? null : (x ?? null)]),
  ) as FormValues;

function StaffFields({ m, levels }: { m: Messages; levels: SchoolLevel[] }) {
  const { lang } = useI18n();
  const required = [{ required: true, message: m.required }];
  return (
    <>
      <Form.Item name="fullName" label={m.fullName} rules={required}>
        <Input />
      </Form.Item>
      <Space wrap>
        <Form.Item name="birthDate" label={m.birthDate} rules={required}>
          <Input placeholder="dd/mm/yyyy" inputMode="numeric" style={{ width: 160 }} />
        </Form.Item>
        <Form.Item name="gender" label={m.gender} rules={required}>
          <Select
            style={{ width: 120 }}
            options={[
              { value: 'male', label: m.male },
              { value: 'female', label: m.female },
            ]}
          />
        </Form.Item>
        <Form.Item name="personalId" label={m.personalId}>
          <Input inputMode="numeric" style={{ width: 180 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="position" label={m.position} rules={required}>
          <Select
            style={{ width: 180 }}
            options={(['teacher', 'manager', 'staff'] as const).map((p) => ({
              value: p,
              label: m[p],
            }))}
          />
        </Form.Item>
        <Form.Item name="mainSubject" label={m.mainSubject}>
          <Input style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="qualification" label={m.qualification}>
          <Input style={{ width: 220 }} />
        </Form.Item>
      </Space>
      <Space wrap>
        <Form.Item name="employmentType" label={m.employmentType}>
          <Select
            allowClear
            style={{ width: 200 }}
            options={EMPLOYMENT_TYPES.map((t) => ({
              value: t,
              label: lang === 'vi' ? t : EMPLOYMENT_TYPE_EN[t],
            }))}
          />
        </Form.Item>
        <Form.Item name="rank" label={m.rank}>
          <Input style={{ width: 260 }} placeholder={m.rankPlaceholder} />
        </Form.Item>
        <Form.Item name="levelTaught" label={m.levelTaught} tooltip={m.levelTaughtHint}>
          <Select
            allowClear
            style={{ width: 160 }}
            options={levels.map((l) => ({
              value: l,
              label: lang === 'vi' ? LEVEL_TAUGHT_LABELS[l] : LEVEL_LABELS.en[l],
            }))}
          />
        </Form.Item>
      </Space>
    </>
  );
}

function NewStaff({ me, m }: { me: Me; m: Messages }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string>();
  const isClerk = me.orgUnit.kind === 'school' && me.permissions.includes('registry.write');
  // The school's levels: what "level taught" may be.
  const school = useQuery({
    queryKey: ['unit', me.orgUnit.id],
    queryFn: () => orgsApi.unit(me.orgUnit.id),
    enabled: isClerk,
  });
  if (!isClerk) return <Alert type="info" message={m.onlySchool} />;
  const save = async (values: FormValues) => {
    setError(undefined);
    try {
      const created = await registryApi.addStaff(me.orgUnit.id, blankToNull(values));
      void message.success(m.added);
      void navigate(`/can-bo/${created.id}`);
    } catch (e) {
      setError(problemToForm(e, form, FIELDS));
    }
  };
  return (
    <Card title={`${m.newStaff} · ${me.orgUnit.name}`} style={{ maxWidth: 760 }}>
      {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ position: 'teacher' }}
        onFinish={(v) => void save(v)}
      >
        <StaffFields m={m} levels={school.data?.levels ?? []} />
        <Button type="primary" htmlType="submit">
          {m.save}
        </Button>
      </Form>
    </Card>
  );
}

function Record({ id, me, m }: { id: string; me: Me; m: Messages }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [error, setError] = useState<string>();
  const [stale, setStale] = useState(false);
  const record = useQuery({ queryKey: ['staff', id], queryFn: () => registryApi.staffRecord(id) });
  const r = record.data;
  useEffect(() => {
    if (r)
      form.setFieldsValue({
        fullName: r.fullName,
        birthDate: formatDate(r.birthDate),
        gender: r.gender,
        personalId: r.personalIdMasked ? undefined : (r.personalId ?? undefined),
        position: r.position,
        mainSubject: r.mainSubject ?? undefined,
        qualification: r.qualification ?? undefined,
        employmentType: r.employmentType ?? undefined,
        rank: r.rank ?? undefined,
        levelTaught: r.levelTaught ?? undefined,
      });
  }, [r, form]);
  if (record.error) return <ErrorResult error={record.error} />;
  if (!r) return <Card loading />;
  const canEdit = me.permissions.includes('registry.write') && !r.personalIdMasked && r.active;
  const saved = (next: StaffRecord, text: string) => {
    client.setQueryData(['staff', id], next);
    void message.success(text);
    // Not awaited: the record is already the saved one; the lists reload behind.
    void client.invalidateQueries({ queryKey: ['staff'], exact: false });
  };
  const save = async (values: FormValues) => {
    setError(undefined);
    try {
      const body = blankToNull(values);
      // A masked id is not sent back: the field stays as recorded.
      if (r.personalIdMasked) delete body.personalId;
      saved(await registryApi.updateStaff(id, { ...body, version: r.version }), m.saved);
    } catch (e) {
      if (isStale(e)) setStale(true);
      else setError(problemToForm(e, form, FIELDS));
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Link to="/can-bo">← {m.back}</Link>
      <Card
        title={
          <Space wrap>
            <span>{r.fullName}</span>
            <Tag>{r.school.name}</Tag>
            {r.active ? (
              <Tag color="green">{m.working}</Tag>
            ) : (
              <Tag color="red" data-testid="staff-left">
                {fill(
                  m.left,
                  { date: formatDate(r.leftOn ?? ''), reason: r.leaveReason ?? '' },
                  'vi',
                )}
              </Tag>
            )}
          </Space>
        }
        extra={canEdit && <StaffLeave record={r} m={m} onDone={(n) => saved(n, m.leaveSaved)} />}
      >
        {stale && (
          <StaleNotice
            onReload={() => void record.refetch().then(() => setStale(false))}
            loading={record.isFetching}
          />
        )}
        {error && <Alert type="error" role="alert" message={error} style={{ marginBottom: 16 }} />}
        {r.personalIdMasked && (
          <Alert type="info" message={`${m.personalId}: ${r.personalId} · ${m.maskedHint}`} />
        )}
        <Form
          form={form}
          layout="vertical"
          disabled={!canEdit}
          onFinish={(v) => void save(v)}
          style={{ marginTop: 16 }}
        >
          <StaffFields m={m} levels={r.schoolLevels} />
          {canEdit && (
            <Button type="primary" htmlType="submit">
              {m.save}
            </Button>
          )}
        </Form>
      </Card>
      <StaffTrainingCard
        record={r}
        m={m}
        canEdit={canEdit}
        onAdded={(n) => saved(n, m.trainingAdded)}
      />
    </Space>
  );
}

/** "Hồ sơ cán bộ, giáo viên": /can-bo/:id, or /can-bo/moi to add one by hand. */
export default function StaffRecordPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { lang } = useI18n();
  const m = staffMessages[lang];
  return id === 'moi' ? <NewStaff me={me} m={m} /> : <Record id={id} me={me} m={m} />;
}
