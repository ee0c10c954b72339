import type { Scope } from '../../core/access/scope.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { requireCycle, requireEditable } from './access.ts';
import type { EvidenceItem, LinkEvidenceBody } from './contract.ts';
import { getCycle } from './get-cycle.ts';
import { checkEvidenceFields, recordEvidence } from './evidence-record.ts';
import { bumpCycle, lockCycle } from './repo.ts';

/** Evidence kept elsewhere (a published page, a shared folder): a link with a code. */
export async function addLinkEvidence(
  db: Db,
  scope: Scope,
  input: { cycleId: string; evidence: LinkEvidenceBody },
): Promise<EvidenceItem> {
  const { campaign, set } = await requireCycle(db, scope, input.cycleId, 'accreditation.assess');
  const url = input.evidence.url.trim();
  const fields = checkEvidenceFields(
    set,
    input.evidence,
    /^https?:\/\/\S+$/i.test(url)
      ? []
      : [{ path: 'url', message: 'Đường dẫn phải bắt đầu bằng http:// hoặc https://.' }],
  );
  const { id } = await writeTransaction(db, scope.actor, async (tx) => {
    const cycle = await lockCycle(tx, input.cycleId);
    requireEditable(cycle!.status);
    const recorded = await recordEvidence(tx, scope, campaign, input.cycleId, fields, {
      kind: 'link',
      url,
    });
    await bumpCycle(tx, input.cycleId);
    return recorded;
  });
  return (await getCycle(db, scope, input.cycleId)).evidence.find((e) => e.id === id)!;
}
