import { notFound } from '../../core/errors.ts';
import { recordAuditEvent } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { actorOf, requireOfficeUnit, type Caller } from './caller.ts';
import type { AccessLog } from './contract.ts';
import { iso } from './present.ts';
import { accessLogOf, findIncoming, findOutgoing } from './repo.ts';

/** The newest lines shown; the log itself keeps every one (the audit log is append-only). */
export const ACCESS_LOG_LIMIT = 500;

/**
 * Writes that a person opened a document (its page), for its access log
 * (Decree 30/2020 Annex VI: the System keeps "nhật ký truy cập" of each
 * document). Downloads are written where the file is served
 * (open-attachment.ts, sign-outgoing.ts). A system task opens nothing.
 */
export async function recordView(
  db: Db,
  caller: Caller,
  document: { kind: 'outgoing' | 'incoming'; id: string; unitId: string },
): Promise<void> {
  if ('system' in caller) return;
  const actor = actorOf(caller);
  await recordAuditEvent(db, actor, {
    action: 'office_view',
    entityType: `office_${document.kind}`,
    entityId: document.id,
    unitId: document.unitId,
    after: null,
  });
}

/**
 * Who opened a document of the caller's unit or downloaded one of its
 * files, and when: for the clerk and the leaders (`office.log`). An
 * outgoing document's log has its recipients' downloads of its files too
 * (the sender sees the receivers' status, Annex VI); an incoming copy
 * received through sogd has the caller's unit's downloads of the sender's
 * files, never other recipients'. Another unit's document is unknown (404).
 */
export async function documentAccessLog(
  db: Db,
  caller: Caller,
  kind: 'outgoing' | 'incoming',
  id: string,
): Promise<AccessLog> {
  const unitId = requireOfficeUnit(caller, 'office.log');
  const doc = !isUuid(id)
    ? undefined
    : kind === 'outgoing'
      ? await findOutgoing(db, id)
      : await findIncoming(db, id);
  if (!doc || doc.unit_id !== unitId)
    throw notFound(kind === 'outgoing' ? 'văn bản đi' : 'văn bản đến');
  const original = 'outgoing_id' in doc ? doc.outgoing_id : null;
  const rows = await accessLogOf(
    db,
    [
      { entityType: `office_${kind}`, entityId: id },
      ...(original ? [{ entityType: 'office_outgoing', entityId: original, unitId }] : []),
    ],
    ACCESS_LOG_LIMIT + 1,
  );
  return {
    notation: doc.notation,
    subject: doc.subject,
    truncated: rows.length > ACCESS_LOG_LIMIT,
    items: rows.slice(0, ACCESS_LOG_LIMIT).map((r) => {
      const file = (r.after ?? {}) as { name?: unknown; sha256?: unknown };
      return {
        at: iso(r.at)!,
        kind: r.action === 'office_download' ? ('download' as const) : ('view' as const),
        actorName: r.actor_name,
        unit: r.org_unit_id && r.unit_name ? { id: r.org_unit_id, name: r.unit_name } : null,
        ip: r.ip,
        fileName: typeof file.name === 'string' ? file.name : null,
        sha256: typeof file.sha256 === 'string' ? file.sha256 : null,
      };
    }),
  };
}
