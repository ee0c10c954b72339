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
import { DIPLOMA_TYPE_LABELS } from '../../../../src/modules/diplomas/labels.ts';
import { formatDate } from '../../shared/i18n.ts';
import { diplomaFiles, type PublicKeys, type StatusListCredential } from './api.ts';

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

type Outcome = QrVerification & { revoked: boolean | null; ms: number };

function Camera({ onCode }: { onCode: (text: string) => void }) {
  const video = useRef<HTMLVideoElement>(null);
  const [error, setError] = useState<string | null>(null);
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
      .catch(() =>
        setError('Không mở được máy ảnh: hãy cho phép trình duyệt dùng máy ảnh, hoặc tải ảnh lên.'),
      );
    return () => {
      window.clearInterval(timer);
      stream?.getTracks().forEach((t) => t.stop());
    };
  }, [onCode]);
  return error ? (
    <Alert type="warning" message={error} />
  ) : (
    <video ref={video} style={{ width: '100%', maxWidth: 420 }} muted playsInline />
  );
}

export default function VerifyPage() {
  const [text, setText] = useState('');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [keysCount, setKeysCount] = useState(() => cachedKeys().length);
  const [unreadable, setUnreadable] = useState<string | null>(null);
  useEffect(() => {
    void refreshKeys().then(() => setKeysCount(cachedKeys().length));
  }, []);
  const verify = async (payload: string) => {
    setUnreadable(null);
    const started = performance.now();
    // Whatever the browser throws (its errors are in English, "Failed to fetch"),
    // the person checking is told in Vietnamese that the code cannot be trusted.
    const result = await verifyDiplomaQr(payload, cachedKeys()).catch((): QrVerification => ({
      status: 'unreadable',
      message: 'Không kiểm tra được mã QR này trên trình duyệt; hãy thử lại hoặc dùng ảnh mã QR.',
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
      ? { color: 'red', label: 'ĐÃ BỊ THU HỒI', type: 'error' as const }
      : {
          valid: { color: 'green', label: 'HỢP LỆ', type: 'success' as const },
          tampered: { color: 'red', label: 'BỊ SỬA ĐỔI / GIẢ MẠO', type: 'error' as const },
          unknown_issuer: {
            color: 'orange',
            label: 'KHÔNG RÕ ĐƠN VỊ CẤP',
            type: 'warning' as const,
          },
          unreadable: { color: 'default', label: 'KHÔNG ĐỌC ĐƯỢC', type: 'warning' as const },
        }[outcome.status]
    : null;
  return (
    <div style={{ maxWidth: 720, margin: '0 auto', padding: 16 }}>
      <Card title="Xác minh văn bằng bằng mã QR">
        <Typography.Paragraph type="secondary">
          Chữ ký của Sở được kiểm tra ngay trên máy của bạn, kể cả khi không có mạng ({keysCount}{' '}
          khoá của Sở đã lưu). Tình trạng thu hồi được kiểm tra khi có mạng.
        </Typography.Paragraph>
        <Tabs
          items={[
            {
              key: 'text',
              label: 'Dán nội dung mã',
              children: (
                <Space direction="vertical" style={{ width: '100%' }}>
                  <Input.TextArea
                    rows={4}
                    value={text}
                    onChange={(e) => setText(e.target.value)}
                    placeholder="VN1:…"
                    aria-label="Nội dung mã QR"
                  />
                  <Button type="primary" onClick={() => void verify(text)} disabled={!text.trim()}>
                    Xác minh
                  </Button>
                </Space>
              ),
            },
            {
              key: 'image',
              label: 'Tải ảnh mã QR',
              children: (
                <Upload
                  accept="image/*"
                  showUploadList={false}
                  beforeUpload={(file) => {
                    void decodeFile(file).then((code) =>
                      code ? verify(code) : setUnreadable('Không tìm thấy mã QR trong ảnh.'),
                    );
                    return false;
                  }}
                >
                  <Button>Chọn ảnh</Button>
                </Upload>
              ),
            },
            {
              key: 'camera',
              label: 'Máy ảnh',
              children: <Camera onCode={(code) => void verify(code)} />,
            },
          ]}
        />
        {unreadable && <Alert type="warning" message={unreadable} style={{ marginTop: 16 }} />}
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
                    ? 'Văn bằng đã bị thu hồi theo quyết định của Sở.'
                    : outcome.message}
                </div>
                {outcome.status === 'valid' && outcome.revoked === null && (
                  <div>Chưa kiểm tra được tình trạng thu hồi (không có mạng).</div>
                )}
                {outcome.fields && (
                  <Descriptions column={1} size="small" style={{ marginTop: 8 }}>
                    <Descriptions.Item label="Họ và tên">
                      {outcome.fields.fullName}
                    </Descriptions.Item>
                    <Descriptions.Item label="Ngày sinh">
                      {formatDate(outcome.fields.birthDate)}
                    </Descriptions.Item>
                    <Descriptions.Item label="Văn bằng">
                      {DIPLOMA_TYPE_LABELS[outcome.fields.diplomaType]}
                    </Descriptions.Item>
                    <Descriptions.Item label="Trường">{outcome.fields.school}</Descriptions.Item>
                    <Descriptions.Item label="Năm tốt nghiệp">
                      {outcome.fields.graduationYear}
                    </Descriptions.Item>
                    <Descriptions.Item label="Số hiệu">{outcome.fields.serial}</Descriptions.Item>
                    <Descriptions.Item label="Số vào sổ gốc">
                      {outcome.fields.registerNumber}
                    </Descriptions.Item>
                  </Descriptions>
                )}
                <Typography.Text type="secondary">
                  Thời gian kiểm tra chữ ký: {outcome.ms.toFixed(1)} ms
                </Typography.Text>
              </>
            }
          />
        )}
      </Card>
    </div>
  );
}
