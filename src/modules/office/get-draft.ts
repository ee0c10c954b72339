import { notFound } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import { draftBody, type DraftDetail, type DraftList, type DraftRow } from './contract.ts';
import { attachmentRowOf } from './present.ts';
import { resolveRecipients } from './register-outgoing.ts';
import { attachmentsOf, draftSteps, findDraft, findUnit, listDrafts } from './repo.ts';

type Draft = NonNullable<Awaited<ReturnType<typeof findDraft>>>;
const iso = (d: Date | string) => new Date(d).toISOString();

function draftRowOf(d: Draft): DraftRow {
  const body = draftBody.parse(d.body);
  return {
    id: d.id,
    status: d.status,
    type: body.type,
    subject: body.subject,
    drafterName: d.drafter_name,
    drafterId: d.drafter_id,
    version: d.version,
    updatedAt: iso(d.updated_at),
    outgoingId: d.outgoing_id,
  };
}

/** A draft of the caller's unit with its approval steps and files. */
export async function getDraft(db: Db, caller: Caller, id: string): Promise<DraftDetail> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const d = isUuid(id) ? await findDraft(db, id) : undefined;
  if (!d || d.unit_id !== unitId) throw notFound('dự thảo');
  const body = draftBody.parse(d.body);
  const unit = (await findUnit(db, unitId))!;
  const recipients = await resolveRecipients(db, unit, body).catch(() => []);
  return {
    ...draftRowOf(d),
    body,
    steps: (await draftSteps(db, id)).map((s) => ({
      action: s.action,
      actorName: s.actor_name,
      comment: s.comment,
      at: iso(s.at),
    })),
    attachments: (await attachmentsOf(db, [id])).map(attachmentRowOf),
    recipientCount: recipients.length,
  };
}

/** The unit's drafts, the latest changed first. */
export async function listDraftsOf(db: Db, caller: Caller): Promise<DraftList> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  return { items: (await listDrafts(db, unitId)).map(draftRowOf) };
}
