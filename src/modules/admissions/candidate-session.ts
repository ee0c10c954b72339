import { createHash, randomBytes } from 'node:crypto';
import type { Scope } from '../../core/access/scope.ts';
import { AppError, unauthorized } from '../../core/errors.ts';
import { AttemptThrottle } from '../../core/http/rate-limit.ts';
import type { Db } from '../../db/connection.ts';
import { verifyPassword } from '../../lib/passwords.ts';
import { isEntryCampaign, publicCampaignRow } from './access.ts';
import {
  candidateByCode,
  candidateByPersonalId,
  insertSession,
  schoolPath,
  sessionByToken,
  type CampaignRow,
} from './repo.ts';

/** A signed-in candidate: what a candidate's use cases act as. */
export interface CandidateScope {
  candidateId: string;
  campaignId: string;
  ip: string | null;
  /** Set when a school's staff member acts for the family (recorded on the version). */
  onBehalfBy?: string | undefined;
}

export const CANDIDATE_COOKIE = 'sogd_candidate';
export const CANDIDATE_SESSION_HOURS = 12;

/*
 * PINs are six digits: the defence is spacing out failed sign-ins, per code
 * (whatever the address: 5 free, then 2 s doubling to 15 min) and per address
 * (50 free, then 1 s doubling to 15 min, so one address cannot sweep codes).
 * Only failures count: a school's or a carrier's shared address signing in
 * hundreds of families successfully is never held back.
 */
const WINDOW_MS = 30 * 60_000;
const codeThrottle = new AttemptThrottle(
  (n) => (n < 5 ? 0 : Math.min(2_000 * 2 ** (n - 5), 15 * 60_000)),
  WINDOW_MS,
);
const addressThrottle = new AttemptThrottle(
  (n) => (n < 50 ? 0 : Math.min(1_000 * 2 ** (n - 50), 15 * 60_000)),
  WINDOW_MS,
);

export function resetCandidateThrottle(): void {
  codeThrottle.clear();
  addressThrottle.clear();
}

export class CandidateSignInThrottled extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'Quá nhiều lần đăng nhập sai',
      `Đã có quá nhiều lần nhập sai mã thí sinh hoặc mã PIN. Vui lòng thử lại sau ${
        retryAfterSeconds < 120
          ? `${retryAfterSeconds} giây`
          : `${Math.ceil(retryAfterSeconds / 60)} phút`
      }.`,
    );
  }
}

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** Signs a candidate in with the slip's code and PIN: a session token and its CSRF token. */
export async function candidateSignIn(
  db: Db,
  input: { campaignId: string; code: string; pin: string; ip: string | null },
): Promise<{ token: string; csrfToken: string }> {
  const campaign = await publicCampaignRow(db, input.campaignId);
  const codeKey = `${campaign.id}:${input.code.toUpperCase()}`;
  const addressKey = input.ip ?? 'unknown';
  const now = Date.now();
  const earliest = Math.max(
    codeThrottle.earliest(codeKey, now),
    addressThrottle.earliest(addressKey, now),
  );
  if (earliest > now) throw new CandidateSignInThrottled(Math.ceil((earliest - now) / 1000));
  codeThrottle.reserve(codeKey, now);
  addressThrottle.reserve(addressKey, now);
  const candidate = await candidateByCode(db, campaign.id, input.code.trim());
  // A hash is checked even for an unknown code, so the timing says nothing about which exist.
  const ok = await verifyPassword(candidate?.pin_hash ?? DUMMY_HASH, input.pin.trim());
  if (!candidate || !ok) throw unauthorized('Mã thí sinh hoặc mã PIN không đúng.');
  codeThrottle.refund(codeKey);
  addressThrottle.refund(addressKey);
  return openSession(db, candidate.id, input.ip, now);
}

async function openSession(
  db: Db,
  candidateId: string,
  ip: string | null,
  now: number,
): Promise<{ token: string; csrfToken: string }> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await insertSession(db, {
    token_hash: hashToken(token),
    candidate_id: candidateId,
    csrf_token: csrfToken,
    ip,
    expires_at: new Date(now + CANDIDATE_SESSION_HOURS * 3_600_000),
  });
  return { token, csrfToken };
}

/**
 * Entry grades (issue #15): a family signs in with the child's 12-digit
 * personal id and date of birth instead of a slip. A child already listed
 * in the campaign must match both; a child not listed yet is looked for in
 * the registry (grade 6: in grade 5 the year before; grade 1: at a preschool,
 * born in the grade-1 year) inside the campaign's subtree, and listed then.
 * The same throttles as the slip's, the personal id standing for the code:
 * a date of birth is easier to guess than a PIN, so failures are spaced out.
 */
