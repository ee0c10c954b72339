import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TransferView as Transfer } from '../../../../src/modules/registry/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { fill, formatDate, useMessages } from '../../shared/i18n.ts';
import { registryApi } from './api.ts';
import { ClassSelect } from './ClassSelect.tsx';
import { transferMessages } from './transferMessages.ts';
import { transferStatus } from './transferStatus.ts';

/** A school's incoming or outgoing transfers; accept, reject or cancel those still open. */
export function TransferList({
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
  const m = useMessages(transferMessages);
  const client = useQueryClient();
  const list = useQuery({
    queryKey: ['transfers', schoolId, direction],
    queryFn: () => registryApi.transfers({ schoolId, direction }),
  });
  const [accepting, setAccepting] = useState<Transfer | null>(null);
  const [classId, setClassId] = useState<string>();
  const [closing, setClosing] = useState<{ t: Transfer; action: 'reject' | 'cancel' } | null>(null);
  const [reason, setReason] = useState('');
  const refresh = () => client.invalidateQueries({ queryKey: ['transfers'] });
  const act = async (change: () => Promise<Transfer>) => {
    try {
      await change();
      void message.success(m.saved);
      // Not awaited: the dialog closes at once; the list reloads behind it.
      void refresh();
      return true;
    } catch (e) {
      void message.error(problemText(e));
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
            title: m.student,
            render: (_v, t) => (
              <Button type="link" size="small" onClick={() => onHistory(t.student.id)}>
                {t.student.fullName}
              </Button>
            ),
          },
          {
            title: m.birthDate,
            render: (_v, t) => (t.student.birthDate ? formatDate(t.student.birthDate) : '—'),
          },
          direction === 'incoming'
            ? {
                title: m.fromSchool,
                render: (_v, t) => `${t.from.school.name} ${t.from.className ?? ''}`,
              }
            : {
                title: m.toSchool,
                render: (_v, t) => `${t.to.school.name} ${t.to.className ?? ''}`,
              },
          { title: m.schoolYear, dataIndex: 'schoolYear' },
          { title: m.reason, dataIndex: 'reason' },
          { title: m.requestedAt, render: (_v, t) => formatDate(t.requestedAt) },
          {
            title: m.status,
            render: (_v, t) => (
              <Space direction="vertical" size={0}>
                <Tag color={transferStatus(t.status, m)[1]}>{transferStatus(t.status, m)[0]}</Tag>
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
                      {m.accept}
                    </Button>
                    <Button size="small" danger onClick={() => setClosing({ t, action: 'reject' })}>
                      {m.reject}
                    </Button>
                  </Space>
                ) : (
                  <Button size="small" onClick={() => setClosing({ t, action: 'cancel' })}>
                    {m.cancelRequest}
                  </Button>
                )
              ) : null,
          },
        ]}
      />
      <Modal
        open={Boolean(accepting)}
        title={fill(m.acceptTitle, { name: accepting?.student.fullName ?? '' })}
        okText={m.accept}
        cancelText={m.cancel}
        okButtonProps={{ disabled: !classId }}
        onCancel={() => setAccepting(null)}
        onOk={async () => {
          if (
            accepting &&
            (await act(() =>
              registryApi.acceptTransfer(accepting.id, { toClassId: classId ?? '' }),
            ))
          )
            setAccepting(null);
        }}
      >
        {accepting && (
          <p data-testid="accept-year">{fill(m.acceptYear, { year: accepting.schoolYear })}</p>
        )}
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
        title={closing?.action === 'reject' ? m.rejectTitle : m.cancelTitle}
        okText={m.confirm}
        cancelText={m.close}
        okButtonProps={{ disabled: !reason.trim() }}
        onCancel={() => setClosing(null)}
        onOk={async () => {
          if (
            closing &&
            (await act(() =>
              closing.action === 'reject'
                ? registryApi.rejectTransfer(closing.t.id, { reason })
                : registryApi.cancelTransfer(closing.t.id, { reason }),
            ))
          ) {
            setClosing(null);
            setReason('');
          }
        }}
      >
        <Input.TextArea
          aria-label={m.reason}
          placeholder={m.reasonRequired}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
