import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, Input, Space, Table } from 'antd';
import { useState } from 'react';
import type { DiplomaDetail, DiplomaSummary } from '../../../../src/modules/diplomas/contract.ts';
import type { Me } from '../../../../src/modules/orgs/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { diplomaFiles, diplomasApi } from './api.ts';
import { ChangeDialog, RevokeDialog } from './DiplomaDialogs.tsx';
import { DiplomaDrawer } from './DiplomaDrawer.tsx';
import { BlankFormsDialog } from './BlankFormsDialog.tsx';
import { GraduateImportDialog } from './GraduateImportDialog.tsx';
import { IssueFromSchoolDialog } from './IssueFromSchoolDialog.tsx';
import { IssueOneDialog } from './IssueOneDialog.tsx';
import { diplomaMessages } from './messages.ts';
import { StatusTag } from './statusTags.tsx';

/** The register (sổ gốc) of the signed-in account's unit. */
export default function DiplomasPage({ me }: { me: Me }) {
  const { message } = App.useApp();
  const client = useQueryClient();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [revoking, setRevoking] = useState(false);
  const t = useMessages(diplomaMessages);
  const canWrite = me.permissions.includes('registry.write');
  const [dialog, setDialog] = useState<
    null | 'correct' | 'copy' | 'import' | 'school' | 'one' | 'blanks'
  >(null);
  const [form] = Form.useForm();
  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['diploma'] });
    await client.invalidateQueries({ queryKey: ['diplomas'] });
  };
  /** A change of the open entry: a correction, copies or its revocation. */
  const change = useMutation({
    mutationFn: (run: () => Promise<DiplomaDetail>) => run(),
    onSuccess: () => {
      void message.success(revoking ? t.revokedDone : t.saved);
      setDialog(null);
      setRevoking(false);
      // Not awaited: the dialog's button is free at once; the register reloads behind it.
      void refresh();
    },
    onError: (e) => void message.error(problemText(e)),
  });
  const list = useQuery({
    queryKey: ['diplomas', q, page],
    queryFn: () => diplomasApi.list({ authorityId: me.orgUnit.id, q, page, pageSize: 50 }),
  });
  const detail = useQuery({
    queryKey: ['diploma', open],
    queryFn: () => diplomasApi.diploma(open ?? ''),
    enabled: open !== null,
  });
  if (list.error) return <ErrorResult error={list.error} />;
  const d = detail.data;
  return (
    <Card
      title={fill(t.registerTitle, { unit: me.orgUnit.name })}
      extra={<Button href={diplomaFiles.register(me.orgUnit.id)}>{t.printRegister}</Button>}
    >
      <Space wrap style={{ marginBottom: 16 }}>
        {canWrite && (
          <>
            <Button type="primary" onClick={() => setDialog('school')}>
              {t.issueFromSchool}
            </Button>
            <Button onClick={() => setDialog('import')}>{t.issueFromFile}</Button>
            <Button onClick={() => setDialog('one')}>{t.issueOne}</Button>
          </>
        )}
        <Button onClick={() => setDialog('blanks')}>{t.blankForms}</Button>
      </Space>
      <Input.Search
        allowClear
        placeholder={t.searchRegister}
        onSearch={(v) => (setQ(v), setPage(1))}
        style={{ maxWidth: 360, marginBottom: 16 }}
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
          pageSize: 50,
          onChange: setPage,
          showSizeChanger: false,
        }}
        onRow={(r) => ({ onClick: () => setOpen(r.id), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.serial, dataIndex: 'serialNumber' },
          { title: t.registerNumber, dataIndex: 'registerNumber', responsive: ['sm'] },
          { title: t.fullName, dataIndex: 'fullName' },
          { title: t.birthDate, dataIndex: 'birthDate', render: (v: string) => formatDate(v) },
          { title: t.school, dataIndex: 'schoolName', responsive: ['sm'] },
          { title: t.graduationYearShort, dataIndex: 'graduationYear', responsive: ['sm'] },
          {
            title: t.status,
            dataIndex: 'status',
            render: (s: DiplomaSummary['status']) => <StatusTag status={s} />,
          },
        ]}
      />
      <DiplomaDrawer
        diploma={d}
        open={open !== null}
        canWrite={canWrite}
        onClose={() => setOpen(null)}
        onAction={(action) => {
          if (action === 'revoke') return setRevoking(true);
          form.resetFields();
          setDialog(action);
        }}
      />
      <RevokeDialog
        id={open ?? ''}
        open={revoking}
        saving={change.isPending}
        onClose={() => setRevoking(false)}
        onSubmit={(run) => change.mutate(run)}
      />
      <ChangeDialog
        id={open ?? ''}
        dialog={dialog === 'correct' || dialog === 'copy' ? dialog : null}
        form={form}
        saving={change.isPending}
        onClose={() => setDialog(null)}
        onSubmit={(run) => change.mutate(run)}
      />
      <IssueFromSchoolDialog
        me={me}
        open={dialog === 'school'}
        onClose={() => setDialog(null)}
        onIssued={refresh}
      />
      <IssueOneDialog
        authorityId={me.orgUnit.id}
        open={dialog === 'one'}
        onClose={() => setDialog(null)}
        onIssued={refresh}
      />
      <BlankFormsDialog
        authorityId={me.orgUnit.id}
        canWrite={canWrite}
        open={dialog === 'blanks'}
        onClose={() => setDialog(null)}
      />
      <GraduateImportDialog
        authorityId={me.orgUnit.id}
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        onIssued={refresh}
      />
    </Card>
  );
}
