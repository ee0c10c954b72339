import type { Permission } from '../../core/access/permissions.ts';
import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import type { FileStore } from '../../core/files/store.ts';
import type { Mailer } from '../../core/mail/mailer.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { ApplicationStatus } from '../../db/schema.ts';
import { isUuid, uuidv7 } from '../../lib/ids.ts';
import { correctDiploma, printCopy, printDataSheet, recordCopy } from '../diplomas/index.ts';
import { registerOutgoing, signPdf, withdrawOutgoing } from '../office/index.ts';
import { loadCalendar } from './calendar.ts';
import { procedureById } from './catalogue.ts';
import type {
  ActionBody,
  ApplicationAction,
  ApplicationDetail,
  CopyDetails,
  CorrectionDetails,
} from './contract.ts';
import { daysLeftWhenStopped, deadlineRule, dueAfterRestart, inVietnam } from './deadline.ts';
import { getApplication } from './get-application.ts';
import { ACTION_LABELS, STATUS_LABELS } from './labels.ts';
import { applicationById, insertEvent, lockApplication, updateApplication } from './repo.ts';
import { requireDepartment } from './staff.ts';

/**
 * The steps of the one-stop process (Decree 61/2018/NĐ-CP, Art. 18–20, as
 * the department's ISO 9001 process lays them out): which status each
 * action starts from, where it leads and who may take it.
 */
const STEPS: Record<
  ApplicationAction,
  { from: ApplicationStatus[]; to: ApplicationStatus; permission: Permission; noteRequired?: true }
> = {
  request_additions: {
    from: ['received', 'handling'],
    to: 'additions',
    permission: 'services.receive',
    noteRequired: true,
  },
  additions_received: { from: ['additions'], to: 'received', permission: 'services.receive' },
  hand_over: { from: ['received'], to: 'handling', permission: 'services.receive' },
  submit: { from: ['handling'], to: 'approval', permission: 'services.handle' },
  approve: { from: ['approval'], to: 'done', permission: 'services.approve' },
  return: {
    from: ['approval'],
    to: 'handling',
    permission: 'services.approve',
    noteRequired: true,
  },
  refuse: {
    from: ['received', 'handling', 'approval', 'additions'],
    to: 'refused',
    permission: 'services.approve',
    noteRequired: true,
  },
};

function checkStep(
  a: { version: number; status: ApplicationStatus },
  input: ActionBody,
  from: ApplicationStatus[],
): void {
  if (a.version !== input.version)
    throw conflict('Hồ sơ vừa được người khác cập nhật. Hãy tải lại rồi thao tác tiếp.');
  if (!from.includes(a.status))
    throw badRequest(
      `Không thể "${ACTION_LABELS.vi[input.action]}" khi hồ sơ đang ở trạng thái "${STATUS_LABELS.vi[a.status]}".`,
    );
}

export interface ActDeps {
  files: FileStore;
  mail: Mailer;
  /** Signing a corrected diploma's new credential: the key passphrase and the public URL. */
  diplomaSigning?: () => { passphrase: string; publicUrl: string };
  /** The office keys' passphrase: the certified copy is signed with the department's unit certificate. */
  officeSigning?: () => Promise<string>;
}

/**
 * One step on an application, checked against its status and version (a
 * stale form gets 409). Asking for additions stops the clock (the working
 * days left are kept); receiving them restarts it from that day. Approving a
 * copy request records the copy in the diploma register's copy book and
 * keeps its PDF as the result the applicant downloads.
 */
