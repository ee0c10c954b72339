/** The catchment workbook's columns (one row per area × school × grade). */
export const CATCHMENT_HEADERS = {
  commune: 'Mã xã/phường',
  areaCode: 'Mã khu dân cư',
  areaName: 'Tên khu dân cư (thôn, tổ dân phố)',
  grade: 'Lớp',
  school: 'Mã trường',
  latitude: 'Vĩ độ',
  longitude: 'Kinh độ',
} as const;

export type CatchmentField = keyof typeof CATCHMENT_HEADERS;
