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

/**
 * Optional import columns outside the contract above (docs/schools.md): a
 * school's location, for the entry-grade distance criterion. Read when
 * present, never exported, so the contract's export ↔ import round trip
 * stays as it is; a file without them leaves locations as they are.
 */
export const ORG_LOCATION_HEADERS = {
  latitude: 'Vĩ độ',
  longitude: 'Kinh độ',
} as const;

export type OrgLocationField = keyof typeof ORG_LOCATION_HEADERS;
