import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { DiplomaType, Gender } from '../../db/schema.ts';
import { formatVietnameseDate, todayInVietnam } from '../../lib/dates.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText, searchKey } from '../../lib/vietnamese.ts';
import type { Grant } from './access.ts';
import { TYPE_CODE, type IssuedDiploma } from './contract.ts';
import { activeSigner } from './keys.ts';
import { formatNumber, numberFormats } from './numbers.ts';
import {
  freeBlanks,
  insertBlankUses,
  insertIssued,
  lockBlankRanges,
  reserveNumbers,
  type NewDiploma,
} from './repo.ts';
import { isoSeconds, signDiploma, type IssueContext } from './signing.ts';

/**
 * The step every way of issuing shares (a batch sent from the back office,
 * a graduation list, a school's final-grade students): entries are numbered
 * automatically and atomically and each gets a signed credential and QR
 * payload, all in one transaction — all issued, or none. The register is
 * never deleted from or overwritten (Circular 21/2019/TT-BGDĐT). Takes the
 * Grant of the use case's access check.
 *
 * Serials: once the authority has received blank forms (phôi) of the type,
 * each diploma takes the serial printed on the next form in stock (the
 * serial is printed on the blank form, Circular 21/2019/TT-BGDĐT), and a
 * batch larger than the stock is refused whole. An authority that never
 * recorded a delivery numbers serials itself (SOGD_DIPLOMA_SERIAL_FORMAT).
 */

/**
 * A diploma is dated the day it is signed, never later (a future date would
 * make a diploma valid before it exists). Today is Vietnam's (UTC+7).
 */
export function refuseFutureIssueDate(issueDate: string, path = 'body.issueDate'): void {
  const today = todayInVietnam();
  if (issueDate > today) {
    const message = `Ngày cấp ${formatVietnameseDate(issueDate)} là ngày trong tương lai (hôm nay ${formatVietnameseDate(today)}): văn bằng chỉ ghi ngày cấp từ hôm nay trở về trước.`;
    throw badRequest(message, [{ path, message }]);
  }
}

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
  refuseFutureIssueDate(batch.issueDate);
  if (batch.entries.length === 0) return [];
  const { authority } = grant;
  const signer = await activeSigner(db, authority.id, context.passphrase);
  const formats = numberFormats();
  const year = Number(batch.issueDate.slice(0, 4));
  const type = TYPE_CODE[batch.diplomaType];
  const created = isoSeconds();
  return writeTransaction(db, grant.actor, async (tx) => {
    const n = batch.entries.length;
    const blanks = (await lockBlankRanges(tx, authority.id, batch.diplomaType))
      ? await freeBlanks(tx, authority.id, batch.diplomaType, n)
      : null;
    if (blanks && blanks.length < n)
      throw conflict(
        `Còn ${blanks.length} phôi văn bằng, cần ${n}: hãy nhập thêm phôi (dãy số hiệu) trước khi cấp. Chưa cấp văn bằng nào.`,
      );
    const firstSerial = blanks
      ? 0
      : await reserveNumbers(tx, authority.id, `serial:${batch.diplomaType}`, 0, n);
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
      const serialNumber =
        blanks?.[i]?.serial ?? formatNumber(formats.serial, { type, year, n: firstSerial + i });
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
    if (blanks)
      await insertBlankUses(
        tx,
        rows.map((r, i) => ({
          authority_id: authority.id,
          range_id: blanks[i]!.range_id,
          serial: r.serial_number,
          kind: 'issued' as const,
          diploma_id: r.id,
          reason: null,
        })),
      );
    return issued;
  });
}
