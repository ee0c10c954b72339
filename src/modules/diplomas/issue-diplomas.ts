import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { requireAuthority } from './access.ts';
import type { IssueBody, IssuedDiploma } from './contract.ts';
import { issueBatch } from './issue-batch.ts';
import { resolveContext, type ContextSource } from './signing.ts';

/** Issues a batch sent from the back office: all numbered and signed, or none. */
export async function issueDiplomas(
  db: Db,
  scope: Scope,
  input: IssueBody,
  context: ContextSource,
): Promise<IssuedDiploma[]> {
  const grant = await requireAuthority(db, scope, input.authorityId, 'registry.write');
  return issueBatch(db, grant, input, resolveContext(context));
}
