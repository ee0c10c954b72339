/**
 * Kept only for part B's staff-search.ts, which imports these two from here:
 * the student search moved to students/. Delete once nothing imports it.
 */
export { EXPORT_MAX_ROWS } from './students/export-students.ts';
export { maskPersonalId } from './students/search-students.ts';
