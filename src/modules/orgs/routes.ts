import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../db/connection.ts';
import { requireScope, SESSION_COOKIE } from '../../core/http/context.ts';
import { badRequest, unauthorized } from '../../core/errors.ts';
import { UnreadableWorkbookError } from '../../lib/xlsx.ts';
import { PassThrough, Readable } from 'node:stream';
import { idParams, noContent } from '../../core/contract.ts';
import {
  auditList,
  auditSubjectList,
  auditQuery,
  changePasswordBody,
  createdUser,
  loginBody,
  mergeUnitBody,
  moveUnitBody,
  newUnitBody,
  newUserBody,
  orgExportFile,
  orgImportQuery,
  orgImportResult,
  session,
  temporaryPassword,
  unitDetail,
  unitHistoryList,
  unitList,
  unitPatchBody,
  unitSearchQuery,
  userList,
  userListQuery,
  userPatchBody,
  userRow,
} from './contract.ts';
import { listAudit } from './audit/list-audit.ts';
import { listAuditSubjects } from './audit/audit-subjects.ts';
import { unitHistory } from './audit/unit-history.ts';
import { changePassword } from './sign-in/change-password.ts';
import { describeMe } from './sign-in/describe-me.ts';
import type { LoadedSession } from './sign-in/load-session.ts';
import { login } from './sign-in/login.ts';
import { logout } from './sign-in/logout.ts';
import { SignInThrottled } from './sign-in/throttle.ts';
import { SESSION_HOURS } from './sign-in/tokens.ts';
import { createUnit } from './units/create-unit.ts';
import { exportOrgs } from './units/export-orgs.ts';
import { getUnit } from './units/get-unit.ts';
import { importOrgs } from './units/import-orgs.ts';
import { listChildren } from './units/list-children.ts';
import { listRoots } from './units/list-roots.ts';
import { mergeUnits } from './units/merge-units.ts';
import { moveUnit } from './units/move-unit.ts';
import { searchUnits } from './units/search-units.ts';
import { setUnitActive } from './units/set-unit-active.ts';
import { updateUnit } from './units/update-unit.ts';
import { createUser } from './users/create-user.ts';
import { listUsers } from './users/list-users.ts';
import { resetPassword } from './users/reset-password.ts';
import { updateUser } from './users/update-user.ts';
import { contentDisposition } from '../../core/http/content-disposition.ts';

/** The signed-in session, even one that must change its password first; 401 without. */
function signedIn(request: FastifyRequest): LoadedSession {
  if (!request.session) throw unauthorized();
  return request.session;
}

