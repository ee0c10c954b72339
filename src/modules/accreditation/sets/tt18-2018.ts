/**
 * TT 18/2018/TT-BGDĐT (22/8/2018): accreditation and national-standard
 * recognition of lower-secondary, upper-secondary and multi-level schools,
 * amended by TT 22/2024/TT-BGDĐT (whether TT 22/2024 touches TT 18 is not
 * confirmed: ../shared/reference/next-modules.md §3). Criteria names from
 * background knowledge and a third-party checklist; the school-level
 * thresholds below are NOT checked against the official Điều 6 (see
 * `confidenceNote`). Mức 4 is its own criteria list, not
 * sourced: placeholders, the department enters the text (`levelFour`).
 */
import { levelFourPlaceholders, standardsFromRows } from './build.ts';
import type { StandardSet } from './types.ts';

const CIRCULAR = 'Thông tư 18/2018/TT-BGDĐT';

export const TT18_2018: StandardSet = {
  id: 'tt18-2018',
  name: 'Tiêu chuẩn đánh giá trường THCS, THPT và trường phổ thông có nhiều cấp học (TT 18/2018)',
  legalBasis: [
    'Thông tư 18/2018/TT-BGDĐT ngày 22/8/2018 (kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia đối với trường THCS, THPT và trường phổ thông có nhiều cấp học)',
    'Thông tư 22/2024/TT-BGDĐT (sửa đổi, bổ sung; phạm vi sửa đổi đối với TT 18 chưa đối chiếu)',
    'Công văn 5932/BGDĐT-QLCL ngày 28/12/2018 (hướng dẫn tự đánh giá và đánh giá ngoài)',
  ],
  effectiveFrom: '2018-10-10',
  // Replaced by TT 57/2026 as reported (not confirmed): the day before it was issued.
  effectiveTo: '2026-07-06',
  schoolLevels: ['lower_secondary', 'upper_secondary'],
  source:
    'Tên tiêu chuẩn, tiêu chí: hiểu biết nền và một bảng kiểm của bên thứ ba; chưa đọc được văn bản gốc trên vanban.chinhphu.vn.',
  confidence: 'partly_confirmed',
  confidenceNote:
    'Cấu trúc 5 tiêu chuẩn, 28 tiêu chí, các mức 1–3 khớp nhiều nguồn. Nội dung chỉ báo chưa nạp (mỗi mức là một yêu cầu trỏ tới Phụ lục của Thông tư). Ngưỡng số tiêu chí để trường đạt Mức 2, Mức 3 chưa đối chiếu với Điều 6 Thông tư 18/2018: kiểm tra trước khi dùng kết quả để công nhận. Mức 4: danh sách tiêu chí riêng, nội dung chưa nạp (Sở nhập từ Thông tư).',
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
          ['3.2', 'Phòng học, phòng học bộ môn và khối phục vụ học tập', ['facilities']],
          ['3.3', 'Khối hành chính - quản trị', ['facilities']],
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
          ['5.1', 'Thực hiện Chương trình giáo dục phổ thông'],
          [
            '5.2',
            'Tổ chức hoạt động giáo dục cho học sinh có hoàn cảnh khó khăn, học sinh có năng khiếu, học sinh gặp khó khăn trong học tập và rèn luyện',
          ],
          ['5.3', 'Thực hiện nội dung giáo dục địa phương theo quy định'],
          ['5.4', 'Các hoạt động trải nghiệm và hướng nghiệp'],
          ['5.5', 'Hình thành, phát triển các kỹ năng sống cho học sinh'],
          ['5.6', 'Kết quả giáo dục', ['classes']],
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
      article: 'Điều 6 Thông tư 18/2018/TT-BGDĐT (chưa đối chiếu)',
      confirmed: false,
    },
    {
      level: 2,
      requiresLevelBelow: true,
      conditions: [{ kind: 'count', among: 'all', minLevel: 2, atLeast: 18 }],
      article: 'Điều 6 Thông tư 18/2018/TT-BGDĐT (ngưỡng 18 tiêu chí chưa đối chiếu)',
      confirmed: false,
    },
    {
      level: 3,
      requiresLevelBelow: true,
      conditions: [{ kind: 'count', among: 'all', minLevel: 3, atLeast: 18 }],
      article: 'Điều 6 Thông tư 18/2018/TT-BGDĐT (ngưỡng 18 tiêu chí chưa đối chiếu)',
      confirmed: false,
    },
  ],
  // Mức 2 ↔ chuẩn quốc gia mức độ 1, Mức 3 ↔ mức độ 2 (third-party summary and background knowledge).
  // Mức 4 is its own list of criteria for a school already at Mức 3
  // (vn-regulations.md §2, background knowledge). Neither its wording nor its
  // count (6 here) nor the article could be checked: placeholders until the
  // department enters the circular's text.
  levelFour: {
    level: 4,
    article:
      'Thông tư 18/2018/TT-BGDĐT, điều quy định tiêu chuẩn đánh giá trường đạt Mức 4 (số điều chưa đối chiếu)',
    confirmed: false,
    note: 'Mức 4 là danh sách tiêu chí riêng (không phải yêu cầu thêm của từng tiêu chí) cho trường đã đạt Mức 3. Nội dung, số tiêu chí (6 ở đây là hiểu biết nền) và quy tắc "đạt Mức 3 và đạt mọi tiêu chí Mức 4" chưa đối chiếu với Thông tư 18/2018/TT-BGDĐT: Sở nhập nội dung từ văn bản gốc trước khi trường đánh giá.',
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
