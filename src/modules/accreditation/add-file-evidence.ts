import type { Scope } from '../../core/access/scope.ts';
import type { ReceivedUpload } from '../../core/files/upload.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { EvidenceItem } from './contract.ts';
import { checkEvidenceFields, recordEvidence } from './evidence-record.ts';
import { getCycle } from './get-cycle.ts';
import { bumpCycle, lockCycle } from './repo.ts';

/** Evidence files are at most 50 MB each (issue #18, scale). */
export const MAX_EVIDENCE_BYTES = 50 * 1024 * 1024;

/**
 * An evidence file: the caller's access is checked before the upload is
 * received (`receive` streams it into the file store by SHA-256: stored once
 * however many criteria cite it), then its fields (sent before the file in the
 * multipart form) are checked and its code taken.
 */
export async function addFileEvidence(
  db: Db,
  scope: Scope,
  input: { cycleId: string; receive: () => Promise<ReceivedUpload> },
): Promise<EvidenceItem> {
  const { cycle, campaign, set } = await requireCycle(
    db,
    scope,
    input.cycleId,
    'accreditation.assess',
  );
  requireEditable(cycle.status);
  const upload = await input.receive();
  const f = upload.fields;
  const fields = checkEvidenceFields(set, {
    title: f.title ?? upload.fileName,
    criterionCode: f.criterionCode ?? '',
    box: f.box ? Number(f.box) : undefined,
    issuer: f.issuer ?? null,
    issuedOn: f.issuedOn ?? null,
  });
  const { id } = await writeTransaction(db, scope.actor, async (tx) => {
    const locked = await lockCycle(tx, input.cycleId);
    requireEditable(locked!.status);
    const recorded = await recordEvidence(tx, scope, campaign, input.cycleId, fields, {
      kind: 'file',
      sha256: upload.sha256,
      size: upload.size,
      fileName: upload.fileName,
      mediaType: upload.sniffedType ?? 'application/octet-stream',
    });
    await bumpCycle(tx, input.cycleId);
    return recorded;
  });
  return (await getCycle(db, scope, input.cycleId)).evidence.find((e) => e.id === id)!;
}
