import { PassThrough } from 'node:stream';
import type { Db } from '../../db/connection.ts';
import { formatVietnameseDate } from '../../lib/dates.ts';
import { writeSimpleWorkbook } from '../../lib/xlsx.ts';
import { requireOfficeUnit, type Caller } from './caller.ts';
import {
  BOOK_NAMES,
  CONFIDENTIALITY_NAMES,
  documentTypesOn,
  OUTGOING_STATUS_NAMES,
  URGENCY_NAMES,
  type Confidentiality,
  type Urgency,
} from './labels.ts';
import { incomingRegister, outgoingRegister } from './repo.ts';
import { OFFICE_TIME_ZONE, todayInVietnam } from './rules.ts';

const OUTGOING_HEADERS = [
  'Số, ký hiệu văn bản',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung',
  'Người ký',
  'Nơi nhận',
  'Đơn vị soạn thảo',
  'Độ mật, độ khẩn',
  'Ghi chú',
];
const INCOMING_HEADERS = [
  'Ngày đến',
  'Số đến',
  'Sổ',
  'Tác giả (nơi gửi)',
  'Số, ký hiệu',
  'Ngày tháng văn bản',
  'Tên loại và trích yếu nội dung',
  'Người xử lý',
  'Độ mật, độ khẩn',
  'Ghi chú',
];

const typeName = (type: string, date: string) => documentTypesOn(date)[type]?.vi ?? type;
const marks = (c: string, u: string) =>
  [
    c === 'normal' ? '' : CONFIDENTIALITY_NAMES.vi[c as Confidentiality],
    u === 'normal' ? '' : URGENCY_NAMES.vi[u as Urgency],
  ]
    .filter(Boolean)
    .join(', ');

/**
 * A year's register of the caller's unit as a workbook, one row per
 * document in the register's order and with its columns (Decree 30/2020
 * Art. 16 and 22: the System's registers are printed and bound at year end).
 */
export async function exportRegister(
  db: Db,
  caller: Caller,
  input: { kind: 'outgoing' | 'incoming'; year?: number | undefined },
): Promise<Buffer> {
  const unitId = requireOfficeUnit(caller, 'office.read');
  const { title, headers, rows } = await registerRows(db, unitId, input);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on('end', resolve));
  await writeSimpleWorkbook(out, title, headers, rows);
  await ended;
  return Buffer.concat(chunks);
}

/** A year's register as a title, its columns and its rows (the xlsx and the PDF print the same). */
export async function registerRows(
  db: Db,
  unitId: string,
  input: { kind: 'outgoing' | 'incoming'; year?: number | undefined },
): Promise<{ title: string; year: number; headers: string[]; rows: (string | number | null)[][] }> {
  const year = input.year ?? Number(todayInVietnam().slice(0, 4));
  let headers: string[];
  let rows: (string | number | null)[][];
  if (input.kind === 'outgoing') {
    headers = OUTGOING_HEADERS;
    rows = (await outgoingRegister(db, unitId, year)).map((d) => [
      d.notation,
      formatVietnameseDate(d.doc_date),
      `${typeName(d.doc_type, d.doc_date)}: ${d.subject}`,
      d.signer_name,
      d.recipient_names,
      d.drafting_unit,
      marks(d.confidentiality, d.urgency),
      d.status === 'withdrawn' ? OUTGOING_STATUS_NAMES.vi.withdrawn : null,
    ]);
  } else {
    headers = INCOMING_HEADERS;
    const day = (t: Date) =>
      new Intl.DateTimeFormat('vi-VN', {
        timeZone: OFFICE_TIME_ZONE,
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
      }).format(t);
    rows = (await incomingRegister(db, unitId, year)).map((d) => [
      day(new Date(d.received_at)),
      d.arrival_number,
      BOOK_NAMES.vi[d.book],
      d.sender_name,
      d.notation,
      formatVietnameseDate(d.doc_date),
      `${typeName(d.doc_type, d.doc_date)}: ${d.subject}`,
      d.handler_names,
      marks(d.confidentiality, d.urgency),
      d.status === 'recalled' ? 'Bên gửi đã thu hồi' : null,
    ]);
  }
  const title = input.kind === 'outgoing' ? `Sổ văn bản đi ${year}` : `Sổ văn bản đến ${year}`;
  return { title, year, headers, rows };
}
