/**
 * Jobs report their steps in Vietnamese (the server's language); the pages
 * show them in English from this table, the step as written when it is not here.
 */
export const STEPS_EN: Record<string, string> = {
  'Xoá phiên đăng nhập hết hạn': 'Removing expired sessions',
  'Xoá tiến độ của công việc đã xoá': 'Removing the progress of deleted jobs',
  'Đang đọc danh sách học sinh': 'Reading the list of students',
  'Đang ghi tệp Excel': 'Writing the Excel file',
  Xong: 'Done',
};

export const stepText = (step: string, lang: 'vi' | 'en'): string =>
  lang === 'en' ? (STEPS_EN[step] ?? step) : step;
