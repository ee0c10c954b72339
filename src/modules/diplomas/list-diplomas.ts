import type { Scope } from '../../core/access/scope.ts';
import type { Db } from '../../db/connection.ts';
import { searchKey } from '../../lib/vietnamese.ts';
import { requireAuthority } from './access.ts';
import type { DiplomaPage, ListQuery } from './contract.ts';
import { toSummary } from './detail.ts';
import { registerPage } from './repo.ts';

/** The register of one authority, in issue order; `q` finds by name, serial or entry number. */
export async function listDiplomas(db: Db, scope: Scope, query: ListQuery): Promise<DiplomaPage> {
  await requireAuthority(db, scope, query.authorityId, 'registry.read');
  const text = query.q?.trim();
  const { rows, total } = await registerPage(db, {
    authorityId: query.authorityId,
    text: text ? { searchKey: searchKey(text), exact: text } : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}
