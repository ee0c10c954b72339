/**
 * TT 17/2018/TT-BGDĐT (22/8/2018): accreditation and national-standard
 * recognition of primary schools, amended by TT 22/2024/TT-BGDĐT (clauses
 * 4–5 of Art. 1 rewrote Art. 8, standard 2: next-modules.md §3). Criteria
 * names from background knowledge; thresholds NOT checked against the
 * official text (see `confidenceNote`). Mức 4 is a separate list whose
 * wording is not sourced: placeholders, the department enters the text
 * (`levelFour`).
 */
import { levelFourPlaceholders, standardsFromRows } from './build.ts';
import type { StandardSet } from './types.ts';

const CIRCULAR = 'Thông tư 17/2018/TT-BGDĐT';

export const TT17_2018: StandardSet = {
  id: 'tt17-2018',
  name: 'Tiêu chuẩn đánh giá trường tiểu học (TT 17/2018)',
  legalBasis: [
    'Thông tư 17/2018/TT-BGDĐT ngày 22/8/2018 (kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia đối với trường tiểu học)',
    'Thông tư 22/2024/TT-BGDĐT (sửa đổi Điều 8, tiêu chuẩn 2)',
    'Công văn 5932/BGDĐT-QLCL ngày 28/12/2018 (hướng dẫn tự đánh giá và đánh giá ngoài)',
  ],
  effectiveFrom: '2018-10-10',
  effectiveTo: '2026-07-06',
  schoolLevels: ['primary'],
  source:
    'Tên tiêu chuẩn, tiêu chí: hiểu biết nền, khớp một phần với bảng kiểm của bên thứ ba; chưa đọc được văn bản gốc.',
  confidence: 'unconfirmed',
  confidenceNote:
    'Số tiêu chí (27: 10 + 4 + 6 + 2 + 5) và tên tiêu chí chưa đối chiếu với văn bản gốc; nội dung chỉ báo chưa nạp; ngưỡng Mức 2, Mức 3 chưa đối chiếu; phần sửa đổi của Thông tư 22/2024 (tiêu chuẩn 2) chưa phản ánh vào yêu cầu. Chỉ dùng để thử.',
  criterionLevels: 3,
  standards: standardsFromRows(
    [
      [
        '1',
        'Tổ chức và quản lý nhà trường',
        [
          ['1.1', 'Phương hướng, chiến lược xây dựng và phát triển nhà trường'],
          [
            '1.2',
            'Hội đồng trường (Hội đồng quản trị đối với trường tư thục) và các hội đồng khác',
          ],
          ['1.3', 'Tổ chức Đảng Cộng sản Việt Nam, các đoàn thể và tổ chức khác trong nhà trường'],
          ['1.4', 'Hiệu trưởng, phó hiệu trưởng, tổ chuyên môn và tổ văn phòng'],
          ['1.5', 'Lớp học', ['classes']],
          ['1.6', 'Quản lý hành chính, tài chính và tài sản'],
          ['1.7', 'Quản lý cán bộ, giáo viên và nhân viên', ['staff']],
          ['1.8', 'Quản lý các hoạt động giáo dục'],
          ['1.9', 'Thực hiện quy chế dân chủ cơ sở'],
          ['1.10', 'Đảm bảo an ninh trật tự, an toàn trường học'],
        ],
      ],
      [
        '2',
        'Cán bộ quản lý, giáo viên, nhân viên và học sinh',
        [
          ['2.1', 'Đối với hiệu trưởng, phó hiệu trưởng', ['staff']],
          ['2.2', 'Đối với giáo viên', ['staff']],
          ['2.3', 'Đối với nhân viên', ['staff']],
          ['2.4', 'Đối với học sinh', ['classes']],
        ],
      ],
      [
        '3',
        'Cơ sở vật chất và thiết bị dạy học',
        [
          ['3.1', 'Khuôn viên, khu sân chơi, bãi tập', ['facilities']],
          ['3.2', 'Phòng học', ['facilities']],
          ['3.3', 'Khối phòng phục vụ học tập và khối phòng hành chính - quản trị', ['facilities']],
          ['3.4', 'Khu vệ sinh, hệ thống cấp thoát nước', ['facilities']],
          ['3.5', 'Thiết bị'],
          ['3.6', 'Thư viện'],
        ],
      ],
      [
        '4',
        'Quan hệ giữa nhà trường, gia đình và xã hội',
        [
          ['4.1', 'Ban đại diện cha mẹ học sinh'],
          [
            '4.2',
            'Công tác tham mưu cấp ủy đảng, chính quyền và phối hợp với các tổ chức, cá nhân của nhà trường',
          ],
        ],
      ],
      [
        '5',
        'Hoạt động giáo dục và kết quả giáo dục',
        [
          ['5.1', 'Kế hoạch giáo dục của nhà trường'],
          ['5.2', 'Thực hiện Chương trình giáo dục phổ thông cấp tiểu học'],
          ['5.3', 'Thực hiện các hoạt động giáo dục khác'],
          ['5.4', 'Công tác phổ cập giáo dục tiểu học'],
          ['5.5', 'Kết quả giáo dục', ['classes']],
        ],
      ],
    ],
    3,
    CIRCULAR,
  ),
  rules: [
    {
      level: 1,
      requiresLevelBelow: false,
      conditions: [{ kind: 'every', minLevel: 1 }],
      article: 'Điều 6 Thông tư 17/2018/TT-BGDĐT (chưa đối chiếu)',
      confirmed: false,
    },
    {
      level: 2,
      requiresLevelBelow: true,
      conditions: [{ kind: 'count', among: 'all', minLevel: 2, atLeast: 18 }],
      article: 'Điều 6 Thông tư 17/2018/TT-BGDĐT (ngưỡng 18 tiêu chí chưa đối chiếu)',
      confirmed: false,
    },
    {
      level: 3,
      requiresLevelBelow: true,
      conditions: [{ kind: 'count', among: 'all', minLevel: 3, atLeast: 18 }],
      article: 'Điều 6 Thông tư 17/2018/TT-BGDĐT (ngưỡng 18 tiêu chí chưa đối chiếu)',
      confirmed: false,
    },
  ],
  // Mức 4 is its own list of criteria for a school already at Mức 3
  // (vn-regulations.md §2, background knowledge). Neither its wording nor its
  // count (6 here) nor the article could be checked: placeholders until the
  // department enters the circular's text.
  levelFour: {
    level: 4,
    article:
      'Thông tư 17/2018/TT-BGDĐT, điều quy định tiêu chuẩn đánh giá trường đạt Mức 4 (số điều chưa đối chiếu)',
    confirmed: false,
    note: 'Mức 4 là danh sách tiêu chí riêng (không phải yêu cầu thêm của từng tiêu chí) cho trường đã đạt Mức 3. Nội dung, số tiêu chí (6 ở đây là hiểu biết nền) và quy tắc "đạt Mức 3 và đạt mọi tiêu chí Mức 4" chưa đối chiếu với Thông tư 17/2018/TT-BGDĐT: Sở nhập nội dung từ văn bản gốc trước khi trường đánh giá.',
    criteria: levelFourPlaceholders(6),
  },
  // Mức 4 ↔ cấp độ 4; its national-standard level (2, as Mức 3) is background knowledge, not checked.
  recognition: [
    { level: 1, accreditationLevel: 1, nationalStandardLevel: 0 },
    { level: 2, accreditationLevel: 2, nationalStandardLevel: 1 },
    { level: 3, accreditationLevel: 3, nationalStandardLevel: 2 },
    { level: 4, accreditationLevel: 4, nationalStandardLevel: 2 },
  ],
};