export async function entrySignIn(
  db: Db,
  input: { campaignId: string; personalId: string; birthDate: string; ip: string | null },
  listChild: (campaign: CampaignRow) => Promise<string | null>,
): Promise<{ token: string; csrfToken: string }> {
  const campaign = await publicCampaignRow(db, input.campaignId);
  if (!isEntryCampaign(campaign))
    throw unauthorized('Kỳ tuyển sinh lớp 10 đăng nhập bằng mã thí sinh và mã PIN trên phiếu.');
  const codeKey = `${campaign.id}:id:${input.personalId}`;
  const addressKey = input.ip ?? 'unknown';
  const now = Date.now();
  const earliest = Math.max(
    codeThrottle.earliest(codeKey, now),
    addressThrottle.earliest(addressKey, now),
  );
  if (earliest > now) throw new CandidateSignInThrottled(Math.ceil((earliest - now) / 1000));
  codeThrottle.reserve(codeKey, now);
  addressThrottle.reserve(addressKey, now);
  const listed = await candidateByPersonalId(db, campaign.id, input.personalId);
  let candidateId: string | null = null;
  if (listed) candidateId = listed.birth_date === input.birthDate ? listed.id : null;
  else candidateId = await listChild(campaign);
  if (!candidateId)
    throw unauthorized(
      'Mã định danh cá nhân hoặc ngày sinh của trẻ không đúng, hoặc trẻ chưa có trong cơ sở dữ liệu ngành của kỳ tuyển sinh: hãy liên hệ trường mầm non, tiểu học để được cấp mã đăng ký.',
    );
  codeThrottle.refund(codeKey);
  addressThrottle.refund(addressKey);
  return openSession(db, candidateId, input.ip, now);
}

// argon2id of a random string: what an unknown code is checked against.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,t=2,p=1$2mJ7VhpwgefPe9Kz9NrCxA$D3ZyGguYlqFUf9/y3HP2w1IBz1OCm8iVeAj9wT2KUpg';

/**
 * The candidate of a request: its session cookie, for this campaign; on a
 * write, the CSRF token it was given must be echoed in `x-csrf-token`
 * (docs/formats/admissions-campaign.md).
 *
 * A browser also signed in as staff (a school's officer at the desk, with
 * the family's slip) must echo the staff session's token in `x-csrf-token`
 * for the kernel's check; the candidate's token then comes in
 * `x-candidate-csrf`. When that staff member may handle the candidate's
 * school (`admissions.candidates` over it), the versions written are
 * recorded as submitted on the family's behalf by them; otherwise (a parent
 * who is also a teacher elsewhere) they are the candidate's own.
 */
export async function requireCandidate(
  db: Db,
  input: {
    campaignId: string;
    token: string | undefined;
    csrf: string | undefined;
    /** `x-candidate-csrf`, read only beside a staff session. */
    candidateCsrf?: string | undefined;
    /** The staff session of the same browser, whose CSRF token the kernel has checked. */
    staff?: Scope | null;
    write: boolean;
    ip: string | null;
  },
): Promise<CandidateScope> {
  if (!input.token) throw unauthorized('Bạn cần đăng nhập bằng mã thí sinh và mã PIN trên phiếu.');
  const session = await sessionByToken(db, hashToken(input.token));
  if (!session || session.campaign_id !== input.campaignId)
    throw unauthorized('Phiên đăng nhập đã hết hạn; hãy đăng nhập lại bằng mã thí sinh và mã PIN.');
  const staff = input.staff ?? null;
  const echoed =
    input.csrf === session.csrf_token ||
    (staff !== null && input.candidateCsrf === session.csrf_token);
  if (input.write && !echoed)
    throw new AppError(
      403,
      'Thiếu mã chống giả mạo',
      staff
        ? 'Yêu cầu thiếu hoặc sai mã x-candidate-csrf của thí sinh. Hãy tải lại trang và đăng nhập lại bằng phiếu.'
        : 'Yêu cầu thiếu hoặc sai mã x-csrf-token. Hãy tải lại trang và thử lại.',
    );
  let onBehalfBy: string | undefined;
  if (staff?.can('admissions.candidates')) {
    const path = await schoolPath(db, session.school_id);
    if (path && staff.containsPath(path))
      onBehalfBy = `${staff.user.fullName} (${staff.user.username})`;
  }
  return {
    candidateId: session.candidate_id,
    campaignId: session.campaign_id,
    ip: input.ip,
    onBehalfBy,
  };
}
