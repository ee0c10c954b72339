import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Input, Modal, Space, Table, Tag } from 'antd';
import { useState } from 'react';
import type { TransferView as Transfer } from '../../../../src/modules/registry/contract.ts';
import { problemText } from '../../shared/api.ts';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { registryApi } from './api.ts';
import { ClassSelect } from './ClassSelect.tsx';
import { TRANSFER_STATUS } from './transferStatus.ts';

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
      void message.success('Đã lưu.');
      await refresh();
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
            title: 'Học sinh',
            render: (_v, t) => (
              <Button type="link" size="small" onClick={() => onHistory(t.student.id)}>
                {t.student.fullName}
              </Button>
            ),
          },
          {
            title: 'Ngày sinh',
            render: (_v, t) => (t.student.birthDate ? formatDate(t.student.birthDate) : '—'),
          },
          direction === 'incoming'
            ? {
                title: 'Từ trường',
                render: (_v, t) => `${t.from.school.name} ${t.from.className ?? ''}`,
              }
            : {
                title: 'Đến trường',
                render: (_v, t) => `${t.to.school.name} ${t.to.className ?? ''}`,
              },
          { title: 'Năm học', dataIndex: 'schoolYear' },
          { title: 'Lý do', dataIndex: 'reason' },
          { title: 'Ngày đề nghị', render: (_v, t) => formatDate(t.requestedAt) },
          {
            title: 'Trạng thái',
            render: (_v, t) => (
              <Space direction="vertical" size={0}>
                <Tag color={TRANSFER_STATUS[t.status][1]}>{TRANSFER_STATUS[t.status][0]}</Tag>
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
                      Tiếp nhận
                    </Button>
                    <Button size="small" danger onClick={() => setClosing({ t, action: 'reject' })}>
                      Từ chối
                    </Button>
                  </Space>
                ) : (
                  <Button size="small" onClick={() => setClosing({ t, action: 'cancel' })}>
                    Huỷ đề nghị
                  </Button>
                )
              ) : null,
          },
        ]}
      />
      <Modal
        open={Boolean(accepting)}
        title={`Tiếp nhận ${accepting?.student.fullName ?? ''}`}
        okText="Tiếp nhận"
        cancelText="Huỷ"
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
          <p data-testid="accept-year">
            Xếp vào lớp năm học {accepting.schoolYear} (năm học học sinh đang học ở trường cũ).
          </p>
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
        title={closing?.action === 'reject' ? 'Từ chối tiếp nhận' : 'Huỷ đề nghị chuyển trường'}
        okText="Xác nhận"
        cancelText="Đóng"
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
          aria-label="Lý do"
          placeholder="Lý do (bắt buộc)"
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </Modal>
    </>
  );
}
