import { Readable } from 'node:stream';
import QRCode from 'qrcode';
import type { Db } from '../../db/connection.ts';
import { isUuid } from '../../lib/ids.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { badRequest, notFound } from '../../core/errors.ts';
import type { Scope } from '../../core/access/scope.ts';
import type {
  CorrectBody,
  CopyBody,
  Decision,
  DiplomaDetail,
  DiplomaPage,
  GraduateImportResult,
  IssueBody,
  IssuedDiploma,
  IssueFromStudentsAnswer,
  IssueFromStudentsBody,
  ListQuery,
} from './contract.ts';
import { importGraduates } from './import.ts';
import { copyPdf, dataSheetPdf, registerPdf } from './pdf.ts';
import {
  correctDiploma,
  findCopy,
  getDiploma,
  issueDiplomas,
  issueFromStudents,
  listDiplomas,
  recordCopy,
  revokeDiploma,
  type IssueContext,
} from './service.ts';

/**
 * The diplomas use cases as the back office calls them: each takes the
 * caller's Scope and does its own access check (the register of an authority
 * needs registry.read on it, every change registry.write), then calls the
 * register's service functions, which the CLI calls as a system task.
 * `context` is asked for only after the check: a caller outside the scope
 * hears 403, not that the signing key is unconfigured.
 */

type Access = 'registry.read' | 'registry.write';

/** The entry `id` if the caller holds `permission` on its authority: 404 unknown, 403 outside. */
async function requireDiploma(db: Db, scope: Scope, id: string, permission: Access) {
  if (!isUuid(id)) throw notFound('văn bằng');
  const d = await db
    .selectFrom('diploma')
    .select('authority_id')
    .where('id', '=', id)
    .executeTakeFirst();
  if (!d) throw notFound('văn bằng');
  await scope.requireUnit(db, d.authority_id, permission);
}

async function authorityName(db: Db, authorityId: string): Promise<string> {
  const unit = await db
    .selectFrom('org_unit')
    .select('name')
    .where('id', '=', authorityId)
    .executeTakeFirstOrThrow();
  return unit.name;
}

export async function listRegister(db: Db, scope: Scope, query: ListQuery): Promise<DiplomaPage> {
  await scope.requireUnit(db, query.authorityId, 'registry.read');
  return listDiplomas(db, query);
}

export async function printRegister(
  db: Db,
  scope: Scope,
  query: { authorityId: string; year?: number | undefined },
): Promise<Buffer> {
  await scope.requireUnit(db, query.authorityId, 'registry.read');
  return registerPdf(db, query);
}

export async function readDiploma(db: Db, scope: Scope, id: string): Promise<DiplomaDetail> {
  await requireDiploma(db, scope, id, 'registry.read');
  return getDiploma(db, id);
}

export async function printDataSheet(db: Db, scope: Scope, id: string): Promise<Buffer> {
  const d = await readDiploma(db, scope, id);
  return dataSheetPdf(d, await authorityName(db, d.authorityId));
}

export async function printCopy(
  db: Db,
  scope: Scope,
  input: { id: string; eventId: string },
): Promise<{ copyNumber: string; pdf: Buffer }> {
  const d = await readDiploma(db, scope, input.id);
  const copy = findCopy(d, input.eventId);
  return {
    copyNumber: copy.copyNumber,
    pdf: await copyPdf(d, copy, await authorityName(db, d.authorityId)),
  };
}

export async function diplomaQrPng(db: Db, scope: Scope, id: string): Promise<Buffer> {
  const d = await readDiploma(db, scope, id);
  return QRCode.toBuffer(d.qr, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}

export async function issue(
  db: Db,
  scope: Scope,
  body: IssueBody,
  context: () => IssueContext,
): Promise<IssuedDiploma[]> {
  await scope.requireUnit(db, body.authorityId, 'registry.write');
  return issueDiplomas(db, scope.actor, body, context());
}

export async function importGraduationList(
  db: Db,
  scope: Scope,
  input: {
    /** The uploaded file, read only once the caller may write (null: none sent). */
    file: () => Promise<Buffer | null>;
    authorityId: string;
    diplomaType: IssueBody['diplomaType'];
    issueDate: string;
    signerName: string;
    signerTitle: string;
    dryRun: boolean;
  },
  context: () => IssueContext,
): Promise<GraduateImportResult> {
  await scope.requireUnit(db, input.authorityId, 'registry.write');
  const bytes = await input.file();
  if (!bytes) throw badRequest('Chưa chọn tệp danh sách tốt nghiệp (xlsx).');
  try {
    return await importGraduates(db, Readable.from(bytes), {
      authorityId: input.authorityId,
      diplomaType: input.diplomaType,
      issueDate: input.issueDate,
      signerName: input.signerName,
      signerTitle: input.signerTitle,
      dryRun: input.dryRun,
      actor: scope.actor,
      context: context(),
    });
  } catch (error) {
    if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
    throw error;
  }
}

export async function issueToSchool(
  db: Db,
  scope: Scope,
  body: IssueFromStudentsBody,
  context: () => IssueContext,
): Promise<IssueFromStudentsAnswer> {
  await scope.requireUnit(db, body.authorityId, 'registry.write');
  await scope.requireUnit(db, body.schoolId, 'registry.read');
  return issueFromStudents(db, scope.actor, body, context());
}

export async function correct(
  db: Db,
  scope: Scope,
  id: string,
  body: CorrectBody,
  context: () => IssueContext,
): Promise<DiplomaDetail> {
  await requireDiploma(db, scope, id, 'registry.write');
  const { changes, ...decision } = body;
  await correctDiploma(db, scope.actor, id, decision, changes, context());
  return getDiploma(db, id);
}

export async function revoke(
  db: Db,
  scope: Scope,
  id: string,
  decision: Decision,
): Promise<DiplomaDetail> {
  await requireDiploma(db, scope, id, 'registry.write');
  await revokeDiploma(db, scope.actor, id, decision);
  return getDiploma(db, id);
}

export async function recordCopyOf(
  db: Db,
  scope: Scope,
  id: string,
  body: CopyBody,
): Promise<DiplomaDetail> {
  await requireDiploma(db, scope, id, 'registry.write');
  await recordCopy(db, scope.actor, id, body);
  return getDiploma(db, id);
}
