import type { Db } from '../../db/connection.ts';
import { notFound } from '../../core/errors.ts';
import type { DiplomaGrant } from './access.ts';
import type { DiplomaDetail, DiplomaEvent, DiplomaSummary } from './contract.ts';
import { diplomaEvents, diplomaRow, type SummaryRow } from './repo.ts';

/** A register row as the contract names it. */
export function toSummary(r: SummaryRow): DiplomaSummary {
  return {
    id: r.id,
    fullName: r.full_name,
    birthDate: r.birth_date,
    diplomaType: r.diploma_type,
    schoolName: r.school_name,
    graduationYear: r.graduation_year,
    serialNumber: r.serial_number,
    registerNumber: r.register_number,
    issueDate: r.issue_date,
    status: r.status,
  };
}

/** The entry a Grant was given on, with its history, as it stands now. */
export async function readDetail(db: Db, grant: DiplomaGrant): Promise<DiplomaDetail> {
  const r = await diplomaRow(db, grant.diplomaId);
  if (!r) throw notFound('văn bằng');
  const events = await diplomaEvents(db, r.id);
  return {
    ...toSummary(r),
    authorityId: r.authority_id,
    birthPlace: r.birth_place,
    gender: r.gender,
    ethnicity: r.ethnicity,
    examCouncil: r.exam_council,
    decisionNumber: r.decision_number,
    decisionDate: r.decision_date,
    signerName: r.signer_name,
    signerTitle: r.signer_title,
    notes: r.notes,
    credential: r.credential as DiplomaDetail['credential'],
    qr: r.qr,
    history: events.map((e) => ({
      id: e.id,
      kind: e.kind,
      at: e.at.toISOString(),
      decisionNumber: e.decision_number,
      decisionDate: e.decision_date,
      reason: e.reason,
      before: e.before as DiplomaEvent['before'],
      after: e.after as DiplomaEvent['after'],
    })),
  };
}
