import {
  Alert,
  Button,
  Card,
  Descriptions,
  Input,
  Space,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import jsQR from 'jsqr';
import { useEffect, useRef, useState } from 'react';
import { publicKeyFromMultibase } from '../../../../src/lib/credentials/multibase.ts';
import {
  verifyDiplomaQr,
  type IssuerKey,
  type QrVerification,
} from '../../../../src/modules/diplomas/credentials/qr.ts';
import { fill, formatDate, useI18n, useMessages, type Lang } from '../../shared/i18n.ts';
import { diplomaFiles, type PublicKeys, type StatusListCredential } from './api.ts';
import { DIPLOMA_TYPE_NAMES, diplomaMessages, QR_OUTCOME_EN } from './messages.ts';

/**
 * Offline diploma verification: the department's public keys are cached in
 * the browser when online; the signature is checked here with WebCrypto, so
 * a QR verifies with the network off. Revocation needs the network.
 */

const KEYS_CACHE = 'sogd.issuerKeys';
/** What the page keeps of each public key (diplomaFiles.publicKeys). */
type CachedKey = Pick<PublicKeys[number], 'kid' | 'publicKeyMultibase'>;

function cachedKeys(): IssuerKey[] {
  try {
    const keys = JSON.parse(localStorage.getItem(KEYS_CACHE) ?? '[]') as CachedKey[];
    return keys.map((k) => ({
      kid: Uint8Array.from(k.kid.match(/../g)!.map((h) => parseInt(h, 16))),
      publicKey: publicKeyFromMultibase(k.publicKeyMultibase),
    }));
  } catch {
    return [];
  }
}

async function refreshKeys(): Promise<boolean> {
  try {
    const response = await fetch(diplomaFiles.publicKeys());
    if (!response.ok) return false;
    localStorage.setItem(KEYS_CACHE, JSON.stringify((await response.json()) as CachedKey[]));
    return true;
  } catch {
    return false;
  }
}

/** Revocation bit from the issuer's status list; null when offline. */
async function revoked(issuer: string, index: number): Promise<boolean | null> {
  try {
    const response = await fetch(diplomaFiles.statusList(issuer));
    if (!response.ok) return null;
    const list = (await response.json()) as StatusListCredential;
    const b64 = list.credentialSubject.encodedList.slice(1).replace(/-/g, '+').replace(/_/g, '/');
    const gz = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const stream = new Blob([gz]).stream().pipeThrough(new DecompressionStream('gzip'));
    const bits = new Uint8Array(await new Response(stream).arrayBuffer());
    return (bits[index >> 3]! & (0x80 >> (index & 7))) !== 0;
  } catch {
    return null;
  }
}

function decodeImageData(data: ImageData): string | null {
  return jsQR(data.data, data.width, data.height)?.data ?? null;
}

async function decodeFile(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const context = canvas.getContext('2d')!;
  context.drawImage(bitmap, 0, 0);
  return decodeImageData(context.getImageData(0, 0, canvas.width, canvas.height));
}

/** Milliseconds with one decimal, as the page's language writes them (2,4 / 2.4). */
const msText = (ms: number, lang: Lang) =>
  ms.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  });

type Outcome = QrVerification & { revoked: boolean | null; ms: number };

function Camera({ onCode }: { onCode: (text: string) => void }) {
  const t = useMessages(diplomaMessages);
  const video = useRef<HTMLVideoElement>(null);
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    let stream: MediaStream | null = null;
    let timer = 0;
    const canvas = document.createElement('canvas');
    navigator.mediaDevices
      ?.getUserMedia({ video: { facingMode: 'environment' } })
      .then((s) => {
        stream = s;
        if (!video.current) return;
        video.current.srcObject = s;
        void video.current.play();
        timer = window.setInterval(() => {
          const v = video.current;
          if (!v || v.videoWidth === 0) return;
          canvas.width = v.videoWidth;
          canvas.height = v.videoHeight;
          const ctx = canvas.getContext('2d')!;
          ctx.drawImage(v, 0, 0);
          const text = decodeImageData(ctx.getImageData(0, 0, canvas.width, canvas.height));
          if (text) onCode(text);
        }, 300);
      })
      .catch(() => setBlocked(true));
    return () => {
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);
  return blocked ? (
    <Alert type="warning" message={t.cameraBlocked} />
  ) : (
    <video ref={video} style={{ width: '100%', maxWidth: 420 }} muted playsInline />
  );
}

