import { describe, expect, it } from 'vitest';
import { overlaps, textBoxes } from '../../../test/helpers/pdf-layout.ts';
import type { DiplomaDetail } from './contract.ts';
import { copyPdf, dataSheetPdf } from './pdf.ts';

// Issue 13 item 14: the data sheet and the certified copy printed labels
// over each other when optional fields were empty. Every combination of
// empty optional fields is printed, read back, and no two text boxes may
// overlap.

const base: DiplomaDetail = {
  id: '019a0000-0000-7000-8000-000000000001',
  authorityId: '019a0000-0000-7000-8000-000000000002',
  fullName: 'Nguyễn Hoàng Bảo Ngọc Trâm Anh',
  birthDate: '2008-02-29',
  birthPlace: 'Xã Quảng Phú, huyện Quảng Trạch, tỉnh Quảng Bình',
  gender: 'female',
  ethnicity: 'Bru - Vân Kiều',
  diplomaType: 'upper_secondary',
  schoolName: 'Trường Trung học phổ thông Chuyên Võ Nguyên Giáp, thành phố Đồng Hới',
  examCouncil: 'Hội đồng thi Sở Giáo dục và Đào tạo',
  graduationYear: 2026,
  decisionNumber: '1234/QĐ-SGDĐT',
  decisionDate: '2026-07-15',
  serialNumber: 'A0260002',
  registerNumber: '2026/THPT/00001',
  issueDate: '2026-07-20',
  signerName: 'Nguyễn Thị Thúy',
  signerTitle: 'Giám đốc',
  notes: 'Cấp theo danh sách công nhận tốt nghiệp đợt 1',
  status: 'corrected',
  credential: { '@context': [], type: [], proof: { type: 'DataIntegrityProof', proofValue: 'z' } },
  qr: `VN1:${'A'.repeat(300)}`,
  history: [
    {
      id: '019a0000-0000-7000-8000-000000000003',
      kind: 'correction',
      at: '2026-09-01T02:00:00.000Z',
      decisionNumber: '45/QĐ-SGDĐT',
      decisionDate: '2026-09-01',
      reason: 'Cải chính hộ tịch',
      before: null,
      after: null,
    },
  ],
};
const OPTIONAL = ['birthPlace', 'ethnicity', 'examCouncil', 'notes'] as const;
/** Every subset of the optional fields emptied: 16 diplomas. */
const combinations = Array.from({ length: 1 << OPTIONAL.length }, (_, mask) => {
  const empty = OPTIONAL.filter((_, i) => mask & (1 << i));
  const d: DiplomaDetail = { ...base };
  for (const f of empty) d[f] = null;
  return { empty, d };
});
const copy = {
  copyNumber: '2026/BS/00007',
  requester: 'Nguyễn Văn Bình (cha)',
  copies: 2,
  issuedOn: '2026-10-02',
};

describe('the printed forms whatever is empty', () => {
  it('the data sheet prints no text over other text', async () => {
    for (const { empty, d } of combinations) {
      const boxes = await textBoxes(await dataSheetPdf(d, 'Sở Giáo dục và Đào tạo Quảng Trị'));
      expect(overlaps(boxes), `trống: ${empty.join(', ') || 'không'}`).toEqual([]);
      const text = boxes.map((b) => b.text).join(' ');
      // Each label once, in order, whether or not its value is there.
      for (const label of ['Nơi sinh:', 'Dân tộc:', 'Trường:', 'Số hiệu:', 'Ngày cấp:'])
        expect(text).toContain(label);
      if (d.ethnicity) expect(text).toContain('Bru - Vân Kiều');
    }
  });

  it('the certified copy prints no text over other text', async () => {
    for (const { empty, d } of combinations) {
      const boxes = await textBoxes(await copyPdf(d, copy, 'Sở Giáo dục và Đào tạo Quảng Trị'));
      expect(overlaps(boxes), `trống: ${empty.join(', ') || 'không'}`).toEqual([]);
      const text = boxes.map((b) => b.text).join(' ');
      expect(text).toContain('2026/BS/00007');
      expect(text).toContain('45/QĐ-SGDĐT');
    }
  });

  it('finds overlapping text when there is some (the check itself can fail)', () => {
    const a = { page: 1, text: 'Nơi sinh:', x0: 36, y0: 700, x1: 90, y1: 710 };
    expect(overlaps([a, { ...a, text: 'Giới tính:', x0: 40 }])).toHaveLength(1);
    expect(overlaps([a, { ...a, text: 'Nữ', x0: 90.2, x1: 110 }])).toEqual([]);
  });
});
