/**
 * Deadline rules per procedure (docs/formats/services.md), versioned by the
 * day they apply from: a later circular adds a table instead of editing this
 * one. Plain data.
 */

export interface DeadlineRule {
  /** The contract's PROC. */
  procedure: string;
  /** Working days after the receiving day (0: the receiving day itself). */
  workingDays: number;
  /** `HH:MM` (Việt Nam): received after it counts from the next working day. */
  cutoff?: string;
  /** Where the rule lives. */
  source: string;
}

export const DEADLINE_RULE_TABLES: readonly { since: string; rules: readonly DeadlineRule[] }[] = [
  {
    since: '2019-12-15',
    rules: [
      {
        procedure: 'ban-sao-van-bang',
        workingDays: 0,
        cutoff: '15:00',
        source:
          'Thông tư 21/2019/TT-BGDĐT, Quy chế quản lý bằng tốt nghiệp…, Điều 31 khoản 2 điểm b',
      },
      {
        procedure: 'chinh-sua-van-bang',
        workingDays: 5,
        source: 'Thông tư 21/2019/TT-BGDĐT, Điều 22–23 (thời hạn 05 ngày làm việc)',
      },
      {
        procedure: 'cong-nhan-van-bang-nuoc-ngoai',
        workingDays: 20,
        source:
          'Thông tư 13/2021/TT-BGDĐT, sửa đổi bởi Thông tư 07/2024/TT-BGDĐT (20 ngày làm việc; đến 45 ngày nếu phải xác minh ở nước ngoài)',
      },
    ],
  },
];
