// A document's files: each with its size and checksum, a download link, and an upload button.
import { App as AntApp, Button, List, Typography, Upload } from 'antd';
import type { AttachmentRow, FileSignatureCheck } from '../../../../src/modules/office/contract.ts';
import { requestHeaders } from '../../shared/api.ts';
import { useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { SignatureChecks } from './SignatureChecks.tsx';

const size = (bytes: number) =>
  bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toLocaleString('vi-VN', { maximumFractionDigits: 1 })} MB`
    : `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('vi-VN')} KB`;

export function Attachments({
  kind,
  id,
  items,
  canAdd,
  onAdded,
  signatureChecks = [],
}: {
  kind: 'incoming' | 'outgoing' | 'draft';
  id: string;
  items: AttachmentRow[];
  canAdd: boolean;
  onAdded: () => void;
  /** The signature checks of these files (incoming documents), shown under each. */
  signatureChecks?: FileSignatureCheck[];
}) {
  const m = useMessages(messages);
  const { message } = AntApp.useApp();
  const checks = new Map(signatureChecks.map((c) => [c.attachmentId, c]));
  return (
    <div style={{ marginTop: 16 }}>
      <Typography.Title level={5}>{m.files}</Typography.Title>
      {items.length > 0 && (
        <List
          size="small"
          dataSource={items}
          renderItem={(a) => (
            <List.Item>
              <div>
                <a href={officeApi.fileUrl(a.id)}>{a.fileName}</a>
                <Typography.Text type="secondary" style={{ marginLeft: 8, wordBreak: 'break-all' }}>
                  {size(a.size)} · SHA-256 {a.sha256.slice(0, 12)}…
                </Typography.Text>
                {checks.get(a.id) && <SignatureChecks check={checks.get(a.id)!} />}
              </div>
            </List.Item>
          )}
        />
      )}
      {canAdd && (
        <Upload
          name="file"
          action={officeApi.filesUrl(kind, id)}
          headers={requestHeaders()}
          withCredentials
          showUploadList={false}
          accept=".pdf,.docx,.png,.jpg,.jpeg"
          onChange={({ file }) => {
            if (file.status === 'done') onAdded();
            if (file.status === 'error') {
              const detail = (file.response as { detail?: string } | undefined)?.detail;
              void message.error(detail ?? String(file.error));
            }
          }}
        >
          <Button size="small">{m.addFile}</Button>
        </Upload>
      )}
    </div>
  );
}
