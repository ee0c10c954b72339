/** The student record's forms: the fields, the edit and the status dialogs (StudentPage). */
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { ApiError } from '../../shared/api.ts';
import { registryApi } from './api.ts';
import { formatDate } from '../../shared/i18n.ts';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import type { ClassRow, StudentRecord } from '../../../../src/modules/registry/contract.ts';
import type { registryMessages } from './messages.ts';

export type Messages = (typeof registryMessages)['vi'];
export type Status = StudentRecord['status'];
export const STATUSES: Status[] = ['studying', 'transferred', 'dropped_out', 'graduated'];

export interface FormValues {
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
export function applyErrors(
  error: unknown,
  form: ReturnType<typeof Form.useForm<FormValues>>[0],
): string {
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
export function StudentFields({ m, classes }: { m: Messages; classes?: ClassRow[] }) {
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
export const blankToNull = (v: FormValues) =>
  Object.fromEntries(
    Object.entries(v).map(([k, x]) => [k, typeof x === 'string' && !x.trim() ? null : x]),
  ) as { [K in keyof FormValues]: FormValues[K] | null };

/** Adding one student by hand, for a school's clerk: into a class of the running year. */
export function EditDialog({
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
      const saved = await registryApi.updateStudent(record.id, body);
      void message.success(m.saved);
      // The answer is the record as saved: the page shows it (and its new version) at once, the
      // dialog closes without waiting on a reload, which runs behind it.
      client.setQueryData(['student', record.id], saved);
      onClose(true);
      void client.invalidateQueries({ queryKey: ['student', record.id] });
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

export function StatusDialog({
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
      const changed = await registryApi.changeStudentStatus(record.id, {
        ...values,
        version: record.version,
      });
      void message.success(m.statusSaved);
      // The new status and version at once; the dialog closes without waiting on the reload of
      // the whole record, which runs behind it.
      client.setQueryData<StudentRecord>(['student', record.id], (old) =>
        old ? { ...old, ...changed } : old,
      );
      onClose();
      void client.invalidateQueries({ queryKey: ['student', record.id] });
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
