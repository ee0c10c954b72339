/**
 * Label tables of the diplomas module, shared by the server and the web:
 * plain data, no imports, so a page importing them bundles nothing else
 * (contract.ts re-exports them beside its schemas).
 */

export const DIPLOMA_TYPES = ['upper_secondary', 'lower_secondary'] as const;
export type DiplomaTypeValue = (typeof DIPLOMA_TYPES)[number];

export const DIPLOMA_STATUSES = ['valid', 'corrected', 'revoked'] as const;

export const DIPLOMA_EVENT_KINDS = ['issue', 'correction', 'revocation', 'copy'] as const;
export type DiplomaEventKindValue = (typeof DIPLOMA_EVENT_KINDS)[number];

/** Short names of the diploma types, as the pages show them. */
export const DIPLOMA_TYPE_LABELS: Record<DiplomaTypeValue, string> = {
  upper_secondary: 'Bằng tốt nghiệp THPT',
  lower_secondary: 'Bằng tốt nghiệp THCS',
};

/** The type code inside serial and register numbers ({type}). */
export const TYPE_CODE: Record<DiplomaTypeValue, string> = {
  upper_secondary: 'THPT',
  lower_secondary: 'THCS',
};

/** Entries of a diploma's history (register events). */
export const DIPLOMA_EVENT_LABELS: Record<DiplomaEventKindValue, string> = {
  issue: 'Cấp',
  correction: 'Chỉnh sửa',
  revocation: 'Thu hồi',
  copy: 'Cấp bản sao',
};
