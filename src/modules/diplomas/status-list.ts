import { AppError } from '../../core/errors.ts';
import type { Db } from '../../db/connection.ts';
import { signDocument, type JsonObject } from '../../lib/credentials/data-integrity.ts';
import { buildStatusListCredential, makeBitstring } from './credentials/diploma-credential.ts';
import { findUnitByCode } from '../orgs/index.ts';
import { activeSigner } from './keys.ts';
import { revokedSlots, statusListState } from './repo.ts';
import { isoSeconds, resolveContext, statusListUrl, type ContextSource } from './signing.ts';

/**
 * Signed status lists kept per process, each with the version it was signed
 * at. A list changes only when a slot is reserved (issue, correction), a slot
 * is revoked (revocation, correction; slots are never un-revoked) or the key
 * rotates, so the version is those three read from the database on every
 * call: another process's revocation is seen at the next call, and the key is
 * decrypted and the list signed again only then.
 */
export class StatusListCache {
  private readonly lists = new Map<string, { version: string; credential: JsonObject }>();
  private readonly signing = new Map<string, Promise<JsonObject>>();
  /** Lists signed so far by this cache (each one decrypts the issuer key). */
  signatures = 0;

  async get(key: string, version: string, sign: () => Promise<JsonObject>): Promise<JsonObject> {
    const cached = this.lists.get(key);
    if (cached?.version === version) return cached.credential;
    // Concurrent misses of one version share a signature.
    const at = `${key}\n${version}`;
    let pending = this.signing.get(at);
    if (!pending) {
      pending = sign().then(
        (credential) => {
          this.signatures++;
          this.lists.set(key, { version, credential });
          this.signing.delete(at);
          return credential;
        },
        (error: unknown) => {
          this.signing.delete(at);
          throw error;
        },
      );
      this.signing.set(at, pending);
    }
    return pending;
  }
}

/** The status list of a unit that issues no diplomas (no issuer key), or of no unit. */
export const noStatusList = (authorityCode: string) =>
  new AppError(
    404,
    'Không tìm thấy',
    `Không có danh sách trạng thái văn bằng của mã đơn vị "${authorityCode}": mã không có, hoặc đơn vị này không cấp văn bằng.`,
  );

/**
 * Public, no sign-in: the authority's signed Bitstring Status List
 * credential (W3C), from `cache` when the list has not changed since it was
 * signed. 404 for a unit without an issuer key (a school, a commune) and for
 * an unknown code.
 */
export async function statusListCredential(
  db: Db,
  input: { code: string },
  context: ContextSource,
  cache: StatusListCache = new StatusListCache(),
): Promise<JsonObject> {
  // The authority by its code through the orgs module (a merged unit's code
  // still answers: the credentials it issued keep their status list URL).
  const unit = await findUnitByCode(db, input.code);
  const state = unit ? await statusListState(db, unit.id) : undefined;
  if (!state) throw noStatusList(input.code);
  const ctx = resolveContext(context);
  const version = `${state.kid} ${String(state.revoked ?? 0)} ${state.size ?? 0}`;
  return cache.get(`${ctx.publicUrl} ${state.id}`, version, async () => {
    const slots = await revokedSlots(db, state.id);
    const signer = await activeSigner(db, state.id, ctx.passphrase);
    const url = statusListUrl(ctx.publicUrl, input.code);
    const now = isoSeconds();
    return signDocument(
      buildStatusListCredential(makeBitstring(slots, state.size ?? 0), {
        url,
        issuerDid: signer.did,
        validFrom: now,
      }),
      {
        privateKey: signer.privateKey,
        verificationMethod: signer.verificationMethod,
        created: now,
      },
    );
  });
}
