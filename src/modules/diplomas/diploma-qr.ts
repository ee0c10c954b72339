import QRCode from 'qrcode';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireDiploma } from './access.ts';
import { readDetail } from './detail.ts';

/** An entry's offline-verification QR code as a PNG image. */
export async function diplomaQrPng(db: Db, scope: Scope, input: { id: string }): Promise<Buffer> {
  const d = await readDetail(db, await requireDiploma(db, scope, input.id, 'registry.read'));
  return QRCode.toBuffer(d.qr, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}
