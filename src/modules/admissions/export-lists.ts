import type { Writable } from 'node:stream';
import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { writeSimpleWorkbook } from '../../lib/xlsx.ts';
import { listAdmitted } from './list-admitted.ts';
import { listCandidates } from './list-candidates.ts';

const ROUND = {
  main: 'Xét tuyển',
  top_up: 'Tuyển bổ sung',
  direct: 'Tuyển thẳng',
  specialised: 'Trường chuyên, lớp tích hợp',
} as const;
const RESPONSE = { confirmed: 'Đã xác nhận', declined: 'Từ chối', lapsed: 'Quá hạn' } as const;
const viDate = (iso: string) => iso.split('-').reverse().join('/');

/**
 * The admitted list of the caller's schools as xlsx (an upper-secondary
 * school's own): the rows listAdmitted answers, so the same access check and
 * the same scope. The check is made before a byte is written; `written`
 * settles with the row count once the workbook is complete.
 */
export async function exportAdmitted(
  db: Db,
  scope: Scope,
  campaignId: string,
  file: string | Writable,
): Promise<{ written: Promise<number> }> {
  const rows = await listAdmitted(db, scope, campaignId);
  return {
    written: writeSimpleWorkbook(
      file,
      'Trúng tuyển',
      ['Mã thí sinh', 'Họ và tên', 'Chương trình', 'Nguyện vọng', 'Diện', 'Xác nhận nhập học'],
      rows.map((r) => [
        r.code,
        r.fullName,
        r.program,
        r.rank,
        ROUND[r.round],
        r.response ? RESPONSE[r.response] : 'Chưa trả lời',
      ]),
    ).then(() => rows.length),
  };
}

/** The candidates of the caller's schools as xlsx: who has registered, who not (to follow up). */
export async function exportCandidates(
  db: Db,
  scope: Scope,
  campaignId: string,
  file: string | Writable,
): Promise<{ written: Promise<number> }> {
  const rows = await listCandidates(db, scope, campaignId);
  return {
    written: writeSimpleWorkbook(
      file,
      'Thí sinh',
      [
        'Mã thí sinh',
        'Họ và tên',
        'Ngày sinh',
        'Trường THCS',
        'Thí sinh tự do',
        'Đã đăng ký',
        'Phiên bản',
        'Số nguyện vọng',
        'Điểm xét tuyển',
      ],
      rows.map((r) => [
        r.code,
        r.fullName,
        viDate(r.birthDate),
        r.school.name,
        r.free ? 'Có' : 'Không',
        r.choices > 0 ? 'Có' : 'Chưa',
        r.version,
        r.choices,
        r.score,
      ]),
    ).then(() => rows.length),
  };
}
