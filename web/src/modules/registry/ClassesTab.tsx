import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import type { ClassInput, ClassRow } from '../../../../src/modules/registry/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { NumberInput } from '../../shared/NumberInput.tsx';
import { useMessages } from '../../shared/i18n.ts';
import { fill as fillIn } from './messages.ts';
import { pageMessages } from './pageMessages.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import { registryApi, registryFiles } from './api.ts';
import type { SchoolTabProps } from './SchoolsPage.tsx';

/** The school's classes of a year, with their homeroom teachers; add and edit. */
export function ClassesTab({ schoolId, year, canWrite }: SchoolTabProps) {
  const { message } = App.useApp();
  const m = useMessages(pageMessages);
  const client = useQueryClient();
  const [form] = Form.useForm<ClassInput>();
  const [editing, setEditing] = useState<ClassRow | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const classes = useQuery({
    queryKey: ['school-classes', schoolId, year],
    queryFn: () => registryApi.schoolClasses(schoolId, year),
  });
  const staff = useQuery({
    queryKey: ['homeroom-candidates', schoolId],
    queryFn: () => registryApi.homeroomCandidates(schoolId),
    enabled: editing !== null,
  });
  if (classes.error) return <ErrorResult error={classes.error} />;
  const open = (row: ClassRow | 'new') => {
    setEditing(row);
    setStale(false);
    form.resetFields();
    form.setFieldsValue(
      row === 'new'
        ? { name: '', grade: null, sessionsPerDay: 1, homeroomStaffId: null }
        : {
            name: row.name,
            grade: row.grade,
            sessionsPerDay: row.sessionsPerDay,
            homeroomStaffId: row.homeroom?.id ?? null,
          },
    );
  };
  const save = async () => {
    // A grade the field could not read stops here, said under the field.
    if (
      await form.validateFields(['grade']).then(
        () => false,
        () => true,
      )
    )
      return;
    const values = form.getFieldsValue();
    const body = { ...values, homeroomStaffId: values.homeroomStaffId ?? null };
    setSaving(true);
    try {
      const saved =
        editing === 'new'
          ? await registryApi.createClass(schoolId, year, body)
          : editing
            ? await registryApi.updateClass(editing.id, { ...body, version: editing.version })
            : null;
      // Saved, but the school should know (a homeroom teacher on two classes: #13 item 3).
      if (saved?.warnings.length)
        void message.warning(
          fillIn(
            m.classSavedWarning,
            { warnings: saved.warnings.map((w) => w.message).join(' ') },
            'vi',
          ),
          8,
        );
      else void message.success(m.classSaved);
      setEditing(null);
      // Not awaited: the dialog is closed and free at once; the list reloads behind it.
      void client.invalidateQueries({ queryKey: ['school-classes', schoolId, year] });
    } catch (e) {
      if (isStale(e)) setStale(true);
      else
        void message.error(
          problemToForm(e, form, ['name', 'grade', 'sessionsPerDay', 'homeroomStaffId']),
        );
    } finally {
      setSaving(false);
    }
  };
  /** The class as it is now, in the form; closes it if the class is gone. */
  const reload = async () => {
    if (!editing || editing === 'new') return;
    const fresh = (await classes.refetch()).data?.find((c) => c.id === editing.id);
    if (fresh) open(fresh);
    else setEditing(null);
  };
  const rows = classes.data ?? [];
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {canWrite && <Button onClick={() => open('new')}>{m.addClass}</Button>}
        <Button href={registryFiles.schoolClasses(schoolId, year)}>{m.exportClasses}</Button>
        <Typography.Text type="secondary">
          {fillIn(
            m.classCount,
            { classes: rows.length, students: rows.reduce((s, r) => s + r.studentCount, 0) },
            'vi',
          )}
        </Typography.Text>
      </Space>
      <Table
        rowKey="id"
        size="small"
        loading={classes.isFetching}
        dataSource={rows}
        scroll={{ x: true }}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        columns={[
          { title: m.colClass, dataIndex: 'name' },
          { title: m.colGrade, dataIndex: 'grade' },
          { title: m.colSessions, dataIndex: 'sessionsPerDay' },
          {
            title: m.homeroom,
            render: (_v, r) => (
              <Space direction="vertical" size={0}>
                {r.homeroom?.fullName ?? <Typography.Text type="secondary">—</Typography.Text>}
                {r.warnings.map((w) => (
                  <Typography.Text key={w.path} type="warning" data-testid="class-warning">
                    {w.message}
                  </Typography.Text>
                ))}
              </Space>
            ),
          },
          { title: m.colSize, dataIndex: 'studentCount' },
          ...(canWrite
            ? [
                {
                  title: '',
                  key: 'edit',
                  render: (_v: unknown, r: ClassRow) => (
                    <Button
                      size="small"
                      onClick={() => open(r)}
                      aria-label={fillIn(m.editClass, { name: r.name }, 'vi')}
                    >
                      {m.edit}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      <Modal
        open={editing !== null}
        title={
          editing === 'new' ? m.addClass : fillIn(m.editClass, { name: editing?.name ?? '' }, 'vi')
        }
        okText={m.save}
        cancelText={m.cancel}
        confirmLoading={saving}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
        forceRender
      >
        {stale && <StaleNotice onReload={() => void reload()} loading={classes.isFetching} />}
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={m.className2}>
            <Input />
          </Form.Item>
          <Form.Item
            name="grade"
            label={m.gradeLabel}
            rules={[
              {
                validator: (_r, v: number | null | undefined) =>
                  Number.isNaN(v) ? Promise.reject(new Error(m.gradeError)) : Promise.resolve(),
              },
            ]}
          >
            <NumberInput min={1} max={12} precision={0} style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="sessionsPerDay" label={m.sessionsLabel}>
            <Select
              options={[
                { value: 1, label: m.oneSession },
                { value: 2, label: m.twoSessions },
              ]}
            />
          </Form.Item>
          <Form.Item name="homeroomStaffId" label={m.homeroom}>
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              loading={staff.isFetching}
              options={(staff.data ?? []).map((s) => ({
                value: s.id,
                label: `${s.fullName}${s.mainSubject ? ` (${s.mainSubject})` : ''}`,
              }))}
            />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
