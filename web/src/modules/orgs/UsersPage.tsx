import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import type {
  Me,
  NewUser,
  Role,
  UserPatch,
  UserRow,
} from '../../../../src/modules/orgs/contract.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { problemToForm } from '../../shared/problemToForm.ts';
import { usersApi } from './api.ts';
import { fill, ROLE_LABELS, useI18n, useMessages } from '../../shared/i18n.ts';
import { confirmMessages } from './confirmMessages.ts';
import { UnitPicker } from '../../shared/UnitPicker.tsx';
import { isStale, StaleNotice } from '../../shared/StaleNotice.tsx';

export default function UsersPage({ me }: { me: Me }) {
  const { t, lang } = useI18n();
  const { message, modal } = App.useApp();
  const cm = useMessages(confirmMessages);
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [stale, setStale] = useState(false);
  const [password, setPassword] = useState<{ username: string; value: string } | null>(null);
  const [form] = Form.useForm();
  const list = useQuery({
    queryKey: ['users', q, page],
    queryFn: () => usersApi.list({ q, page, pageSize: 20 }),
  });
  const onError = (error: unknown) => void message.error(problemToForm(error, form));
  const create = useMutation({
    mutationFn: (values: NewUser) => usersApi.create(values),
    onSuccess: (result) => {
      setCreating(false);
      setPassword({ username: result.user.username, value: result.temporaryPassword });
      // Not awaited: the mutation (and the dialog's button) is done at once; the list reloads behind.
      void client.invalidateQueries({ queryKey: ['users'] });
    },
    onError,
  });
  const update = useMutation({
    mutationFn: ({ id, values }: { id: string; values: UserPatch }) => usersApi.update(id, values),
    onSuccess: () => {
      setEditing(null);
      void message.success(t.saved);
      void client.invalidateQueries({ queryKey: ['users'] });
    },
    onError: (error) => (isStale(error) ? setStale(true) : onError(error)),
  });
  /** The account as it is now, in the form. */
  const reloadEditing = async () => {
    if (!editing) return;
    const fresh = (await list.refetch()).data?.items.find((u) => u.id === editing.id);
    setStale(false);
    if (!fresh) return setEditing(null);
    form.setFieldsValue(fresh);
    setEditing(fresh);
  };
  const reset = useMutation({
    mutationFn: (user: UserRow) => usersApi.resetPassword(user.id).then((r) => ({ user, r })),
    onSuccess: ({ user, r }) =>
      setPassword({ username: user.username, value: r.temporaryPassword }),
    onError,
  });
  if (list.error) return <ErrorResult error={list.error} />;
  const roleOptions = me.grantableRoles.map((r) => ({ value: r, label: ROLE_LABELS[lang][r] }));
  return (
    <Card
      title={t.users}
      extra={
        <Button type="primary" onClick={() => setCreating(true)}>
          {t.newUser}
        </Button>
      }
    >
      <Input.Search
        allowClear
        placeholder={t.search}
        onSearch={(v) => (setQ(v), setPage(1))}
        style={{ marginBottom: 16, maxWidth: 360 }}
      />
      <Table
        rowKey="id"
        size="small"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: true }}
        pagination={{
          current: page,
          total: list.data?.total ?? 0,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t.username, dataIndex: 'username' },
          { title: t.fullName, dataIndex: 'fullName' },
          { title: t.role, dataIndex: 'role', render: (r: Role) => ROLE_LABELS[lang][r] },
          { title: t.unit, render: (_v, u) => u.orgUnit.name, responsive: ['sm'] },
          {
            title: t.status,
            render: (_v, u) => (
              <Space>
                {u.active ? <Tag color="green">{t.active}</Tag> : <Tag>{t.inactive}</Tag>}
              </Space>
            ),
          },
          {
            title: '',
            render: (_v, u) => (
              <Space>
                <Button
                  size="small"
                  onClick={() => (form.setFieldsValue(u), setStale(false), setEditing(u))}
                >
                  {t.edit}
                </Button>
                <Button
                  size="small"
                  onClick={() =>
                    modal.confirm({
                      title: fill(cm.resetTitle, { name: u.fullName, username: u.username }),
                      content: cm.resetEffect,
                      okText: cm.resetOk,
                      okButtonProps: { danger: true },
                      cancelText: cm.cancel,
                      onOk: () => reset.mutateAsync(u).catch(() => undefined),
                    })
                  }
                >
                  {t.resetPassword}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={creating || editing !== null}
        title={creating ? t.newUser : t.edit}
        onCancel={() => (setCreating(false), setEditing(null))}
        onOk={() => form.submit()}
        okText={t.save}
        cancelText={t.cancel}
        confirmLoading={create.isPending || update.isPending}
        destroyOnHidden
      >
        {editing && stale && (
          <StaleNotice onReload={() => void reloadEditing()} loading={list.isFetching} />
        )}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={(values: NewUser & UserPatch) =>
            editing
              ? update.mutate({ id: editing.id, values: { ...values, version: editing.version } })
              : create.mutate(values)
          }
        >
          {creating && (
            <Form.Item label={t.username} name="username" rules={[{ required: true }]}>
              <Input autoComplete="off" />
            </Form.Item>
          )}
          <Form.Item label={t.fullName} name="fullName" rules={[{ required: true }]}>
            <Input />
          </Form.Item>
          <Form.Item label={t.email} name="email">
            <Input type="email" />
          </Form.Item>
          <Form.Item label={t.role} name="role" rules={[{ required: true }]}>
            <Select options={roleOptions} />
          </Form.Item>
          {creating && (
            <Form.Item label={t.unit} name="orgUnitId" rules={[{ required: true }]}>
              <UnitPicker />
            </Form.Item>
          )}
          {editing && (
            <Form.Item label={t.active} name="active" valuePropName="checked">
              <Switch />
            </Form.Item>
          )}
        </Form>
      </Modal>
      <Modal
        open={password !== null}
        title={t.temporaryPassword}
        onCancel={() => setPassword(null)}
        onOk={() => setPassword(null)}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        <Typography.Paragraph>{t.temporaryHint}</Typography.Paragraph>
        <Typography.Paragraph>
          {t.username}: <b>{password?.username}</b>
        </Typography.Paragraph>
        <Typography.Paragraph
          copyable={{ text: password?.value ?? '' }}
          code
          data-testid="temporary-password"
        >
          {password?.value}
        </Typography.Paragraph>
      </Modal>
    </Card>
  );
}
