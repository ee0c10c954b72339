import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Space, Table } from 'antd';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate, useMessages } from '../../shared/i18n.ts';
import { registryApi } from './api.ts';
import { registryMessages } from './messages.ts';
import { transferMessages } from './transferMessages.ts';
import { transferStatus } from './transferStatus.ts';

/** A student's schooling: enrolments, transfers and status changes. */
export function HistoryDrawer({
  studentId,
  onClose,
}: {
  studentId: string | null;
  onClose: () => void;
}) {
  const m = useMessages(transferMessages);
  const r = useMessages(registryMessages);
  const statusLabel = (s: string | null) =>
    s === 'studying' || s === 'transferred' || s === 'dropped_out' || s === 'graduated'
      ? r[s]
      : (s ?? '');
  const history = useQuery({
    queryKey: ['student-history', studentId],
    queryFn: () => registryApi.studentHistory(studentId ?? ''),
    enabled: Boolean(studentId),
  });
  const h = history.data;
  return (
    <Drawer open={Boolean(studentId)} onClose={onClose} width={640} title={m.history}>
      {history.error && <ErrorResult error={history.error} />}
      {h && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={m.fullName}>{h.student.fullName}</Descriptions.Item>
            <Descriptions.Item label={m.birthDate}>
              {formatDate(h.student.birthDate)}
            </Descriptions.Item>
            <Descriptions.Item label={m.currentSchool}>{h.student.school.name}</Descriptions.Item>
            <Descriptions.Item label={m.status}>
              {statusLabel(h.student.status)}
              {h.student.statusReason ? ` — ${h.student.statusReason}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="schoolYear"
            pagination={false}
            dataSource={h.enrolments}
            columns={[
              { title: m.schoolYear, dataIndex: 'schoolYear' },
              { title: m.school, render: (_v, e) => e.school.name },
              { title: m.className, dataIndex: 'className' },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={h.transfers}
            columns={[
              { title: m.date, render: (_v, t) => formatDate(t.requestedAt) },
              {
                title: m.from,
                render: (_v, t) => `${t.from.school.name} ${t.from.className ?? ''}`,
              },
              { title: m.to, render: (_v, t) => `${t.to.school.name} ${t.to.className ?? ''}` },
              { title: m.status, render: (_v, t) => transferStatus(t.status, m)[0] },
            ]}
          />
          <Table
            size="small"
            rowKey="at"
            pagination={false}
            dataSource={h.statusChanges}
            columns={[
              { title: m.at, render: (_v, c) => formatDate(c.at, true) },
              {
                title: m.statusChange,
                render: (_v, c) => `${statusLabel(c.from)} → ${statusLabel(c.to)}`,
              },
              { title: m.reason, dataIndex: 'reason' },
              { title: m.actor, dataIndex: 'actorName' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