export default function VerifyPage() {
  const { t: common, lang, setLang } = useI18n();
  const t = useMessages(diplomaMessages);
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [keysCount, setKeysCount] = useState(() => cachedKeys().length);
  const [noQrInImage, setNoQrInImage] = useState(false);
  useEffect(() => {
    void refreshKeys().then(() => setKeysCount(cachedKeys().length));
  }, []);
  const verify = async (payload: string) => {
    setNoQrInImage(false);
    const started = performance.now();
    // Whatever the browser throws (its errors are in English, "Failed to fetch"),
    // the person checking is told that the code cannot be trusted: in the
    // verifier's own words, Vietnamese (an English page says QR_OUTCOME_EN).
    const result = await verifyDiplomaQr(payload, cachedKeys()).catch((): QrVerification => ({
      status: 'unreadable',
      message: diplomaMessages.vi.browserCannotCheck,
    }));
    const ms = performance.now() - started;
    setOutcome({ ...result, ms, revoked: null });
    if (result.status === 'valid' && result.fields) {
      const r = await revoked(result.fields.issuer, result.fields.statusIndex);
      setOutcome({ ...result, ms, revoked: r });
    }
  };
  const status = outcome
    ? outcome.status === 'valid' && outcome.revoked
      ? { color: 'red', label: t.verdictRevoked, type: 'error' as const }
      : {
          valid: { color: 'green', label: t.verdictValid, type: 'success' as const },
          tampered: { color: 'red', label: t.verdictTampered, type: 'error' as const },
          unknown_issuer: {
            color: 'orange',
            label: t.verdictUnknownIssuer,
            type: 'warning' as const,
          },
          unreadable: { color: 'default', label: t.verdictUnreadable, type: 'warning' as const },
        }[outcome.status]
    : null;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
      <Card
        title={t.verifyTitle}
        extra={
          <Button size="small" onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}>
            {common.language}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">
          {fill(t.verifyIntro, { keys: keysCount }, lang)}
        </Typography.Paragraph>
        <Tabs
          items={[
            {
              key: 'text',
              label: t.pasteCode,
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    rows={4}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    placeholder="VN1:…"
                    aria-label={t.qrContent}
                  />
                  <Button type="primary" onClick={() => void verify(text)} disabled={!text.trim()}>
                    {t.verify}
                  </Button>
                </Space>
              ),
            },
            {
              key: 'image',
              label: t.uploadImage,
              children: (
                <Upload
                  accept="image/*"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void decodeFile(file).then((code) =>
                      code ? verify(code) : setNoQrInImage(true),
                    );
                    return false;
                  }}
                >
                  <Button>{t.chooseImage}</Button>
                </Upload>
              ),
            },
            {
              key: 'camera',
              label: t.camera,
              children: <Camera onCode={(code) => void verify(code)} />,
            },
          ]}
        />
        {noQrInImage && <Alert type="warning" message={t.noQrInImage} style={{ marginTop: 16 }} />}
        {outcome && status && (
          <Alert
            style={{ marginTop: 16 }}
            type={status.type}
            showIcon
            data-testid="verify-result"
            message={
              <Tag color={status.color} style={{ fontSize: 16, padding: 4 }}>
                {status.label}
              </Tag>
            }
            description={
              <>
                <div>
                  {outcome.status === 'valid' && outcome.revoked
                    ? t.revokedByDecision
                    : lang === 'vi'
                      ? outcome.message
                      : QR_OUTCOME_EN[outcome.status]}
                </div>
                {outcome.status === 'valid' && outcome.revoked === null && (
                  <div>{t.revocationUnchecked}</div>
                )}
                {outcome.fields && (
                  <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                    <Descriptions.Item label={t.fullName}>
                      {outcome.fields.fullName}
                    </Descriptions.Item>
                    <Descriptions.Item label={t.birthDate}>
                      {formatDate(outcome.fields.birthDate)}
                    </Descriptions.Item>
                    <Descriptions.Item label={t.diploma}>
                      {DIPLOMA_TYPE_NAMES[lang][outcome.fields.diplomaType]}
                    </Descriptions.Item>
                    <Descriptions.Item label={t.school}>{outcome.fields.school}</Descriptions.Item>
                    <Descriptions.Item label={t.graduationYear}>
                      {outcome.fields.graduationYear}
                    </Descriptions.Item>
                    <Descriptions.Item label={t.serial}>{outcome.fields.serial}</Descriptions.Item>
                    <Descriptions.Item label={t.registerEntry}>
                      {outcome.fields.registerNumber}
                    </Descriptions.Item>
                  </Descriptions>
                )}
                <Typography.Text type="secondary">
                  {fill(t.signatureTime, { ms: msText(outcome.ms, lang) })}
                </Typography.Text>
              </>
            }
          />
        )}
      </Card>
    </div>
  );
}
