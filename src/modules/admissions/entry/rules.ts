/**
 * Entry-grade enrolment (tuyển sinh đầu cấp: grade 1 and grade 6) by
 * residence. The rules that vary by commune are data (a commune's
 * EntryPriorityRules); the ones below come from the law.
 */
import type { EntryCriterion } from '../labels.ts';

/**
 * Luật Giáo dục 2019, Art. 28(1)(a): a child enters grade 1 at 6 years old,
 * counted by calendar year — born in (start year of the school year − 6).
 * Art. 28(1)(b): grade 6 at 11, having completed primary school; grade 6
 * eligibility is the registry's "finished grade 5", not checked here.
 * Earlier or later entry is an exception the school records with a reason
 * (Art. 28(1), last paragraph: children with disabilities, ethnic minority
 * children in difficult areas, children returning from abroad…).
 */
export const GRADE_ONE_AGE = 6;

export function gradeOneBirthYear(schoolYear: string): number {
  return Number(schoolYear.slice(0, 4)) - GRADE_ONE_AGE;
}

export type BirthYearCheck = { ok: true } | { ok: false; expected: number; message: string };

/** A grade-1 child's birth year against the school year (an exception lets any year through). */
export function checkGradeOneBirthYear(
  schoolYear: string,
  dateOfBirth: string,
  exceptionReason: string | null,
): BirthYearCheck {
  const expected = gradeOneBirthYear(schoolYear);
  const year = Number(dateOfBirth.slice(0, 4));
  if (year === expected || (exceptionReason && exceptionReason.trim() !== '')) return { ok: true };
  return {
    ok: false,
    expected,
    message:
      `Trẻ sinh năm ${year}: vào lớp 1 năm học ${schoolYear} phải sinh năm ${expected} ` +
      `(Luật Giáo dục 2019, Điều 28). Nếu trẻ thuộc diện vào học sớm hoặc muộn hơn, hãy ghi lý do ngoại lệ.`,
  };
}

/**
 * What may place one in-catchment child before another at an oversubscribed
 * school, in the order the commune's plan lists them (the plan is approved
 * by the commune People's Committee; TT 30/2024 Art. 12 for grade 6, and the
 * province's plan for grade 1). Anything still tied goes to the lottery.
 * - permanent-residence: thường trú before tạm trú;
 * - sibling: a brother or sister already studying at the school;
 * - distance: nearer home first (needs coordinates of the area and school).
 */
// The list and its labels live in labels.ts, which the web's new-campaign form reads too.
export { ENTRY_CRITERIA, ENTRY_CRITERION_LABELS, type EntryCriterion } from '../labels.ts';

export interface EntryPriorityRules {
  /** The commune's order; criteria not listed are not used. */
  order: readonly EntryCriterion[];
  /** The published seed of the lottery that breaks the remaining ties. */
  seed: number;
  /**
   * Children left without a seat are offered the nearest school of their
   * commune that still has seats (the plan's "điều tiết").
   */
  overflowInCommune: boolean;
  /** The documents families upload with the application (entry/evidence.ts); absent: none. */
  documents?: readonly EntryDocument[];
}

/**
 * Documents a campaign may ask the family to upload with the application
 * (issue #15, "uploads evidence if asked"): proof of residence (giấy xác
 * nhận thông tin cư trú), the birth certificate (giấy khai sinh), and for
 * grade 6 the primary-school record (học bạ / giấy xác nhận hoàn thành
 * chương trình tiểu học). Which ones are asked is the commune's plan (TT
 * 30/2024 Art. 12: the plan sets the admission dossier); we found no national
 * list for grade 1, and a 2025 Government resolution drops dossier items
 * that national databases hold (CSDL dân cư), so none is asked by default.
 * Unconfirmed: whether a province may still require scans of these.
 */
export const ENTRY_DOCUMENTS = ['residence', 'birth-certificate', 'primary-record'] as const;
export type EntryDocument = (typeof ENTRY_DOCUMENTS)[number];

export const ENTRY_DOCUMENT_LABELS: Record<EntryDocument, { vi: string; en: string }> = {
  residence: { vi: 'Giấy xác nhận cư trú', en: 'Proof of residence' },
  'birth-certificate': { vi: 'Giấy khai sinh', en: 'Birth certificate' },
  'primary-record': {
    vi: 'Học bạ / giấy xác nhận hoàn thành chương trình tiểu học',
    en: 'Primary-school record',
  },
};
