import { randomBytes } from 'node:crypto';
import { systemActor, writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import { hashPassword } from '../../../lib/passwords.ts';
import { entrySignIn } from '../candidate-session.ts';
import { previousYear } from '../issue-candidates.ts';
import {
  candidateByPersonalId,
  candidateCount,
  insertCandidates,
  lockCandidateCodes,
  type CampaignRow,
} from '../repo.ts';
import { registryChild } from './repo.ts';

/**
 * Signs a family in with the child's personal id and date of birth
 * (candidate-session.ts's entrySignIn), listing a registry child who is not
 * in the campaign yet: grade 6 from grade 5, grade 1 from preschool, the year
 * before the campaign's, in its subtree. The listing is audited as the
 * family's own act, with its address.
 */
export function signInByPersonalId(
  db: Db,
  input: { campaignId: string; personalId: string; birthDate: string; ip: string | null },
): Promise<{ token: string; csrfToken: string }> {
  return entrySignIn(db, input, (campaign) => listRegistryChild(db, campaign, input));
}

/**
 * The PIN hash of a child listed at sign-in: this family signs in with the
 * personal id, and no PIN opens the child's code. One argon2id hash of 32
 * random bytes that are never kept, made once per process: a hash per child
 * (of a PIN nobody is shown) cost about 13 ms of CPU (27 ms wall at load
 * average 7) on every first sign-in, several times the rest of a request's
 * work (bench/entry-load.ts: 1.8 ms of server CPU per request) when
 * families sign in without a slip at the opening.
 */
let unknownPin: Promise<string> | undefined;
function unknownPinHash(): Promise<string> {
  unknownPin ??= hashPassword(randomBytes(32).toString('base64url'));
  unknownPin.catch(() => (unknownPin = undefined));
  return unknownPin;
}

async function listRegistryChild(
  db: Db,
  campaign: CampaignRow,
  input: { personalId: string; birthDate: string; ip: string | null },
): Promise<string | null> {
  if (campaign.status !== 'open') return null;
  const child = await registryChild(db, {
    rootPath: campaign.unit_path,
    schoolYear: previousYear(campaign.school_year),
    grade: campaign.grade === 1 ? null : campaign.grade - 1,
    personalId: input.personalId,
    birthDate: input.birthDate,
  });
  if (!child) return null;
  const pinHash = await unknownPinHash();
  for (let attempt = 0; ; attempt++) {
    const id = uuidv7();
    try {
      await writeTransaction(
        db,
        { ...systemActor('gia đình đăng nhập bằng mã định danh của trẻ'), ip: input.ip },
        async (tx) => {
          // One listing at a time per campaign, the next code counted inside the lock: families
          // signing in at once all counted the same number before, and 6 % of the first
          // sign-ins failed with 409 after five tries at the opening (bench/entry-load.ts).
          await lockCandidateCodes(tx, campaign.id);
          const number = (await candidateCount(tx, campaign.id)) + 1 + attempt;
          await insertCandidates(tx, [
            {
              campaign_id: campaign.id,
              id,
              code: `${campaign.school_year.slice(2, 4)}${String(number).padStart(6, '0')}`,
              pin_hash: pinHash,
              student_id: child.student_id,
              school_id: child.school_id,
              full_name: child.full_name,
              birth_date: child.birth_date,
              personal_id: child.personal_id,
            },
          ]);
        },
      );
      return id;
    } catch (error) {
      // Two sign-ins at once, or a code taken meanwhile: the listed one wins, or try the next code.
      if ((error as { code?: unknown }).code !== '23505' || attempt >= 5) throw error;
      const listed = await candidateByPersonalId(db, campaign.id, input.personalId);
      if (listed) return listed.id;
    }
  }
}
