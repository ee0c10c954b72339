/**
 * Signing with the signer's own certificate (issue #17 item 5): a USB token
 * through the signer's tool, or a remote signing service. The key never
 * reaches the server: (1) the PDF is prepared on the server, which answers
 * the SHA-256 of its byte range; (2) the tool signs that digest and gives a
 * detached CMS (.p7s, DER, PEM or base64); (3) the server embeds it, checks
 * it and stores the signed PDF (docs/office.md "Signing with a USB token").
 * The VGCA plug-in's own browser API is not called: its interface was not at
 * hand, so the page hands the request over as a file and takes the CMS back.
 */
import { Alert, Button, Input, Modal, Space, Steps, Typography, Upload } from 'antd';
import { useState } from 'react';
import type { SignPrepared } from '../../../../src/modules/office/contract.ts';
import { useI18n, useMessages } from '../../shared/i18n.ts';
import { officeApi } from './api.ts';
import { messages } from './messages.ts';
import { useErrorToast, when } from './parts.tsx';

/** A CMS as the tool wrote it (DER bytes, PEM or base64 text), as base64; null when it is none of these. */
export function cmsAsBase64(bytes: Uint8Array): string | null {
  if (bytes[0] === 0x30) {
    // DER: a SEQUENCE. Encoded in slices: String.fromCharCode takes a bounded argument list.
    let binary = '';
    for (let at = 0; at < bytes.length; at += 0x8000)
      binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
    return btoa(binary);
  }
  const text = new TextDecoder()
    .decode(bytes)
    .replace(/-----(BEGIN|END) [A-Z0-9 ]+-----/g, '')
    .replace(/\s+/g, '');
  return /^[A-Za-z0-9+/]+=*$/.test(text) && text.length > 0 ? text : null;
}

export function TokenSigning({ id, onSigned }: { id: string; onSigned: () => void }) {
  const m = useMessages(messages);
  const { lang } = useI18n();
  const toast = useErrorToast();
  const [open, setOpen] = useState(false);
  const [prepared, setPrepared] = useState<SignPrepared | null>(null);
  const [pasted, setPasted] = useState('');
  const [badCms, setBadCms] = useState(false);
  const [busy, setBusy] = useState(false);

  const close = () => {
    setOpen(false);
    setPrepared(null);
    setPasted('');
    setBadCms(false);
  };
  const prepare = async (file: File) => {
    const body = new FormData();
    body.append('file', file);
    setBusy(true);
    try {
      setPrepared(await officeApi.prepareTokenSignature(id, body));
    } catch (error) {
      toast(error);
    } finally {
      setBusy(false);
    }
  };
  const complete = async (cms: string | null) => {
    if (!prepared) return;
    setBadCms(cms === null);
    if (cms === null) return;
    setBusy(true);
    try {
      await officeApi.completeTokenSignature(id, { prepareId: prepared.prepareId, cms });
      close();
      onSigned();
    } catch (error) {
      toast(error);
    } finally {
      setBusy(false);
    }
  };
  const request = prepared
    ? URL.createObjectURL(
        new Blob([JSON.stringify(prepared, null, 2)], { type: 'application/json' }),
      )
    : undefined;

  return (
    <>
      <Button size="small" onClick={() => setOpen(true)}>
        {m.tokenSign}
      </Button>
      <Modal open={open} title={m.tokenSign} footer={null} onCancel={close} destroyOnHidden>
        <Steps
          size="small"
          direction="vertical"
          current={prepared ? 1 : 0}
          items={[{ title: m.tokenStepPrepare }, { title: m.tokenStepSign }]}
        />
        {!prepared ? (
          <Upload
            accept="application/pdf"
            showUploadList={false}
            beforeUpload={(file) => {
              void prepare(file);
              return false;
            }}
          >
            <Button type="primary" loading={busy}>
              {m.tokenChoosePdf}
            </Button>
          </Upload>
        ) : (
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{m.tokenDigest}</Typography.Text>
            <Typography.Text
              code
              copyable
              data-testid="token-digest"
              style={{ wordBreak: 'break-all' }}
            >
              {prepared.digest}
            </Typography.Text>
            <Typography.Text type="secondary">
              {m.tokenExpires} {when(prepared.expiresAt, lang)}
            </Typography.Text>
            <Button size="small" href={request} download={`yeu-cau-ky-${prepared.prepareId}.json`}>
              {m.tokenDownloadRequest}
            </Button>
            <Upload
              accept=".p7s,.p7m,.cms,.pem,.txt,application/pkcs7-signature"
              showUploadList={false}
              beforeUpload={(file) => {
                void file.arrayBuffer().then((b) => complete(cmsAsBase64(new Uint8Array(b))));
                return false;
              }}
            >
              <Button type="primary" loading={busy}>
                {m.tokenUploadCms}
              </Button>
            </Upload>
            <Input.TextArea
              rows={3}
              placeholder={m.tokenPasteCms}
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
            />
            <Button
              disabled={!pasted.trim()}
              loading={busy}
              onClick={() => void complete(cmsAsBase64(new TextEncoder().encode(pasted)))}
            >
              {m.tokenSubmitPasted}
            </Button>
            {badCms && <Alert type="error" showIcon message={m.tokenNotCms} />}
          </Space>
        )}
      </Modal>
    </>
  );
}
