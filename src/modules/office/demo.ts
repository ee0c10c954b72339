/**
 * The e-office of the demo province (`npm start`): abbreviations for the
 * notation, a few outgoing documents sent to schools, incoming documents
 * from outside, and this week's work calendar, published. Runs inside the
 * demo seed's transaction.
 */
import type { Db } from '../../db/connection.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { draftBody, registerOutgoingBody } from './contract.ts';
import { bookOf, writeOutgoing } from './register-outgoing.ts';
import {
  ensureWeek,
  findUnit,
  insertDraft,
  insertDraftStep,
  insertEntry,
  insertIncoming,
  publishWeek,
  saveOfficeUnit,
  allUnits,
  takeNumber,
} from './repo.ts';
import { addDays, todayInVietnam, weekStart } from './rules.ts';

/** The department's divisions (drafting units) in the demo. */
const DIVISIONS = ['VP', 'GDPT', 'GDMN', 'KHTC', 'TCCB', 'QLCL'];

export async function seedOfficeDemo(tx: Db, rootId: string): Promise<void> {
  const units = await allUnits(tx);
  // The department writes "SGDĐT" (seed 004: 3677/TB-SGDĐT); others their code.
  for (const u of units)
    await saveOfficeUnit(
      tx,
      u.id,
      u.id === rootId ? 'SGDĐT' : u.code,
      u.id === rootId ? DIVISIONS : [],
    );
  const root = (await findUnit(tx, rootId))!;
  const schools = units
    .filter((u) => u.kind === 'school')
    .slice(0, 6)
    .map((u) => u.id)
    .sort();
  const today = todayInVietnam();
  const monday = weekStart(today);
  const send = (input: Parameters<typeof registerOutgoingBody.parse>[0], recipients: string[]) =>
    writeOutgoing(tx, {
      unitId: rootId,
      unitName: root.name,
      abbreviation: 'SGDĐT',
      registeredBy: 'Văn thư Sở (dữ liệu mẫu)',
      date: today,
      today,
      body: registerOutgoingBody.parse(input),
      recipients,
    });
  await send(
    {
      type: 'KH',
      subject: 'Kế hoạch kiểm tra công tác chuẩn bị năm học mới tại các trường',
      draftingUnit: 'GDPT',
      signerName: 'Phó Giám đốc',
    },
    schools,
  );
  await send(
    {
      type: 'TB',
      subject: 'Thông báo kết luận của Giám đốc Sở tại cuộc họp giao ban tháng',
      draftingUnit: 'VP',
      signerName: 'Chánh Văn phòng',
      urgency: 'urgent',
    },
    schools.slice(0, 3),
  );
  await send(
    {
      type: 'CV',
      subject: 'Báo cáo tình hình triển khai văn phòng điện tử năm 2026',
      draftingUnit: 'VP',
      outsideRecipients: ['Ủy ban nhân dân tỉnh', 'Bộ Giáo dục và Đào tạo'],
    },
    [],
  );

  // Documents from outside sogd, registered by the department's clerk.
  const year = Number(today.slice(0, 4));
  for (const doc of [
    {
      sender_name: 'Bộ Giáo dục và Đào tạo',
      notation: `1234/BGDĐT-GDPT`,
      doc_type: 'CV',
      subject: 'Hướng dẫn thực hiện nhiệm vụ giáo dục phổ thông năm học 2026-2027',
      urgency: 'normal',
    },
    {
      sender_name: 'Ủy ban nhân dân tỉnh',
      notation: `215/QĐ-UBND`,
      doc_type: 'QĐ',
      subject: 'Quyết định giao chỉ tiêu tuyển sinh lớp 10 năm học 2026-2027',
      urgency: 'urgent',
    },
  ]) {
    const arrival = await takeNumber(tx, rootId, 'incoming', year);
    await insertIncoming(tx, {
      id: uuidv7(),
      unit_id: rootId,
      year,
      book: bookOf('normal'),
      arrival_number: arrival,
      received_at: new Date(),
      sender_unit_id: null,
      outgoing_id: null,
      doc_date: addDays(today, -2),
      confidentiality: 'normal',
      channel: 'paper',
      file_id: null,
      registered_by: 'Văn thư Sở (dữ liệu mẫu)',
      ...doc,
    });
  }

  // This week's calendar of the department's leaders, published.
  const week = await ensureWeek(tx, uuidv7(), rootId, monday);
  const entries: [number, string, string, string, string, string][] = [
    [0, '07:30', 'Giao ban lãnh đạo Sở', 'Giám đốc Sở', 'Phòng họp số 1', 'Văn phòng'],
    [
      1,
      '08:00',
      'Kiểm tra công tác chuẩn bị năm học tại các trường',
      'Phó Giám đốc',
      'Các trường THPT',
      'Phòng Giáo dục phổ thông',
    ],
    [
      2,
      '14:00',
      'Họp Hội đồng tuyển sinh lớp 10',
      'Giám đốc Sở',
      'Hội trường Sở',
      'Phòng Quản lý chất lượng',
    ],
    [
      3,
      '08:00',
      'Làm việc với Ủy ban nhân dân tỉnh về kế hoạch đầu tư trường học',
      'Giám đốc Sở',
      'Trụ sở Ủy ban nhân dân tỉnh',
      'Phòng Kế hoạch - Tài chính',
    ],
    [
      4,
      '15:00',
      'Sơ kết công tác văn phòng điện tử',
      'Phó Giám đốc',
      'Phòng họp số 2',
      'Văn phòng',
    ],
  ];
  for (const [offset, time, content, chair, place, preparing] of entries)
    await insertEntry(tx, {
      id: uuidv7(),
      unit_id: rootId,
      week_id: week.id,
      day: addDays(monday, offset),
      start_time: time,
      content,
      chair,
      place,
      participants: 'Lãnh đạo các phòng liên quan',
      preparing_unit: preparing,
      notes: '',
    });
  await publishWeek(tx, week.id);

  // A draft waiting for the leader: to every upper-secondary school of the province.
  const draftId = uuidv7();
  await insertDraft(tx, {
    id: draftId,
    unit_id: rootId,
    status: 'leader',
    body: JSON.stringify(
      draftBody.parse({
        type: 'KH',
        subject: 'Kế hoạch tổ chức kỳ thi chọn học sinh giỏi cấp tỉnh lớp 12',
        draftingUnit: DIVISIONS[1],
        recipientGroups: [{ rootId, levels: ['upper_secondary'] }],
      }),
    ),
    drafter_id: null,
    drafter_name: 'Chuyên viên phòng GDPT (dữ liệu mẫu)',
    outgoing_id: null,
    version: 3,
  });
  for (const [action, actor, comment] of [
    ['create', 'Chuyên viên phòng GDPT (dữ liệu mẫu)', ''],
    ['submit', 'Chuyên viên phòng GDPT (dữ liệu mẫu)', ''],
    ['forward', 'Trưởng phòng GDPT (dữ liệu mẫu)', 'Đã kiểm tra nội dung, trình Giám đốc'],
  ] as const)
    await insertDraftStep(tx, {
      id: uuidv7(),
      draft_id: draftId,
      unit_id: rootId,
      action,
      actor_id: null,
      actor_name: actor,
      comment,
    });
}
