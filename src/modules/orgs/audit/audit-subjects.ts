import type { Scope } from '../../../core/access/scope.ts';
import { auditSubjects } from '../../../core/audit.ts';
import type { AuditSubjectList } from '../contract.ts';

/** The kinds of record the log can be filtered by, named as each module names them. */
export function listAuditSubjects(scope: Scope): AuditSubjectList {
  scope.require('audit.read');
  return auditSubjects();
}
