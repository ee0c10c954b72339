import { Tag } from 'antd';

/** A register entry's status as the back office shows it. */
export const STATUS = {
  valid: <Tag color="green">Hợp lệ</Tag>,
  corrected: <Tag color="blue">Đã chỉnh sửa</Tag>,
  revoked: <Tag color="red">Đã thu hồi</Tag>,
};
