import { createHash } from 'node:crypto';
import { notFound } from '../../core/errors.ts';
import { recordAuditEvent } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import { unitSigner } from './keys.ts';
import { findUnit } from './repo.ts';
import { checkSignablePdf } from './signing.ts';
import { AgencyKeyAdapter, signWithAdapter } from './signing/adapter.ts';

export interface SignedPdf {
  pdf: Buffer;
  sha256: string;
  signedAt: string;
  subject: string;
}

/**
 * Signs a PDF with the unit's certificate (PAdES, docs/formats/office.md),
 * recording who signed what (its SHA-256) in the audit log. The input is
 * checked before any key is touched: a file that is not a PDF changes nothing.
 */
export async function signPdf(
  db: Db,
  caller: Caller,
  input: {
    unitId?: string;
    pdf: Buffer;
    passphrase: string;
    reason?: string;
    /** The time the PDF itself shows as signed (whole seconds, as the dictionary's /M keeps). */
    signingTime?: Date;
  },
): Promise<SignedPdf> {
  const unitId = requireOfficeUnit(caller, 'office.sign', input.unitId);
  checkSignablePdf(input.pdf);
  const unit = await findUnit(db, unitId);
  if (!unit) throw notFound('đơn vị');
  const actor = actorOf(caller);
  const signer = await unitSigner(db, actor, unitId, input.passphrase);
  const signingTime = input.signingTime ?? new Date();
  const pdf = await signWithAdapter(input.pdf, new AgencyKeyAdapter(signer), {
    name: unit.name,
    reason: input.reason ?? 'Ký số văn bản',
    location: 'Việt Nam',
    signingTime,
  });
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await recordAuditEvent(db, actor, {
    action: 'office_sign',
    entityType: 'office_file',
    entityId: sha256,
    unitId,
    after: {
      input: createHash('sha256').update(input.pdf).digest('hex'),
      output: sha256,
      certificate: signer.subject,
    },
  });
  return { pdf, sha256, signedAt: signingTime.toISOString(), subject: signer.subject };
}
