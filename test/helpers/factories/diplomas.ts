/**
 * Diplomas for tests, made through the module's own use cases (so they are
 * numbered, signed and audited as real ones): an issuer key, then entries.
 */
import { systemActor } from '../../../src/db/actor.ts';
import type { Db } from '../../../src/db/connection.ts';
import type { Scope } from '../../../src/core/access/scope.ts';
import type { DiplomaType } from '../../../src/db/schema.ts';
import { requireAuthority, systemScope } from '../../../src/modules/diplomas/access.ts';
import type { IssuedDiploma } from '../../../src/modules/diplomas/contract.ts';
import { issueBatch, type GraduateEntry } from '../../../src/modules/diplomas/issue-batch.ts';
import { rotateIssuerKey } from '../../../src/modules/diplomas/keys.ts';
import type { IssueContext } from '../../../src/modules/diplomas/signing.ts';

/** The signing context of every factory call unless one is given. */
export const TEST_SIGNING: IssueContext = {
  passphrase: 'mat-khau-khoa-ky-rat-dai',
  publicUrl: 'https://sogd.test',
};

/** Gives `authorityId` an issuer key (a new one, retiring any active key). */
export async function makeIssuerKey(
  db: Db,
  authorityId: string,
  passphrase = TEST_SIGNING.passphrase,
) {
  return rotateIssuerKey(db, systemActor('test'), authorityId, passphrase);
}

/** The `i`-th graduate of a test list: distinct names, the rest the same. */
export function graduate(i: number, extra: Partial<GraduateEntry> = {}): GraduateEntry {
  return {
    fullName: `Nguyễn Thị Ánh ${i}`,
    birthDate: '2008-03-15',
    birthPlace: 'Đồng Hới, Quảng Bình',
    gender: 'female',
    ethnicity: 'Kinh',
    schoolName: 'Trường THPT Lê Quý Đôn',
    graduationYear: 2026,
    decisionNumber: '1234/QĐ-SGDĐT',
    decisionDate: '2026-07-15',
    ...extra,
  };
}

export interface DiplomaSpec {
  /** The issuing authority (it needs an issuer key: makeIssuerKey). */
  authority: string;
  /** The graduates (default: one, `graduate(1)`); a `studentId` links an entry to the registry. */
  entries?: GraduateEntry[];
  diplomaType?: DiplomaType;
  issueDate?: string;
  /** Who issues (default: a system task); the Scope's access check applies. */
  scope?: Scope;
  signing?: IssueContext;
}

/** Issues `spec.entries` in one batch, as the back office does. */
export async function makeDiplomas(db: Db, spec: DiplomaSpec): Promise<IssuedDiploma[]> {
  const scope = spec.scope ?? systemScope('test');
  const grant = await requireAuthority(db, scope, spec.authority, 'registry.write');
  return issueBatch(
    db,
    grant,
    {
      diplomaType: spec.diplomaType ?? 'upper_secondary',
      issueDate: spec.issueDate ?? '2026-07-20',
      signerName: 'Nguyễn Thị Thúy',
      signerTitle: 'Giám đốc',
      entries: spec.entries ?? [graduate(1)],
    },
    spec.signing ?? TEST_SIGNING,
  );
}

/** One diploma: `graduate(1)` with `extra` (e.g. a name, a `studentId`). */
export async function makeDiploma(
  db: Db,
  spec: Omit<DiplomaSpec, 'entries'> & { entry?: Partial<GraduateEntry> },
): Promise<IssuedDiploma> {
  const [issued] = await makeDiplomas(db, { ...spec, entries: [graduate(1, spec.entry)] });
  return issued!;
}
