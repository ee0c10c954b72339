/**
 * The diplomas module's routes as the pages call them (the register, its
 * changes, the public lookup): each function names the route as the server
 * declares it and answers the type its contract gives that route's schema.
 * The verify page reads the public keys and status lists with fetch itself
 * (it must work offline): their types are here too.
 */
import type { z } from 'zod';
import type {
  BlankStock,
  CopyBody,
  CorrectBody,
  Decision,
  DiplomaDetail,
  DiplomaPage,
  GraduateImportResult,
  GraduatesAnswer,
  graduatesQuery,
  IssuedDiploma,
  IssueFromStudentsAnswer,
  issueFromStudentsBody,
  ReceiveBlanksBody,
  SpoilBlankBody,
  ImportQuery,
  issueBody,
  listQuery,
  LookupAnswer,
  lookupQuery,
  PublicKey,
  SignedCredential,
} from '../../../../src/modules/diplomas/contract.ts';
import { route, url, type QueryOf } from '../../shared/api.ts';

const byId = (id: string) => ({ params: { id } });

export const diplomasApi = {
  /** The register of an issuing authority, a page at a time. */
  list: (query: QueryOf<z.input<typeof listQuery>>) =>
    route.get<DiplomaPage>('/api/diplomas', { query }),
  diploma: (id: string) => route.get<DiplomaDetail>('/api/diplomas/:id', byId(id)),
  correct: (id: string, body: CorrectBody) =>
    route.post<DiplomaDetail>('/api/diplomas/:id/correct', body, byId(id)),
  revoke: (id: string, body: Decision) =>
    route.post<DiplomaDetail>('/api/diplomas/:id/revoke', body, byId(id)),
  copy: (id: string, body: CopyBody) =>
    route.post<DiplomaDetail>('/api/diplomas/:id/copy', body, byId(id)),
  /**
   * Issues from a graduates' list (xlsx); dryRun '1' checks only. A file with
   * errors answers 422 with the same report (ApiError.body).
   */
  importGraduates: (query: ImportQuery, file: FormData) =>
    route.post<GraduateImportResult>('/api/diplomas/import', file, { query }),
  /** One or more graduates typed in by hand. */
  issue: (body: z.input<typeof issueBody>) =>
    route.post<IssuedDiploma[]>('/api/diplomas/issue', body),
  /** A school's final-grade students of a year, and whether each already holds one. */
  graduates: (query: QueryOf<z.input<typeof graduatesQuery>>) =>
    route.get<GraduatesAnswer>('/api/diplomas/graduates', { query }),
  /** Issues to the students chosen on the preview. */
  issueFromStudents: (body: z.input<typeof issueFromStudentsBody>) =>
    route.post<IssueFromStudentsAnswer>('/api/diplomas/issue-from-students', body),
  /** The stock of blank forms (phôi). */
  blanks: (authorityId: string) =>
    route.get<BlankStock>('/api/diplomas/blanks', { query: { authorityId } }),
  receiveBlanks: (body: ReceiveBlanksBody) => route.post<BlankStock>('/api/diplomas/blanks', body),
  spoilBlank: (body: SpoilBlankBody) =>
    route.post<BlankStock>('/api/diplomas/blanks/spoiled', body),
  /** The public lookup (no sign-in): all of number, name and birth date must match. */
  lookup: (query: z.input<typeof lookupQuery>) =>
    route.get<LookupAnswer>('/api/public/diplomas/lookup', { query }),
};

/** The answer of /api/public/keys. */
export type PublicKeys = PublicKey[];
/** The answer of /api/public/status/:code: a signed BitstringStatusList credential. */
export type StatusListCredential = SignedCredential & {
  credentialSubject: { encodedList: string };
};

/** Links to the module's files and the public routes the verify page fetches itself. */
export const diplomaFiles = {
  register: (authorityId: string) => url('/api/diplomas/register.pdf', {}, { authorityId }),
  qr: (id: string) => url('/api/diplomas/:id/qr.png', { id }),
  credential: (id: string) => url('/api/diplomas/:id/credential.json', { id }),
  copy: (id: string, eventId: string) =>
    url('/api/diplomas/:id/copies/:eventId/ban-sao.pdf', { id, eventId }),
  publicKeys: () => url('/api/public/keys'),
  statusList: (code: string) => url('/api/public/status/:code', { code }),
};
