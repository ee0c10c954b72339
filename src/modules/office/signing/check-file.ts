import type { FileStore } from '../../../core/files/store.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { iso } from '../present.ts';
import {
  pdfSignatureReport,
  type FileSignatureCheck,
  type PdfSignatureReport,
} from '../contract.ts';
import { insertSignatureCheck, signatureChecksOf, trustedRootPems } from './repo.ts';
import { verifyPdfSignatures } from './verify-signature.ts';

/** The bytes of a stored file (PDFs are at most 50 MB: MAX_DOCUMENT_BYTES). */
async function readStored(store: FileStore, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of await store.open(sha256)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Verifies the signatures of a stored PDF against the department's trusted
 * roots (its CA and the roots it configured). No network: revocation is not
 * checked (docs/office.md).
 */
export async function verifyStoredPdf(
  db: Db,
  store: FileStore,
  sha256: string,
): Promise<PdfSignatureReport> {
  return verifyPdfSignatures(await readStored(store, sha256), await trustedRootPems(db));
}

/** The stored checks of these documents' files, as the contract answers them. */
export async function signatureChecksOfDocuments(
  db: Db,
  documentIds: readonly string[],
): Promise<FileSignatureCheck[]> {
  const rows = await signatureChecksOf(db, documentIds);
  return rows.map((r) => ({
    ...pdfSignatureReport.parse(r.report),
    checkedAt: iso(r.checked_at)!,
    attachmentId: r.attachment_id,
  }));
}

/** Keeps a file's check with its document (in the transaction that adds the file). */
export async function recordSignatureCheck(
  db: Db,
  file: { attachmentId: string; unitId: string; documentId: string },
  report: PdfSignatureReport,
): Promise<void> {
  await insertSignatureCheck(db, {
    id: uuidv7(),
    attachment_id: file.attachmentId,
    unit_id: file.unitId,
    document_id: file.documentId,
    status: report.status,
    signature_count: report.signatures.length,
    report: JSON.stringify(report),
    checked_at: new Date(report.checkedAt),
  });
}
