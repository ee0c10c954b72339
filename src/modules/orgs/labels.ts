/**
 * The names of roles, unit kinds, school levels and ownerships, in each
 * language of the pages: the one table the server (Vietnamese messages, the
 * org import's cell values) and the web (web/src/i18n.ts) both read. Plain
 * data: it imports only types, so the web bundles no zod for it.
 */
import type { Kind, Level, Ownership } from './contract.ts';

type Named<T extends string> = { vi: Record<T, string>; en: Record<T, string> };

/** Role names live with the roles, in the kernel (core/access/roles.ts). */
export { ROLE_NAMES } from '../../core/access/roles.ts';

/** The Vietnamese names are also the values of the org import's "Loại đơn vị" column. */
export const KIND_NAMES: Named<Kind> = {
  vi: {
    department: 'Sở',
    office: 'Phòng',
    commune: 'Xã/Phường',
    school: 'Trường',
    centre: 'Trung tâm',
    other: 'Khác',
  },
  en: {
    department: 'Department',
    office: 'Office',
    commune: 'Commune/ward',
    school: 'School',
    centre: 'Centre',
    other: 'Other',
  },
};

/** The Vietnamese names are also the values of the org import's "Cấp học" column. */
export const LEVEL_NAMES: Named<Level> = {
  vi: {
    preschool: 'Mầm non',
    primary: 'Tiểu học',
    lower_secondary: 'THCS',
    upper_secondary: 'THPT',
  },
  en: {
    preschool: 'Preschool',
    primary: 'Primary',
    lower_secondary: 'Lower secondary',
    upper_secondary: 'Upper secondary',
  },
};

/** The Vietnamese names are also the values of the org import's "Loại hình" column. */
export const OWNERSHIP_NAMES: Named<Ownership> = {
  vi: { public: 'Công lập', private: 'Ngoài công lập' },
  en: { public: 'Public', private: 'Private' },
};
