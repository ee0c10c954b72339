import {
  requireCandidate,
  type CandidateScope,
} from '../../src/modules/admissions/candidate-session.ts';
import { signInByPersonalId } from '../../src/modules/admissions/entry/sign-in.ts';
import type { Db } from '../../src/db/connection.ts';

/**
 * A family signed in by the child's personal id and date of birth (entry
 * grades), as its next request carries the session: may write, with the
 * CSRF token, from the same address.
 */
export async function childSignedIn(
  db: Db,
  input: { campaignId: string; personalId: string; birthDate: string; ip: string },
): Promise<CandidateScope> {
  const { token, csrfToken } = await signInByPersonalId(db, input);
  return requireCandidate(db, {
    campaignId: input.campaignId,
    token,
    csrf: csrfToken,
    write: true,
    ip: input.ip,
  });
}
