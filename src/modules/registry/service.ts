/**
 * Kept only for part B's files (transfers.ts, cli.ts), which import
 * `schoolYearOf` from here: classes and students moved to classes/ and
 * students/. Delete once nothing imports it (import from ./contract.ts).
 */
export { schoolYearOf } from './contract.ts';
