/**
 * The diploma register: issuing, signing (PDF and verifiable credentials),
 * public lookup and verification. The only file other modules and the app
 * import from this module. Its access rules use the registry's permissions
 * (a school's clerk issues its graduates' diplomas). Light on purpose: the
 * routes (and with them pdfkit, ExcelJS and the QR code library) load when
 * the app is built, the commands' use cases when a command runs.
 */
import { defineModule } from '../../core/module.ts';
import type { Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { registerDiplomaCommands } from './cli.ts';
import type { PublicKeyInfo } from './keys.ts';

export const diplomasModule = defineModule({
  name: 'diplomas',
  routes: async (api, { db, publicUrl, lookupsPerMinute }) =>
    (await import('./routes.ts')).registerDiplomaRoutes(api, { db, publicUrl, lookupsPerMinute }),
  publicRoutes: async (app, { db, publicUrl }) =>
    (await import('./routes.ts')).registerDidDocument(app, { db, publicUrl }),
  commands: registerDiplomaCommands,
});

export { keyPassphrase, type KeyPassphrase } from './passphrase.ts';

/** Every issuer key, current and retired (public data). */
export async function listIssuerKeys(db: Db): Promise<PublicKeyInfo[]> {
  return (await import('./keys.ts')).listIssuerKeys(db);
}

/**
 * A new issuer key for `authorityId`, the active one retired: an operator's
 * system task (the first start, `sogd keys`), never a route.
 */
export async function rotateIssuerKey(
  db: Db,
  actor: Actor,
  authorityId: string,
  passphrase: string,
): Promise<PublicKeyInfo> {
  return (await import('./keys.ts')).rotateIssuerKey(db, actor, authorityId, passphrase);
}
