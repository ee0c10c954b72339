import { Button, Descriptions, Drawer, Space, Timeline } from 'antd';
import type { DiplomaDetail } from '../../../../src/modules/diplomas/contract.ts';
import { fill, formatDate, useI18n, useMessages } from '../../shared/i18n.ts';
import { diplomaFiles } from './api.ts';
import { DIPLOMA_EVENT_NAMES, diplomaMessages } from './messages.ts';
import { StatusTag } from './statusTags.tsx';

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
  const { lang } = useI18n();
  const t = useMessages(diplomaMessages);
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
            <Descriptions.Item label={t.status}>
              <StatusTag status={d.status} />
            </Descriptions.Item>
            <Descriptions.Item label={t.serial}>{d.serialNumber}</Descriptions.Item>
            <Descriptions.Item label={t.registerEntry}>{d.registerNumber}</Descriptions.Item>
            <Descriptions.Item label={t.birthDate}>{formatDate(d.birthDate)}</Descriptions.Item>
            <Descriptions.Item label={t.birthPlace}>{d.birthPlace}</Descriptions.Item>
            <Descriptions.Item label={t.ethnicity}>{d.ethnicity}</Descriptions.Item>
            <Descriptions.Item label={t.school}>{d.schoolName}</Descriptions.Item>
            <Descriptions.Item label={t.recognitionDecision}>
              {fill(t.decisionOn, { number: d.decisionNumber, date: formatDate(d.decisionDate) })}
            </Descriptions.Item>
            <Descriptions.Item label={t.issueDate}>{formatDate(d.issueDate)}</Descriptions.Item>
            <Descriptions.Item label={t.signerName}>{d.signerName}</Descriptions.Item>
          </Descriptions>
          <img src={diplomaFiles.qr(d.id)} alt={t.qrAlt} style={{ width: 180 }} />
          <Space wrap>
            <Button href={diplomaFiles.credential(d.id)}>{t.downloadCredential}</Button>
            {canWrite && d.status !== 'revoked' && (
              <>
                <Button onClick={() => onAction('correct')}>{t.correctByDecision}</Button>
                <Button onClick={() => onAction('copy')}>{t.issueCopy}</Button>
                <Button danger onClick={() => onAction('revoke')}>
                  {t.revoke}
                </Button>
              </>
            )}
          </Space>
          <Timeline
            items={d.history.map((h) => ({
              children: (
                <>
                  {[
                    DIPLOMA_EVENT_NAMES[lang][h.kind],
                    formatDate(h.at, true),
                    h.decisionNumber && fill(t.historyDecision, { number: h.decisionNumber }),
                    h.after?.copyNumber &&
                      fill(t.historyCopyNumber, { number: h.after.copyNumber }),
                    h.reason,
                  ]
                    .filter(Boolean)
                    .join(' — ')}
                  {h.kind === 'copy' && h.after?.copyNumber && (
                    <>
                      {' '}
                      <a href={diplomaFiles.copy(d.id, h.id)}>{t.printCopy}</a>
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
