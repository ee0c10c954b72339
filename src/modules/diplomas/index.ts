/**
 * The diploma register: issuing, signing (PDF and verifiable credentials),
 * public lookup and verification. The only file other modules and the app
 * import from this module. Its access rules use the registry's permissions
 * (a school's clerk issues its graduates' diplomas).
 */
import { defineModule } from '../../core/module.ts';
import { registerDiplomaCommands } from './cli.ts';
import { registerDiplomaRoutes, registerDidDocument } from './routes.ts';

export const diplomasModule = defineModule({
  name: 'diplomas',
  routes: (api, { db, publicUrl, lookupsPerMinute }) =>
    registerDiplomaRoutes(api, { db, publicUrl, lookupsPerMinute }),
  publicRoutes: (app, { db, publicUrl }) => registerDidDocument(app, { db, publicUrl }),
  commands: registerDiplomaCommands,
});

export { keyPassphrase, listIssuerKeys, rotateIssuerKey, type KeyPassphrase } from './keys.ts';