export function registerOrgRoutes(
  instance: FastifyInstance,
  deps: { db: Db; secureCookies: boolean },
): void {
  const api = instance.withTypeProvider<ZodTypeProvider>();
  const { db } = deps;

  // ---- Sign-in ----
  api.post(
    '/auth/login',
    {
      schema: {
        tags: ['Đăng nhập'],
        summary: 'Đăng nhập',
        body: loginBody,
        response: { 200: session },
      },
    },
    async (request, reply) => {
      const result = await login(db, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
      }).catch((error: unknown) => {
        if (error instanceof SignInThrottled)
          void reply.header('retry-after', String(error.retryAfterSeconds));
        throw error;
      });
      reply.setCookie(SESSION_COOKIE, result.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.secureCookies,
        maxAge: SESSION_HOURS * 3600,
      });
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  api.post(
    '/auth/logout',
    { schema: { tags: ['Đăng nhập'], summary: 'Đăng xuất', response: { 204: noContent } } },
    async (request, reply) => {
      if (request.session) await logout(db, request.session, request.ip);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.status(204).send(null);
    },
  );

  api.get(
    '/auth/me',
    {
      schema: {
        tags: ['Đăng nhập'],
        summary: 'Tài khoản đang đăng nhập',
        response: { 200: session },
      },
    },
    async (request) => {
      const session = signedIn(request);
      return { user: await describeMe(db, session), csrfToken: session.csrfToken };
    },
  );

  api.post(
    '/auth/password',
    {
      schema: {
        tags: ['Đăng nhập'],
        summary: 'Đổi mật khẩu',
        body: changePasswordBody,
        response: { 204: noContent },
      },
    },
    async (request, reply) => {
      await changePassword(db, signedIn(request), { ...request.body, ip: request.ip });
      return reply.status(204).send(null);
    },
  );

  // ---- Org tree ----
  const tags = ['Đơn vị'];
  api.get(
    '/orgs/roots',
    { schema: { tags, summary: 'Đơn vị gốc trong phạm vi', response: { 200: unitList } } },
    (request) => listRoots(db, requireScope(request)),
  );
  api.get(
    '/orgs/search',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị',
        querystring: unitSearchQuery,
        response: { 200: unitList },
      },
    },
    (request) => searchUnits(db, requireScope(request), request.query),
  );
  api.get(
    '/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Chi tiết đơn vị',
        params: idParams,
        response: { 200: unitDetail },
      },
    },
    (request) => getUnit(db, requireScope(request), request.params.id),
  );
  api.get(
    '/orgs/:id/children',
    {
      schema: { tags, summary: 'Đơn vị cấp dưới', params: idParams, response: { 200: unitList } },
    },
    (request) => listChildren(db, requireScope(request), request.params.id),
  );
  api.get(
    '/orgs/:id/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử thay đổi của đơn vị',
        params: idParams,
        response: { 200: unitHistoryList },
      },
    },
    (request) => unitHistory(db, requireScope(request), request.params.id),
  );
  api.post(
    '/orgs',
    {
      schema: {
        tags,
        summary: 'Thêm đơn vị',
        body: newUnitBody,
        response: { 201: unitDetail },
      },
    },
    async (request, reply) => {
      const unit = await createUnit(db, requireScope(request), request.body);
      return reply.status(201).send(unit);
    },
  );
  api.patch(
    '/orgs/:id',
    {
      schema: {
        tags,
        summary: 'Sửa thông tin đơn vị',
        params: idParams,
        body: unitPatchBody,
        response: { 200: unitDetail },
      },
    },
    (request) => updateUnit(db, requireScope(request), { ...request.body, id: request.params.id }),
  );
  api.post(
    '/orgs/:id/move',
    {
      schema: {
        tags,
        summary: 'Chuyển đơn vị (cả cây con) sang đơn vị cấp trên khác',
        params: idParams,
        body: moveUnitBody,
        response: { 200: unitDetail },
      },
    },
    (request) => moveUnit(db, requireScope(request), { ...request.body, id: request.params.id }),
  );
  api.post(
    '/orgs/:id/merge',
    {
      schema: {
        tags,
        summary: 'Sáp nhập đơn vị vào đơn vị khác',
        params: idParams,
        body: mergeUnitBody,
        response: { 200: unitDetail },
      },
    },
    (request) => mergeUnits(db, requireScope(request), { ...request.body, id: request.params.id }),
  );
  api.post(
    '/orgs/:id/deactivate',
    {
      schema: { tags, summary: 'Ngừng hoạt động', params: idParams, response: { 200: unitDetail } },
    },
    (request) => setUnitActive(db, requireScope(request), { id: request.params.id, active: false }),
  );
  api.post(
    '/orgs/:id/reactivate',
    {
      schema: { tags, summary: 'Hoạt động lại', params: idParams, response: { 200: unitDetail } },
    },
    (request) => setUnitActive(db, requireScope(request), { id: request.params.id, active: true }),
  );

  api.get(
    '/orgs/export.xlsx',
    {
      schema: {
        tags,
        summary: 'Xuất cây đơn vị (định dạng nhập)',
        response: { 200: orgExportFile },
      },
    },
    async (request, reply) => {
      const stream = new PassThrough();
      const { written } = await exportOrgs(db, requireScope(request), { file: stream });
      void written.catch((error: unknown) => stream.destroy(error as Error));
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', contentDisposition('don-vi.xlsx'))
        .send(stream);
    },
  );
  api.post(
    '/orgs/import',
    {
      schema: {
        tags,
        summary: 'Nhập cây đơn vị từ tệp Excel (tất cả hoặc không gì cả)',
        querystring: orgImportQuery,
        response: { 200: orgImportResult, 422: orgImportResult },
      },
    },
    async (request, reply) => {
      const scope = requireScope(request);
      // Checked again by the use case; here so that no upload is read for someone who may not import.
      scope.require('org.structure');
      const file = await request.file();
      if (!file) throw badRequest('Chưa chọn tệp Excel để nhập.');
      const bytes = await file.toBuffer();
      try {
        const result = await importOrgs(db, scope, {
          file: Readable.from(bytes),
          dryRun: request.query.dryRun === '1',
        });
        return reply.status(result.errorList.length ? 422 : 200).send(result);
      } catch (error) {
        if (error instanceof UnreadableWorkbookError) throw badRequest(error.message);
        throw error;
      }
    },
  );

  // ---- Accounts ----
  const userTags = ['Tài khoản'];
  api.get(
    '/users',
    {
      schema: {
        tags: userTags,
        summary: 'Danh sách tài khoản trong phạm vi',
        querystring: userListQuery,
        response: { 200: userList },
      },
    },
    (request) => listUsers(db, requireScope(request), request.query),
  );
  api.post(
    '/users',
    {
      schema: {
        tags: userTags,
        summary: 'Tạo tài khoản (người dùng phải đổi mật khẩu khi đăng nhập lần đầu)',
        body: newUserBody,
        response: { 201: createdUser },
      },
    },
    async (request, reply) => {
      const created = await createUser(db, requireScope(request), request.body);
      return reply.status(201).send(created);
    },
  );
  api.patch(
    '/users/:id',
    {
      schema: {
        tags: userTags,
        summary: 'Sửa tài khoản',
        params: idParams,
        body: userPatchBody,
        response: { 200: userRow },
      },
    },
    (request) => updateUser(db, requireScope(request), { ...request.body, id: request.params.id }),
  );
  api.post(
    '/users/:id/reset-password',
    {
      schema: {
        tags: userTags,
        summary: 'Cấp lại mật khẩu tạm',
        params: idParams,
        response: { 200: temporaryPassword },
      },
    },
    (request) => resetPassword(db, requireScope(request), request.params.id),
  );

  // ---- Audit log ----
  api.get(
    '/audit',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Nhật ký kiểm toán',
        querystring: auditQuery,
        response: { 200: auditList },
      },
    },
    (request) => listAudit(db, requireScope(request), request.query),
  );
  api.get(
    '/audit/subjects',
    {
      schema: {
        tags: ['Nhật ký'],
        summary: 'Các loại hồ sơ trong nhật ký',
        response: { 200: auditSubjectList },
      },
    },
    (request) => listAuditSubjects(requireScope(request)),
  );
}