export async function actOnApplication(
  db: Db,
  scope: Scope,
  input: { id: string } & ActionBody,
  deps: ActDeps,
  now: Date = new Date(),
): Promise<ApplicationDetail> {
  const step = STEPS[input.action];
  const department = await requireDepartment(db, scope, step.permission);
  const current = isUuid(input.id) ? await applicationById(db, input.id) : undefined;
  if (!current || current.authority_id !== department.id) throw notFound('hồ sơ');
  const note = input.note?.trim() || null;
  if (step.noteRequired && !note)
    throw badRequest('Cần ghi rõ lý do (người nộp sẽ nhận được nội dung này).', [
      { path: 'body.note', message: 'Cần ghi lý do' },
    ]);
  checkStep(current, input, step.from);
  const procedure = procedureById(current.procedure);
  const rule = procedure?.deadline
    ? deadlineRule(procedure.deadline, inVietnam(new Date(current.received_at)).date)
    : undefined;

  // The result is prepared before the transaction that marks the step, so a
  // failure here (a revoked diploma) changes nothing.
  let result: Record<string, unknown> | null = null;
  let resultSha: string | null = null;
  if (input.action === 'approve' && procedure?.result === 'diploma_copy') {
    if (!current.diploma_id) throw badRequest('Hồ sơ không gắn với văn bằng nào trong sổ gốc.');
    const details = current.details as CopyDetails;
    const detail = await recordCopy(
      db,
      scope,
      {
        id: current.diploma_id,
        requester: current.full_name,
        copies: details.copies,
        reason: `${details.reason} (hồ sơ ${current.code})`.slice(0, 300),
      },
      now,
    );
    const event = detail.history.filter((e) => e.kind === 'copy').at(-1);
    if (!event) throw new Error('Sổ cấp bản sao không ghi nhận bản sao vừa cấp.');
    const copy = await printCopy(db, scope, { id: current.diploma_id, eventId: event.id });
    // The electronic copy carries the department's digital signature (PAdES,
    // the office's unit certificate): the department keeps the register and
    // issues copies from it (Circular 21/2019/TT-BGDĐT Art. 31; copies from
    // the original register, Decree 23/2015/NĐ-CP). Which article makes the
    // signed electronic copy valid is not confirmed (docs/services.md).
    if (!deps.officeSigning) throw new Error('Chưa cấu hình khoá ký văn bản của Sở.');
    const signed = await signPdf(db, scope, {
      pdf: copy.pdf,
      passphrase: await deps.officeSigning(),
      reason: `Bản sao văn bằng từ sổ gốc, số ${copy.copyNumber} (hồ sơ ${current.code})`,
      signingTime: new Date(Math.floor(now.getTime() / 1000) * 1000),
    });
    const stored = await deps.files.put(signed.pdf, { maxBytes: 20 * 1024 * 1024 });
    resultSha = stored.sha256;
    result = {
      kind: 'diploma_copy',
      copyNumber: copy.copyNumber,
      paper: details.paper,
      signedBy: signed.subject,
      signedAt: signed.signedAt,
      note: `Bản sao số ${copy.copyNumber}${details.paper ? '; bản giấy nhận tại Bộ phận một cửa' : ''}`,
    };
  } else if (input.action === 'approve' && procedure?.result === 'diploma_correction') {
    if (!current.diploma_id) throw badRequest('Hồ sơ không gắn với văn bằng nào trong sổ gốc.');
    if (!deps.diplomaSigning) throw new Error('Chưa cấu hình khoá ký văn bằng.');
    const details = current.details as CorrectionDetails;
    // The correction decision is the department's outgoing document, numbered
    // in its register by the office's own use case (Decree 30/2020/NĐ-CP
    // Art. 15: number and notation); the register entry takes that number and
    // date (Circular 21/2019/TT-BGDĐT: the content is corrected by a decision
    // of the competent authority; its article is not confirmed, see
    // docs/services.md) — no number typed twice.
    const decision = await registerOutgoing(db, scope, {
      type: 'QĐ',
      subject:
        `Quyết định chỉnh sửa nội dung văn bằng số hiệu ${details.serialNumber} của ${current.full_name} (hồ sơ ${current.code})`.slice(
          0,
          1000,
        ),
      signerName: scope.user.fullName.slice(0, 200),
      outsideRecipients: [current.full_name.slice(0, 300)],
    });
    const decisionNumber = decision.notation;
    try {
      // The register takes the new values with the decision, and re-issues the credential.
      await correctDiploma(
        db,
        scope,
        {
          id: current.diploma_id,
          decisionNumber,
          decisionDate: inVietnam(now).date,
          reason: `Theo ${details.civilDecision} (hồ sơ ${current.code})`.slice(0, 500),
          changes: details.changes,
        },
        deps.diplomaSigning,
      );
    } catch (error) {
      // The register refused (a revoked entry): the decision is recalled, its number not reused.
      await withdrawOutgoing(db, scope, decision.id, `hồ sơ ${current.code} không chỉnh sửa được`);
      throw error;
    }
    const sheet = await printDataSheet(db, scope, { id: current.diploma_id });
    resultSha = (await deps.files.put(sheet, { maxBytes: 20 * 1024 * 1024 })).sha256;
    result = {
      kind: 'diploma_correction',
      decisionNumber,
      outgoingId: decision.id,
      note: `Quyết định chỉnh sửa số ${decisionNumber}; văn bằng đã được cấp lại thông tin`,
    };
  } else if (input.action === 'approve') {
    result = { kind: procedure?.result ?? 'letter', note: note ?? 'Đã phê duyệt' };
  }

  // Read before the transaction: the embedded database has one connection.
  const calendar = await loadCalendar(db);
  await writeTransaction(db, scope.actor, async (tx) => {
    const a = await lockApplication(tx, current.id);
    if (!a) throw notFound('hồ sơ');
    checkStep(a, input, step.from);
    const patch: Parameters<typeof updateApplication>[2] = { status: step.to };
    const due = String(a.due_date).slice(0, 10);
    if (input.action === 'request_additions') {
      patch.stopped_at = now;
      patch.days_left = daysLeftWhenStopped(calendar, due, now);
    }
    if (input.action === 'additions_received' && rule) {
      patch.due_date = dueAfterRestart(calendar, rule, a.days_left ?? 0, now);
      patch.stopped_at = null;
      patch.days_left = null;
    }
    if (input.action === 'approve' || input.action === 'refuse') {
      patch.finished_at = now;
      patch.finished_on_time = inVietnam(now).date <= due;
      patch.result = result ? JSON.stringify(result) : null;
      patch.result_sha256 = resultSha;
    }
    await updateApplication(tx, a.id, patch);
    await insertEvent(tx, {
      id: uuidv7(now.getTime()),
      application_id: a.id,
      kind: input.action,
      status: step.to,
      note:
        input.action === 'additions_received' && patch.due_date
          ? `Hạn mới ${patch.due_date.split('-').reverse().join('/')}${note ? `; ${note}` : ''}`
          : note,
      actor: scope.actor.name,
      at: now,
    });
  });

  if (['request_additions', 'approve', 'refuse'].includes(input.action)) {
    const what =
      input.action === 'request_additions'
        ? `cần bổ sung: ${note}`
        : input.action === 'approve'
          ? `đã có kết quả (${typeof result?.note === 'string' ? result.note : ''}). Tải kết quả bằng mã hồ sơ và số định danh.`
          : `bị từ chối: ${note}`;
    await deps.mail.send({
      to: current.email,
      subject: `Hồ sơ ${current.code}: ${STATUS_LABELS.vi[step.to]}`,
      text: `Hồ sơ ${current.code} (${procedure?.name ?? current.procedure}) ${what}`,
    });
  }
  return getApplication(db, scope, current.id, now);
}
