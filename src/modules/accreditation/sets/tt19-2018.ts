/**
 * TT 19/2018/TT-BGDĐT (22/8/2018): accreditation and national-standard
 * recognition of preschools (trường mầm non), amended by TT 22/2024/TT-BGDĐT
 * (../shared/reference/next-modules.md §3). Standards and criteria names from
 * background knowledge only: the reference notes find criterion counts for
 * preschools inconsistent across third-party apps after TT 22/2024 (22 vs 17),
 * and the official text could not be read. The 25 criteria below (10 + 3 + 6 +
 * 2 + 4) are the original 2018 list as remembered, NOT checked; the
 * school-level thresholds are a guess (see `confidenceNote`). Mức 4 is a
 * separate list whose wording is not sourced (placeholders, `levelFour`).
 * For trying the workflow with preschools, not for recognition.
 */
import { levelFourPlaceholders, standardsFromRows } from './build.ts';
import type { StandardSet } from './types.ts';

const CIRCULAR = 'Thông tư 19/2018/TT-BGDĐT';

export const TT19_2018: StandardSet = {
  id: 'tt19-2018',
  name: 'Tiêu chuẩn đánh giá trường mầm non (TT 19/2018)',
  legalBasis: [
    'Thông tư 19/2018/TT-BGDĐT ngày 22/8/2018 (kiểm định chất lượng giáo dục và công nhận đạt chuẩn quốc gia đối với trường mầm non)',
    'Thông tư 22/2024/TT-BGDĐT (sửa đổi, bổ sung; nội dung sửa đổi chưa phản ánh)',
    'Công văn 5942/BGDĐT-QLCL ngày 28/12/2018 (hướng dẫn tự đánh giá và đánh giá ngoài cơ sở giáo dục mầm non)',
  ],
  effectiveFrom: '2018-10-10',
  // Replaced by TT 57/2026 as reported (not confirmed): the day before it was issued.
  effectiveTo: '2026-07-06',
  schoolLevels: ['preschool'],
  source:
    'Tên tiêu chuẩn, tiêu chí: hiểu biết nền; chưa đọc được văn bản gốc, các nguồn thứ ba không thống nhất về số tiêu chí sau Thông tư 22/2024.',
  confidence: 'unconfirmed',
  confidenceNote:
    'Số tiêu chí (25: 10 + 3 + 6 + 2 + 4), tên tiêu chí và ngưỡng Mức 2, Mức 3 (17 tiêu chí) chưa đối chiếu với văn bản gốc; nội dung chỉ báo chưa nạp; sửa đổi của Thông tư 22/2024 chưa phản ánh; Mức 4: danh sách tiêu chí riêng, nội dung chưa nạp (Sở nhập từ Thông tư). Chỉ dùng để thử.',
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
          ['1.5', 'Tổ chức nhóm trẻ và lớp mẫu giáo', ['classes']],
          ['1.6', 'Quản lý hành chính, tài chính và tài sản'],
          ['1.7', 'Quản lý cán bộ, giáo viên và nhân viên', ['staff']],
          ['1.8', 'Quản lý các hoạt động giáo dục'],
          ['1.9', 'Thực hiện quy chế dân chủ cơ sở'],
          ['1.10', 'Đảm bảo an ninh trật tự, an toàn trường học'],
        ],
      ],
      [
        '2',
        'Cán bộ quản lý, giáo viên và nhân viên',
        [
          ['2.1', 'Đối với hiệu trưởng, phó hiệu trưởng', ['staff']],
          ['2.2', 'Đối với giáo viên', ['staff']],
          ['2.3', 'Đối với nhân viên', ['staff']],
        ],
      ],
      [
        '3',
        'Cơ sở vật chất và thiết bị dạy học',
        [
          ['3.1', 'Diện tích, khuôn viên và sân vườn', ['facilities']],
          [
            '3.2',
            'Khối phòng nhóm trẻ, lớp mẫu giáo và khối phòng phục vụ học tập',
            ['facilities'],
          ],
          ['3.3', 'Khối phòng hành chính - quản trị', ['facilities']],
          ['3.4', 'Khối phòng tổ chức ăn', ['facilities']],
          ['3.5', 'Thiết bị, đồ dùng, đồ chơi'],
          ['3.6', 'Hệ thống cấp thoát nước, vệ sinh', ['facilities']],
        ],
      ],
      [
        '4',
        'Quan hệ giữa nhà trường, gia đình và xã hội',
        [
          ['4.1', 'Ban đại diện cha mẹ trẻ'],
          [
            '4.2',
            'Công tác tham mưu cấp ủy đảng, chính quyền và phối hợp với các tổ chức, cá nhân của nhà trường',
          ],
        ],
      ],
      [
        '5',
        'Hoạt động và kết quả nuôi dưỡng, chăm sóc và giáo dục trẻ',
        [
          ['5.1', 'Thực hiện Chương trình giáo dục mầm non'],
          ['5.2', 'Tổ chức hoạt động nuôi dưỡng, chăm sóc và giáo dục trẻ'],
          ['5.3', 'Kết quả nuôi dưỡng và chăm sóc sức khỏe', ['classes']],
          ['5.4', 'Kết quả giáo dục', ['classes']],
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
      article: 'Điều 6 Thông tư 19/2018/TT-BGDĐT (chưa đối chiếu)',
      confirmed: false,
    },
    {
      level: 2,
      requiresLevelBelow: true,
      conditions: [{ kind: 'count', among: 'all', minLevel: 2, atLeast: 17 }],
      article: 'Điều 6 Thông tư 19/2018/TT-BGDĐT (ngưỡng 17 tiêu chí chưa đối chiếu)',
      confirmed: false,
    },
    {
      level: 3,
      requiresLevelBelow: true,
      conditions: [{ kind: 'count', among: 'all', minLevel: 3, atLeast: 17 }],
      article: 'Điều 6 Thông tư 19/2018/TT-BGDĐT (ngưỡng 17 tiêu chí chưa đối chiếu)',
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
      'Thông tư 19/2018/TT-BGDĐT, điều quy định tiêu chuẩn đánh giá trường đạt Mức 4 (số điều chưa đối chiếu)',
    confirmed: false,
    note: 'Mức 4 là danh sách tiêu chí riêng (không phải yêu cầu thêm của từng tiêu chí) cho trường đã đạt Mức 3. Nội dung, số tiêu chí (6 ở đây là hiểu biết nền) và quy tắc "đạt Mức 3 và đạt mọi tiêu chí Mức 4" chưa đối chiếu với Thông tư 19/2018/TT-BGDĐT: Sở nhập nội dung từ văn bản gốc trước khi trường đánh giá.',
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
