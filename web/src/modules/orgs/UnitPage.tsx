import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Form,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
} from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import type { Kind, Me, UnitDetail } from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import {
  fill,
  KIND_LABELS,
  LEVEL_LABELS,
  OWNERSHIP_LABELS,
  useI18n,
  useMessages,
} from '../../shared/i18n.ts';
import { confirmMessages } from './confirmMessages.ts';
import { problemToForm } from '../../shared/problemToForm.ts';
import { isStale } from '../../shared/StaleNotice.tsx';
import { registryApi } from '../registry/api.ts';
import { orgsApi } from './api.ts';
import { AuditTable } from './AuditPage.tsx';
import { ClassDrawer } from './ClassDrawer.tsx';
import { UnitDialog, type UnitDialogKind } from './UnitDialog.tsx';
import { locationFields, locationMessages } from './locationFields.ts';

export default function UnitPage({ me }: { me: Me }) {
  const { id = '' } = useParams();
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const cm = useMessages(confirmMessages);
  const lm = useMessages(locationMessages);
  const client = useQueryClient();
  const [dialog, setDialog] = useState<UnitDialogKind | null>(null);
  const [classId, setClassId] = useState<string | null>(null);
  /** The version the edit form was filled from; set when a save was refused as stale. */
  const [editVersion, setEditVersion] = useState(0);
  const [stale, setStale] = useState(false);
  const [form] = Form.useForm();
  const unit = useQuery({
    queryKey: ['unit', id],
    queryFn: () => orgsApi.unit(id),
  });
  const children = useQuery({
    queryKey: ['unit', id, 'children'],
    queryFn: () => orgsApi.children(id),
  });
  const isSchool = unit.data?.kind === 'school';
  const classes = useQuery({
    queryKey: ['unit', id, 'classes'],
    queryFn: () => registryApi.unitClasses(id),
    enabled: isSchool && me.permissions.includes('registry.read'),
  });
  const history = useQuery({
    queryKey: ['unit', id, 'history'],
    queryFn: () => orgsApi.history(id),
  });
  /** A change of the unit (a button's or the dialog's); field errors go on the dialog's form. */
  const act = useMutation({
    mutationFn: (change: () => Promise<UnitDetail>) => change(),
    onSuccess: () => {
      setDialog(null);
      form.resetFields();
      void message.success(t.saved);
      // Not awaited: the buttons and the dialog are free at once; the unit reloads behind.
      void client.invalidateQueries({ queryKey: ['unit'] });
      void client.invalidateQueries({ queryKey: ['orgs'] });
    },
    onError: (error) => {
      if (isStale(error)) return setStale(true);
      void message.error(problemToForm(error, form));
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
      ...locationFields(from.location, lang),
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
                <Button
                  danger
                  onClick={() =>
                    modal.confirm({
                      title: fill(cm.deactivateTitle, { name: u.name }),
                      content: (
                        <>
                          <p data-testid="deactivate-counts">
                            {fill(cm.deactivateHas, { ...u.counts }, lang)}
                          </p>
                          <p>{cm.deactivateEffect}</p>
                        </>
                      ),
                      okText: cm.deactivateOk,
                      okButtonProps: { danger: true },
                      cancelText: cm.cancel,
                      // A refusal is said by the mutation's onError; the dialog closes either way.
                      onOk: () =>
                        act.mutateAsync(() => orgsApi.deactivate(u.id)).catch(() => undefined),
                    })
                  }
                >
                  {t.deactivate}
                </Button>
              </>
            )}
            {canStructure && !u.active && !u.mergedIntoId && (
              <Button onClick={() => act.mutate(() => orgsApi.reactivate(u.id))}>
                {t.reactivate}
              </Button>
            )}
          </Space>
        </div>
        <Space wrap size="large" style={{ marginBottom: 16 }}>
          <Statistic title={t.children} value={u.counts.children} groupSeparator="." />
          <Statistic title={t.classes} value={u.counts.classes} groupSeparator="." />
          <Statistic title={t.students} value={u.counts.students} groupSeparator="." />
          <Statistic title={t.staff} value={u.counts.staff} groupSeparator="." />
          <Statistic title={t.users} value={u.counts.users} groupSeparator="." />
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
                      <Descriptions.Item label={lm.location}>
                        {u.location && Object.values(locationFields(u.location, lang)).join(' · ')}
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

      <ClassDrawer
        classId={classId}
        title={classes.data?.find((c) => c.id === classId)?.name}
        onClose={() => setClassId(null)}
      />
      <UnitDialog
        unit={u}
        dialog={dialog}
        form={form}
        editVersion={editVersion}
        stale={stale}
        saving={act.isPending}
        reloading={unit.isFetching}
        onReload={() => void reloadEdit()}
        onClose={() => setDialog(null)}
        onSubmit={(change) => act.mutate(change)}
      />
    </Space>
  );
}
