/**
 * TT 57/2026/TT-BGDĐT (07/7/2026), as reported by several independent
 * third-party sources and NOT checked against the official text
 * (next-modules.md §3, vn-regulations.md §2): it replaces TT 17, 18, 19/2018
 * and TT 22/2024 for preschools and general schools, with 4 standards, 15
 * criteria, 2 levels, 8 mandatory criteria (1.3, 1.4, 2.1, 2.2, 3.1, 3.2,
 * 4.1, 4.2) and Art. 5.3: Mức 1 = the 8 mandatory at Mức 1 and at least 5 of
 * the other 7 at Mức 1; Mức 2 = Mức 1 reached, the 8 at Mức 2, at least 5 of
 * the other 7 at Mức 2 and none below Mức 1. How the 15 criteria divide among
 * the standards, and their names, are assumptions (see `confidenceNote`).
 */
import { standardsFromRows } from './build.ts';
import type { StandardSet } from './types.ts';

const CIRCULAR = 'Thông tư 57/2026/TT-BGDĐT';
const MANDATORY = ['1.3', '1.4', '2.1', '2.2', '3.1', '3.2', '4.1', '4.2'] as const;
const ARTICLE = 'Khoản 3 Điều 5 Thông tư 57/2026/TT-BGDĐT (theo nguồn thứ cấp, chưa đối chiếu)';

export const TT57_2026: StandardSet = {
  id: 'tt57-2026',
  name: 'Bảo đảm chất lượng giáo dục và công nhận đạt chuẩn quốc gia (TT 57/2026, chưa xác nhận)',
  legalBasis: [
    'Thông tư 57/2026/TT-BGDĐT ngày 07/7/2026 (bảo đảm chất lượng giáo dục đối với cơ sở giáo dục mầm non, phổ thông, thường xuyên; công nhận đạt chuẩn quốc gia) — thay thế TT 17, 18, 19/2018 và TT 22/2024',
  ],
  effectiveFrom: '2026-07-07',
  effectiveTo: null,
  schoolLevels: ['preschool', 'primary', 'lower_secondary', 'upper_secondary'],
  source:
    'Nhiều kho mã công khai độc lập thuật lại nội dung (next-modules.md §3); chưa đọc được văn bản gốc.',
  confidence: 'unconfirmed',
  confidenceNote:
    'Chưa xác nhận với văn bản gốc. Số tiêu chuẩn, tiêu chí, mức, 8 tiêu chí bắt buộc và quy tắc Mức 1/Mức 2 theo nguồn thứ cấp; cách chia 15 tiêu chí vào 4 tiêu chuẩn (5 + 4 + 3 + 3), tên tiêu chuẩn 3, 4 và tên các tiêu chí là giả định; nội dung yêu cầu chưa nạp. Giai đoạn 07/7/2026–31/12/2028 dữ liệu định lượng chỉ để theo dõi, không là căn cứ duy nhất (Điều 27.4 theo nguồn thứ cấp).',
  criterionLevels: 2,
  standards: standardsFromRows(
    [
      [
        '1',
        'Quản trị nhà trường và bảo đảm chất lượng',
        [
          ['1.1', 'Tiêu chí 1.1'],
          ['1.2', 'Tiêu chí 1.2'],
          ['1.3', 'Tiêu chí 1.3 (bắt buộc)'],
          ['1.4', 'Tiêu chí 1.4 (bắt buộc)'],
          ['1.5', 'Tiêu chí 1.5'],
        ],
      ],
      [
        '2',
        'Phát triển đội ngũ',
        [
          ['2.1', 'Tiêu chí 2.1 (bắt buộc)', ['staff']],
          ['2.2', 'Tiêu chí 2.2 (bắt buộc)', ['staff']],
          ['2.3', 'Tiêu chí 2.3'],
          ['2.4', 'Tiêu chí 2.4'],
        ],
      ],
      [
        '3',
        'Tiêu chuẩn 3',
        [
          ['3.1', 'Tiêu chí 3.1 (bắt buộc)', ['facilities']],
          ['3.2', 'Tiêu chí 3.2 (bắt buộc)', ['facilities']],
          ['3.3', 'Tiêu chí 3.3'],
        ],
      ],
      [
        '4',
        'Tiêu chuẩn 4',
        [
          ['4.1', 'Tiêu chí 4.1 (bắt buộc)', ['classes']],
          ['4.2', 'Tiêu chí 4.2 (bắt buộc)', ['classes']],
          ['4.3', 'Tiêu chí 4.3'],
        ],
      ],
    ],
    2,
    CIRCULAR,
  ),
  rules: [
    {
      level: 1,
      requiresLevelBelow: false,
      conditions: [
        { kind: 'each', criteria: MANDATORY, minLevel: 1 },
        { kind: 'count', among: { except: MANDATORY }, minLevel: 1, atLeast: 5 },
      ],
      article: ARTICLE,
      confirmed: false,
    },
    {
      level: 2,
      requiresLevelBelow: true,
      conditions: [
        { kind: 'each', criteria: MANDATORY, minLevel: 2 },
        { kind: 'count', among: { except: MANDATORY }, minLevel: 2, atLeast: 5 },
        { kind: 'every', minLevel: 1 },
      ],
      article: ARTICLE,
      confirmed: false,
    },
  ],
  // Reported: Mức 1 and Mức 2 are the two national-standard levels; the accreditation mapping is an assumption.
  recognition: [
    { level: 1, accreditationLevel: 1, nationalStandardLevel: 1 },
    { level: 2, accreditationLevel: 2, nationalStandardLevel: 2 },
  ],
};
