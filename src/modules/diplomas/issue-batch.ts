import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { DiplomaType, Gender } from '../../db/schema.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import type { Grant } from './access.ts';
import { TYPE_CODE, type IssuedDiploma } from './contract.ts';
import { activeSigner } from './keys.ts';
import { formatNumber, numberFormats } from './numbers.ts';
import { insertIssued, reserveNumbers, type NewDiploma } from './repo.ts';
import { isoSeconds, signDiploma, type IssueContext } from './signing.ts';

/**
 * The step every way of issuing shares (a batch sent from the back office,
 * a graduation list, a school's final-grade students): entries are numbered
 * automatically and atomically and each gets a signed credential and QR
 * payload, all in one transaction — all issued, or none. The register is
 * never deleted from or overwritten (Circular 21/2019/TT-BGDĐT). Takes the
 * Grant of the use case's access check.
 */

export interface GraduateEntry {
  fullName: string;
  birthDate: string;
  birthPlace?: string | null | undefined;
  gender: Gender;
  ethnicity?: string | null | undefined;
  schoolName: string;
  examCouncil?: string | null | undefined;
  graduationYear: number;
  decisionNumber: string;
  decisionDate: string;
  notes?: string | null | undefined;
  studentId?: string | null | undefined;
}

export interface IssueBatch {
  diplomaType: DiplomaType;
  issueDate: string;
  signerName: string;
  signerTitle: string;
  entries: GraduateEntry[];
}

export async function issueBatch(
  db: Db,
  grant: Grant<'registry.write'>,
  batch: IssueBatch,
  context: IssueContext,
): Promise<IssuedDiploma[]> {
  if (batch.entries.length === 0) return [];
  const { authority } = grant;
  const signer = await activeSigner(db, authority.id, context.passphrase);
  const formats = numberFormats();
  const year = Number(batch.issueDate.slice(0, 4));
  const type = TYPE_CODE[batch.diplomaType];
  const created = isoSeconds();
  return writeTransaction(db, grant.actor, async (tx) => {
    const n = batch.entries.length;
    const firstSerial = await reserveNumbers(tx, authority.id, `serial:${batch.diplomaType}`, 0, n);
    const firstEntry = await reserveNumbers(
      tx,
      authority.id,
      `register:${batch.diplomaType}`,
      year,
      n,
    );
    const firstSlot = await reserveNumbers(tx, authority.id, 'status', 0, n);
    const issued: IssuedDiploma[] = [];
    const rows = batch.entries.map((e, i): NewDiploma => {
      const id = uuidv7();
      const fullName = normalizeText(e.fullName);
      const serialNumber = formatNumber(formats.serial, { type, year, n: firstSerial + i });
      const registerNumber = formatNumber(formats.register, { type, year, n: firstEntry + i });
      const statusIndex = firstSlot + i - 1;
      const signed = signDiploma(
        signer,
        authority,
        context,
        {
          id,
          fullName,
          birthDate: e.birthDate,
          diplomaType: batch.diplomaType,
          schoolName: normalizeText(e.schoolName),
          graduationYear: e.graduationYear,
          serialNumber,
          registerNumber,
          issueDate: batch.issueDate,
          statusIndex,
        },
        created,
      );
      issued.push({ id, fullName, serialNumber, registerNumber });
      return {
        id,
        authority_id: authority.id,
        diploma_type: batch.diplomaType,
        full_name: fullName,
        search_name: searchKey(fullName),
        birth_date: e.birthDate,
        birth_place: e.birthPlace ? normalizeText(e.birthPlace) : null,
        gender: e.gender,
        ethnicity: e.ethnicity ? normalizeText(e.ethnicity) : null,
        school_name: normalizeText(e.schoolName),
        exam_council: e.examCouncil ? normalizeText(e.examCouncil) : null,
        graduation_year: e.graduationYear,
        decision_number: normalizeText(e.decisionNumber),
        decision_date: e.decisionDate,
        serial_number: serialNumber,
        register_number: registerNumber,
        register_year: year,
        issue_date: batch.issueDate,
        signer_name: normalizeText(batch.signerName),
        signer_title: normalizeText(batch.signerTitle),
        notes: e.notes ? normalizeText(e.notes) : null,
        status_index: statusIndex,
        student_id: e.studentId ?? null,
        key_id: signer.kid,
        credential: JSON.stringify(signed.credential),
        qr: signed.qr,
      };
    });
    await insertIssued(tx, rows);
    return issued;
  });
}
