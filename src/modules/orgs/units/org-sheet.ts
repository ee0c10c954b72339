/** The org tree's spreadsheet columns: docs/formats/org-import.md, to the letter. */
export const ORG_HEADERS = {
  code: 'Mã đơn vị',
  name: 'Tên đơn vị',
  parent: 'Mã đơn vị cấp trên',
  kind: 'Loại đơn vị',
  levels: 'Cấp học',
  ownership: 'Loại hình',
  address: 'Địa chỉ',
} as const;

export type OrgSheetField = keyof typeof ORG_HEADERS;
