import type { Db } from '../../db/connection.ts';
import { requireApplicant } from './applicant.ts';
import { procedureById } from './catalogue.ts';
import type { ApplicantQuery, PublicStatus } from './contract.ts';
import { documentsOf, eventsOf } from './repo.ts';

/** Status by code (no account): history without staff names, documents, result. */
export async function applicationStatus(db: Db, query: ApplicantQuery): Promise<PublicStatus> {
  const a = await requireApplicant(db, query);
  const [events, documents] = await Promise.all([eventsOf(db, a.id), documentsOf(db, a.id)]);
  const result = a.result as { note?: string } | null;
  return {
    code: a.code,
    procedure: a.procedure,
    procedureName: procedureById(a.procedure)?.name ?? a.procedure,
    status: a.status,
    receivedAt: new Date(a.received_at).toISOString(),
    dueDate: String(a.due_date).slice(0, 10),
    clockStopped: a.status === 'additions',
    events: events.map((e) => ({
      kind: e.kind,
      status: e.status,
      note: e.note,
      at: new Date(e.at).toISOString(),
    })),
    documents: documents.map((d) => ({
      id: d.id,
      requirement: d.requirement,
      fileName: d.file_name,
      mediaType: d.media_type,
      size: d.size,
    })),
    resultReady: a.status === 'done' && a.result_sha256 !== null,
    resultNote: result?.note ?? null,
  };
}
