import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type {
  AuditEntry,
  Kind,
  Me,
  UnitDetail,
  UnitSummary,
} from '../../../../src/modules/orgs/contract.ts';
import { api, ApiError, type ClassStudent, type ClassSummary } from '../../shared/api.ts';
import { ErrorResult } from '../../App.tsx';
import {
  formatDate,
  KIND_LABELS,
  LEVEL_LABELS,
  OWNERSHIP_LABELS,
  useI18n,
} from '../../shared/i18n.ts';
import { UnitPicker } from '../../shared/UnitPicker.tsx';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';
import { AuditTable } from './AuditPage.tsx';

type Dialog = null | 'edit' | 'child' | 'move' | 'merge';

export default function UnitPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [classId, setClassId] = useState<string | null>(null);
  /** The version the edit form was filled from; set when a save was refused as stale. */
  const [editVersion, setEditVersion] = useState(0);
  const [stale, setStale] = useState(false);
  const [form] = Form.useForm();
  const unit = useQuery({
    queryKey: ['unit', id],
    queryFn: () => api.get<UnitDetail>(`/api/orgs/${id}`),
  });
  const children = useQuery({
    queryKey: ['unit', id, 'children'],
    queryFn: () => api.get<UnitSummary[]>(`/api/orgs/${id}/children`),
  });
  const isSchool = unit.data?.kind === 'school';
  const classes = useQuery({
    queryKey: ['unit', id, 'classes'],
    queryFn: () => api.get<ClassSummary[]>(`/api/orgs/${id}/classes`),
    enabled: isSchool && me.permissions.includes('registry.read'),
  });
  const history = useQuery({
    queryKey: ['unit', id, 'history'],
    queryFn: () => api.get<AuditEntry[]>(`/api/orgs/${id}/history`),
  });
  const students = useQuery({
    queryKey: ['class', classId, 'students'],
    queryFn: () => api.get<ClassStudent[]>(`/api/classes/${classId}/students`),
    enabled: classId !== null,
  });
  const act = useMutation({
    mutationFn: ({ path, body, method }: { path: string; body?: unknown; method?: 'PATCH' }) =>
      method === 'PATCH' ? api.patch<UnitDetail>(path, body) : api.post<UnitDetail>(path, body),
    onSuccess: async () => {
      setDialog(null);
      form.resetFields();
      void message.success(t.saved);
      await client.invalidateQueries({ queryKey: ['unit'] });
      await client.invalidateQueries({ queryKey: ['orgs'] });
    },
    onError: (error) => {
      if (isStale(error)) return setStale(true);
      if (error instanceof ApiError && error.problem.errors?.length) {
        form.setFields(
          error.problem.errors.map((e) => ({
            name: e.path.replace(/^body\./, ''),
            errors: [e.message],
          })),
        );
      }
      void message.error(error instanceof ApiError ? error.problem.detail : String(error));
    },
  });

  if (unit.error) return <ErrorResult error={unit.error} />;
  const u = unit.data;
  if (!u) return <Card loading />;
  const canWrite = me.permissions.includes('org.write');
  const canStructure = me.permissions.includes('org.structure');
  const isOwnUnit = u.id === me.orgUnit.id;
  const openEdit = (from: UnitDetail) => {
    form.setFieldsValue({
      name: from.name,
      address: from.address,
      levels: from.levels,
      ownership: from.ownership,
    });
    setEditVersion(from.version);
    setStale(false);
    setDialog('edit');
  };
  const reloadEdit = async () => {
    const fresh = await unit.refetch();
    if (fresh.data) openEdit(fresh.data);
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Breadcrumb
        items={u.path.map((p) => ({
          title: p.id === u.id ? p.name : <Link to={`/don-vi/${p.id}`}>{p.name}</Link>,
        }))}
      />
      <Card
        title={
          <Space wrap>
            <span>{u.name}</span>
            <Tag>{KIND_LABELS[lang][u.kind]}</Tag>
            {!u.active && <Tag color="red">{t.inactive}</Tag>}
          </Space>
        }
      >
        <div style={{ marginBottom: 16 }}>
          <Space wrap>
            {canWrite && u.active && <Button onClick={() => openEdit(u)}>{t.edit}</Button>}
            {canStructure && u.active && (
              <Button onClick={() => setDialog('child')}>{t.addChild}</Button>
            )}
            {canStructure && !isOwnUnit && u.parentId && u.active && (
              <>
                <Button onClick={() => setDialog('move')}>{t.move}</Button>
                <Button onClick={() => setDialog('merge')}>{t.merge}</Button>
                <Button danger onClick={() => act.mutate({ path: `/api/orgs/${u.id}/deactivate` })}>
                  {t.deactivate}
                </Button>
              </>
            )}
            {canStructure && !u.active && !u.mergedIntoId && (
              <Button onClick={() => act.mutate({ path: `/api/orgs/${u.id}/reactivate` })}>
                {t.reactivate}
              </Button>
            )}
          </Space>
        </div>
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Statistic title={t.children} value={u.counts.children} />
          <Statistic title={t.classes} value={u.counts.classes} />
          <Statistic title={t.students} value={u.counts.students} />
          <Statistic title={t.staff} value={u.counts.staff} />
          <Statistic title={t.users} value={u.counts.users} />
        </Space>
        <Tabs
          items={[
            {
              key: 'details',
              label: t.details,
              children: (
                <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered>
                  <Descriptions.Item label={t.code}>{u.code}</Descriptions.Item>
                  <Descriptions.Item label={t.kind}>{KIND_LABELS[lang][u.kind]}</Descriptions.Item>
                  {u.kind === 'school' && (
                    <>
                      <Descriptions.Item label={t.levels}>
                        {u.levels.map((l) => LEVEL_LABELS[lang][l]).join(', ')}
                      </Descriptions.Item>
                      <Descriptions.Item label={t.ownership}>
                        {u.ownership ? OWNERSHIP_LABELS[lang][u.ownership] : ''}
                      </Descriptions.Item>
                    </>
                  )}
                  <Descriptions.Item label={t.address}>{u.address}</Descriptions.Item>
                  <Descriptions.Item label={t.status}>
                    {u.active ? t.active : t.inactive}
                  </Descriptions.Item>
                </Descriptions>
              ),
            },
            {
              key: 'children',
              label: `${t.children} (${u.counts.children})`,
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  loading={children.isLoading}
                  dataSource={children.data ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  scroll={{ x: true }}
                  columns={[
                    {
                      title: t.name,
                      dataIndex: 'name',
                      render: (name: string, r) => <Link to={`/don-vi/${r.id}`}>{name}</Link>,
                    },
                    { title: t.code, dataIndex: 'code' },
                    {
                      title: t.kind,
                      dataIndex: 'kind',
                      render: (k: Kind) => KIND_LABELS[lang][k],
                    },
                    {
                      title: t.status,
                      dataIndex: 'active',
                      render: (a: boolean) => (a ? t.active : <Tag color="red">{t.inactive}</Tag>),
                    },
                  ]}
                />
              ),
            },
            ...(isSchool
              ? [
                  {
                    key: 'classes',
                    label: `${t.classes} (${u.counts.classes})`,
                    children: classes.error ? (
                      <ErrorResult error={classes.error} />
                    ) : (
                      <Table
                        rowKey="id"
                        size="small"
                        loading={classes.isLoading}
                        dataSource={classes.data ?? []}
                        pagination={{ pageSize: 30, hideOnSinglePage: true }}
                        onRow={(r) => ({
                          onClick: () => setClassId(r.id),
                          style: { cursor: 'pointer' },
                        })}
                        columns={[
                          { title: t.classes, dataIndex: 'name' },
                          { title: t.schoolYear, dataIndex: 'schoolYear' },
                          { title: t.sessions, dataIndex: 'sessionsPerDay' },
                          { title: t.students, dataIndex: 'studentCount' },
                        ]}
                      />
                    ),
                  },
                ]
              : []),
            {
              key: 'history',
              label: t.history,
              children: <AuditTable entries={history.data ?? []} loading={history.isLoading} />,
            },
          ]}
        />
      </Card>

      <Drawer
        open={classId !== null}
        onClose={() => setClassId(null)}
        title={classes.data?.find((c) => c.id === classId)?.name}
        width={Math.min(640, window.innerWidth)}
      >
        {students.error ? (
          <ErrorResult error={students.error} />
        ) : (
          <Table
            rowKey="id"
            size="small"
            loading={students.isLoading}
            dataSource={students.data ?? []}
            pagination={false}
            columns={[
              { title: '#', render: (_v, _r, i) => i + 1, width: 48 },
              { title: t.fullName, dataIndex: 'fullName' },
              { title: t.birthDate, dataIndex: 'birthDate', render: (d: string) => formatDate(d) },
              {
                title: t.gender,
                dataIndex: 'gender',
                render: (g: string) => (g === 'male' ? t.male : t.female),
              },
            ]}
          />
        )}
      </Drawer>

      <Modal
        open={dialog !== null}
        title={
          dialog === 'edit'
            ? t.edit
            : dialog === 'child'
              ? t.addChild
              : dialog === 'move'
                ? t.moveTo
                : t.mergeInto
        }
        onCancel={() => setDialog(null)}
        okText={t.save}
        cancelText={t.cancel}
        confirmLoading={act.isPending}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        {dialog === 'edit' && stale && (
          <StaleNotice onReload={() => void reloadEdit()} loading={unit.isFetching} />
        )}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values: Record<string, unknown>) => {
            if (dialog === 'edit')
              act.mutate({
                path: `/api/orgs/${u.id}`,
                method: 'PATCH',
                body: { ...values, version: editVersion },
              });
            if (dialog === 'child')
              act.mutate({ path: '/api/orgs', body: { ...values, parentId: u.id } });
            if (dialog === 'move') act.mutate({ path: `/api/orgs/${u.id}/move`, body: values });
            if (dialog === 'merge')
              modal.confirm({
                title: t.merge,
                content: t.mergeConfirm,
                onOk: () => act.mutate({ path: `/api/orgs/${u.id}/merge`, body: values }),
              });
          }}
        >
          {(dialog === 'edit' || dialog === 'child') && (
            <>
              {dialog === 'child' && (
                <>
                  <Form.Item label={t.code} name="code" rules={[{ required: true }]}>
                    <Input />
                  </Form.Item>
                  <Form.Item label={t.kind} name="kind" rules={[{ required: true }]}>
                    <Select
                      options={Object.entries(KIND_LABELS[lang])
                        .filter(([k]) => k !== 'department')
                        .map(([value, label]) => ({ value, label }))}
                    />
                  </Form.Item>
                </>
              )}
              <Form.Item label={t.name} name="name" rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item label={t.levels} name="levels">
                <Select
                  mode="multiple"
                  options={Object.entries(LEVEL_LABELS[lang]).map(([value, label]) => ({
                    value,
                    label,
                  }))}
                />
              </Form.Item>
              <Form.Item label={t.ownership} name="ownership">
                <Select
                  allowClear
                  options={Object.entries(OWNERSHIP_LABELS[lang]).map(([value, label]) => ({
                    value,
                    label,
                  }))}
                />
              </Form.Item>
              <Form.Item label={t.address} name="address">
                <Input />
              </Form.Item>
            </>
          )}
          {dialog === 'move' && (
            <Form.Item label={t.moveTo} name="parentId" rules={[{ required: true }]}>
              <UnitPicker />
            </Form.Item>
          )}
          {dialog === 'merge' && (
            <Form.Item label={t.mergeInto} name="intoId" rules={[{ required: true }]}>
              <UnitPicker />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Space>
  );
}
