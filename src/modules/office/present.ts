/** Rows of repo.ts as the contract's answers. */
import type {
  AttachmentRow,
  AssignmentRow,
  CalendarEntry,
  Confidentiality,
  IncomingRow,
  OutgoingRow,
  RecipientRow,
  Urgency,
} from './contract.ts';
import type {
  attachmentsOf,
  listAssignments,
  listIncoming,
  listOutgoing,
  recipientsOf,
  weekEntries,
} from './repo.ts';

const iso = (d: Date | string | null): string | null =>
  d === null ? null : typeof d === 'string' ? new Date(d).toISOString() : d.toISOString();

type OutgoingListRow = Awaited<ReturnType<typeof listOutgoing>>['rows'][number];
export function outgoingRowOf(r: OutgoingListRow): OutgoingRow {
  return {
    id: r.id,
    number: r.number,
    notation: r.notation,
    year: r.year,
    type: r.doc_type,
    subject: r.subject,
    date: r.doc_date,
    urgency: r.urgency as Urgency,
    confidentiality: r.confidentiality as Confidentiality,
    status: r.status,
    signed: r.signed_file_id !== null,
    recipients: Number(r.recipients ?? 0),
    received: Number(r.received ?? 0),
  };
}

type Recipient = Awaited<ReturnType<typeof recipientsOf>>[number];
export function recipientRowOf(r: Recipient): RecipientRow {
  return {
    id: r.id,
    unit: r.unit_id ? { id: r.unit_id, code: r.code ?? '', name: r.name ?? '' } : null,
    outsideName: r.outside_name,
    status: r.status,
    sentAt: iso(r.sent_at)!,
    receivedAt: iso(r.received_at),
    openedAt: iso(r.opened_at),
    handledAt: iso(r.handled_at),
  };
}

type IncomingListRow = Awaited<ReturnType<typeof listIncoming>>['rows'][number];
export function incomingRowOf(r: IncomingListRow, today: string): IncomingRow {
  const deadline = r.deadline ?? null;
  return {
    id: r.id,
    arrivalNumber: r.arrival_number,
    book: r.book,
    year: r.year,
    receivedAt: iso(r.received_at)!,
    senderName: r.sender_name,
    notation: r.notation,
    type: r.doc_type,
    date: r.doc_date,
    subject: r.subject,
    urgency: r.urgency as Urgency,
    confidentiality: r.confidentiality as Confidentiality,
    channel: r.channel,
    status: r.status,
    deadline,
    overdue: deadline !== null && r.status === 'assigned' && deadline < today,
  };
}

type AssignmentListRow = Awaited<ReturnType<typeof listAssignments>>[number];
export function assignmentRowOf(
  r: AssignmentListRow,
  names: ReadonlyMap<string, string>,
  today: string,
  soon: string,
): AssignmentRow {
  const open = r.status === 'open';
  return {
    id: r.id,
    incomingId: r.incoming_id,
    incomingNotation: r.incoming_notation,
    incomingSubject: r.incoming_subject,
    lead: { id: r.lead_user_id, fullName: r.lead_name },
    coordinators: r.co_user_ids.map((id) => ({ id, fullName: names.get(id) ?? '' })),
    instruction: r.instruction,
    deadline: r.deadline,
    assignedBy: r.assigned_by,
    assignedAt: iso(r.assigned_at)!,
    status: r.status,
    progress: r.progress,
    result: r.result,
    doneAt: iso(r.done_at),
    overdue: open && r.deadline < today,
    dueSoon: open && r.deadline >= today && r.deadline <= soon,
  };
}

type EntryRow = Awaited<ReturnType<typeof weekEntries>>[number];
export function calendarEntryOf(e: EntryRow): CalendarEntry {
  return {
    id: e.id,
    day: e.day,
    startTime: e.start_time,
    content: e.content,
    chair: e.chair,
    place: e.place,
    participants: e.participants,
    preparingUnit: e.preparing_unit,
    notes: e.notes,
    changedAfterPublication: e.changed_after_publication,
    version: e.version,
  };
}

export { iso };

type AttachmentListRow = Awaited<ReturnType<typeof attachmentsOf>>[number];
export function attachmentRowOf(r: AttachmentListRow): AttachmentRow {
  return {
    id: r.id,
    fileName: r.file_name,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by,
    createdAt: iso(r.created_at)!,
  };
}
