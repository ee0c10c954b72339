import { Button, Descriptions, Drawer, Space, Timeline } from 'antd';
import type { DiplomaDetail } from '../../../../src/modules/diplomas/contract.ts';
import { DIPLOMA_EVENT_LABELS } from '../../../../src/modules/diplomas/labels.ts';
import { formatDate } from '../../shared/i18n.ts';
import { diplomaFiles } from './api.ts';
import { STATUS } from './statusTags.tsx';

/** One register entry: its fields, QR, credential, history, and the changes a writer may make. */
export function DiplomaDrawer({
  diploma: d,
  open,
  canWrite,
  onClose,
  onAction,
}: {
  diploma: DiplomaDetail | undefined;
  open: boolean;
  canWrite: boolean;
  onClose: () => void;
  onAction: (action: 'correct' | 'copy' | 'revoke') => void;
}) {
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={d?.fullName}
      width={Math.min(560, window.innerWidth)}
    >
      {d && (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label="Tình trạng">{STATUS[d.status]}</Descriptions.Item>
            <Descriptions.Item label="Số hiệu">{d.serialNumber}</Descriptions.Item>
            <Descriptions.Item label="Số vào sổ gốc">{d.registerNumber}</Descriptions.Item>
            <Descriptions.Item label="Ngày sinh">{formatDate(d.birthDate)}</Descriptions.Item>
            <Descriptions.Item label="Nơi sinh">{d.birthPlace}</Descriptions.Item>
            <Descriptions.Item label="Dân tộc">{d.ethnicity}</Descriptions.Item>
            <Descriptions.Item label="Trường">{d.schoolName}</Descriptions.Item>
            <Descriptions.Item label="Quyết định công nhận">{`${d.decisionNumber} ngày ${formatDate(d.decisionDate)}`}</Descriptions.Item>
            <Descriptions.Item label="Ngày cấp">{formatDate(d.issueDate)}</Descriptions.Item>
            <Descriptions.Item label="Người ký">{d.signerName}</Descriptions.Item>
          </Descriptions>
          <img src={diplomaFiles.qr(d.id)} alt="Mã QR xác minh" style={{ width: 180 }} />
          <Space wrap>
            <Button href={diplomaFiles.credential(d.id)}>Tải chứng chỉ số (.json)</Button>
            {canWrite && d.status !== 'revoked' && (
              <>
                <Button onClick={() => onAction('correct')}>Chỉnh sửa theo quyết định</Button>
                <Button onClick={() => onAction('copy')}>Cấp bản sao</Button>
                <Button danger onClick={() => onAction('revoke')}>
                  Thu hồi
                </Button>
              </>
            )}
          </Space>
          <Timeline
            items={d.history.map((h) => ({
              children: (
                <>
                  {`${DIPLOMA_EVENT_LABELS[h.kind]} — ${formatDate(h.at, true)}${h.decisionNumber ? ` — QĐ ${h.decisionNumber}` : ''}${h.after?.copyNumber ? ` — số ${h.after.copyNumber}` : ''}${h.reason ? ` — ${h.reason}` : ''}`}
                  {h.kind === 'copy' && h.after?.copyNumber && (
                    <>
                      {' '}
                      <a href={diplomaFiles.copy(d.id, h.id)}>In bản sao</a>
                    </>
                  )}
                </>
              ),
            }))}
          />
        </Space>
      )}
    </Drawer>
  );
}
