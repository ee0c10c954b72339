import { useQuery } from '@tanstack/react-query';
import { Descriptions, Drawer, Space, Table } from 'antd';
import { ErrorResult } from '../../shared/ErrorResult.tsx';
import { formatDate } from '../../shared/i18n.ts';
import { registryApi } from './api.ts';
import { STUDENT_STATUS, TRANSFER_STATUS } from './transferStatus.ts';

/** A student's schooling: enrolments, transfers and status changes. */
export function HistoryDrawer({
  studentId,
  onClose,
}: {
  studentId: string | null;
  onClose: () => void;
}) {
  const history = useQuery({
    queryKey: ['student-history', studentId],
    queryFn: () => registryApi.studentHistory(studentId ?? ''),
    enabled: Boolean(studentId),
  });
  const h = history.data;
  return (
    <Drawer open={Boolean(studentId)} onClose={onClose} width={640} title="Quá trình học">
      {history.error && <ErrorResult error={history.error} />}
      {h && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label="Họ và tên">{h.student.fullName}</Descriptions.Item>
            <Descriptions.Item label="Ngày sinh">
              {formatDate(h.student.birthDate)}
            </Descriptions.Item>
            <Descriptions.Item label="Trường hiện tại">{h.student.school.name}</Descriptions.Item>
            <Descriptions.Item label="Trạng thái">
              {STUDENT_STATUS[h.student.status] ?? h.student.status}
              {h.student.statusReason ? ` — ${h.student.statusReason}` : ''}
            </Descriptions.Item>
          </Descriptions>
          <Table
            size="small"
            rowKey="schoolYear"
            pagination={false}
            dataSource={h.enrolments}
            columns={[
              { title: 'Năm học', dataIndex: 'schoolYear' },
              { title: 'Trường', render: (_v, e) => e.school.name },
              { title: 'Lớp', dataIndex: 'className' },
            ]}
          />
          <Table
            size="small"
            rowKey="id"
            pagination={false}
            dataSource={h.transfers}
            columns={[
              { title: 'Ngày', render: (_v, t) => formatDate(t.requestedAt) },
              { title: 'Từ', render: (_v, t) => `${t.from.school.name} ${t.from.className ?? ''}` },
              { title: 'Đến', render: (_v, t) => `${t.to.school.name} ${t.to.className ?? ''}` },
              { title: 'Trạng thái', render: (_v, t) => TRANSFER_STATUS[t.status][0] },
            ]}
          />
          <Table
            size="small"
            rowKey="at"
            pagination={false}
            dataSource={h.statusChanges}
            columns={[
              { title: 'Lúc', render: (_v, c) => formatDate(c.at, true) },
              {
                title: 'Đổi trạng thái',
                render: (_v, c) =>
                  `${STUDENT_STATUS[c.from ?? ''] ?? c.from} → ${STUDENT_STATUS[c.to ?? ''] ?? c.to}`,
              },
              { title: 'Lý do', dataIndex: 'reason' },
              { title: 'Người thực hiện', dataIndex: 'actorName' },
            ]}
          />
        </Space>
      )}
    </Drawer>
  );
}
