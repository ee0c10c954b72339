/**
 * The diploma register: issuing, signing (PDF and verifiable credentials),
 * public lookup and verification. The only file other modules and the app
 * import from this module. Its access rules use the registry's permissions
 * (a school's clerk issues its graduates' diplomas). Light on purpose: the
 * routes (and with them pdfkit, ExcelJS and the QR code library) load when
 * the app is built, the commands' use cases when a command runs.
 */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { DIPLOMAS_AUDIT } from './audit-labels.ts';
import { registerDiplomaCommands } from './cli.ts';

export const diplomasModule = defineModule({
  name: 'diplomas',
  audit: DIPLOMAS_AUDIT,
  routes: async (api, { db, publicUrl, lookupsPerMinute }) =>
    (await import('./routes.ts')).registerDiplomaRoutes(api, { db, publicUrl, lookupsPerMinute }),
  publicRoutes: async (app, { db, publicUrl }) =>
    (await import('./routes.ts')).registerDidDocument(app, { db, publicUrl }),
  commands: registerDiplomaCommands,
  onStart: async (db, context) => (await import('./keys.ts')).ensureIssuerKey(db, context),
});

export { keyPassphrase, type KeyPassphrase } from './passphrase.ts';

/** Every issuer key, current and retired (public data). */
export const listIssuerKeys = lazyFunction(() => import('./keys.ts'), 'listIssuerKeys');

/**
 * A new issuer key for `authorityId`, the active one retired: an operator's
 * system task (the first start, `sogd keys`), never a route.
 */
export const rotateIssuerKey = lazyFunction(() => import('./keys.ts'), 'rotateIssuerKey');

/** The demo's blank forms, inside the demo seed's transaction. */
export const seedDiplomasDemo = lazyFunction(() => import('./demo.ts'), 'seedDiplomasDemo');
/**
 * For the public services (issue #19): find an applicant's own entry (serial,
 * name and date of birth together), record a certified copy in the copy book
 * and print it. The last two check the caller's Scope (registry.write, read).
 */
export const findDiplomaOfApplicant = lazyFunction(
  () => import('./find-for-applicant.ts'),
  'findDiplomaOfApplicant',
);
export const recordCopy = lazyFunction(() => import('./record-copy.ts'), 'recordCopy');
export const printCopy = lazyFunction(() => import('./print-copy.ts'), 'printCopy');
/** The correction decision on an entry (registry.write) and the entry's data sheet, for issue #19. */
export const correctDiploma = lazyFunction(() => import('./correct-diploma.ts'), 'correctDiploma');
export const printDataSheet = lazyFunction(() => import('./print-data-sheet.ts'), 'printDataSheet');
