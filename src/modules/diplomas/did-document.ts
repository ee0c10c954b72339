import type { Db } from '../../db/connection.ts';
import type { DidDocument } from './contract.ts';
import { listIssuerKeys } from './keys.ts';

/** Public: the did:web document of this host (`did`), listing every issuer key, current and retired. */
export async function didDocument(db: Db, input: { did: string }): Promise<DidDocument> {
  const { did } = input;
  const keys = await listIssuerKeys(db);
  const methods = keys.map((k) => ({
    id: `${did}#${k.kid}`,
    type: 'Multikey' as const,
    controller: did,
    publicKeyMultibase: k.publicKeyMultibase,
  }));
  return {
    '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
    id: did,
    alsoKnownAs: keys.map((k) => k.did),
    verificationMethod: methods,
    assertionMethod: methods.map((m) => m.id),
  };
}
