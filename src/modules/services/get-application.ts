import type { Scope } from '../../core/access/scope.ts';
import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import type { ApplicationDetail } from './contract.ts';
import { inVietnam } from './deadline.ts';
import { applicationRowOf } from './present.ts';
import { paperCopyOf } from './hand-over-paper.ts';
import { apologyOf, applicationById, documentsOf, eventsOf, handoverOf } from './repo.ts';
import { requireDepartment } from './staff.ts';

/** One application as the one-stop clerk, the division and the leader see it. */
export async function getApplication(
  db: Db,
  scope: Scope,
  id: string,
  now = new Date(),
): Promise<ApplicationDetail> {
  const department = await requireDepartment(db, scope, 'services.read');
  const a = isUuid(id) ? await applicationById(db, id) : undefined;
  if (!a || a.authority_id !== department.id) throw notFound('hồ sơ');
  // One after another: the embedded database has one connection.
  const events = await eventsOf(db, a.id);
  const documents = await documentsOf(db, a.id);
  const handover = await handoverOf(db, a.id);
  const apology = await apologyOf(db, a.id);
  return {
    ...applicationRowOf(a, inVietnam(now).date),
    personalId: a.personal_id,
    birthDate: String(a.birth_date).slice(0, 10),
    email: a.email,
    details: a.details,
    daysLeft: a.days_left,
    diplomaFound: a.procedure === 'ban-sao-van-bang' ? a.diploma_id !== null : null,
    events: events.map((e) => ({
      kind: e.kind,
      status: e.status,
      note: e.note,
      actor: e.actor,
      at: new Date(e.at).toISOString(),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      requirement: d.requirement,
      fileName: d.file_name,
      mediaType: d.media_type,
      size: d.size,
    })),
    result: a.result,
    paperPending: a.status === 'done' && paperCopyOf(a.result) !== null && !handover,
    handover: handover
      ? {
          copyNumber: handover.copy_number,
          receivedBy: handover.received_by,
          receiverDocument: handover.receiver_document,
          handedAt: new Date(handover.handed_at).toISOString(),
          handedBy: handover.handed_by,
        }
      : null,
    apology: apology
      ? {
          newDate: String(apology.new_date).slice(0, 10),
          mailedTo: apology.mailed_to,
          draftedBy: apology.drafted_by,
          draftedAt: new Date(apology.drafted_at).toISOString(),
        }
      : null,
  };
}
