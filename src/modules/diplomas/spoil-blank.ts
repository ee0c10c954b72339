import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict, notFound } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireAuthority } from './access.ts';
import { parseBlankSerial } from './blank-serials.ts';
import { blankStock } from './blank-stock.ts';
import type { BlankStock } from './contract.ts';
import { blankOf, insertBlankUses, lockBlankRanges } from './repo.ts';

/**
 * Records a blank form spoiled (hỏng: misprinted, torn) with the reason: it
 * leaves the stock and is never printed on (Circular 21/2019/TT-BGDĐT, the
 * management of blank forms). Only a form received and still unused.
 */
export async function spoilBlank(
  db: Db,
  scope: Scope,
  input: { authorityId: string; serial: string; reason: string },
): Promise<BlankStock> {
  const grant = await requireAuthority(db, scope, input.authorityId, 'registry.write');
  const serial = parseBlankSerial(input.serial);
  if (!serial) {
    const message = 'Số hiệu phôi cần dạng chữ cái rồi chữ số, ví dụ A0012345.';
    throw badRequest(message, [{ path: 'body.serial', message }]);
  }
  const authorityId = grant.authority.id;
  await writeTransaction(db, grant.actor, async (tx) => {
    const found = await blankOf(tx, authorityId, serial);
    if (!found) throw notFound(`phôi số hiệu ${serial.text} trong các dãy phôi đã nhận`);
    await lockBlankRanges(tx, authorityId, found.range.diploma_type);
    const again = await blankOf(tx, authorityId, serial);
    if (again?.used)
      throw conflict(
        again.used.kind === 'issued'
          ? `Phôi ${serial.text} đã được dùng để in văn bằng; văn bằng đã cấp chỉ được chỉnh sửa hoặc thu hồi theo quyết định.`
          : `Phôi ${serial.text} đã được ghi là hỏng.`,
      );
    await insertBlankUses(tx, [
      {
        authority_id: authorityId,
        range_id: found.range.id,
        serial: serial.text,
        kind: 'spoiled',
        diploma_id: null,
        reason: normalizeText(input.reason),
      },
    ]);
  });
  return blankStock(db, scope, { authorityId });
}
