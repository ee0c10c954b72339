import type { Scope } from '../../core/access/scope.ts';
import { badRequest, conflict } from '../../core/errors.ts';
import { writeTransaction } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import type { DiplomaType } from '../../db/schema.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { normalizeText } from '../../lib/vietnamese.ts';
import { requireAuthority } from './access.ts';
import { blankSerialText, MAX_RANGE, parseBlankSerial } from './blank-serials.ts';
import type { BlankStock } from './contract.ts';
import { blankStock } from './blank-stock.ts';
import { insertBlankRange, overlappingRanges, serialsInRange } from './repo.ts';

/**
 * Records a delivery of blank forms (phôi) by serial range: from then on the
 * authority's diplomas of that type are printed on them, in serial order
 * (Circular 21/2019/TT-BGDĐT: the serial is printed on the blank form). A
 * range of one series (same letters and digit count), never overlapping a
 * range already received nor a serial already in the register.
 */
export async function receiveBlanks(
  db: Db,
  scope: Scope,
  input: {
    authorityId: string;
    diplomaType: DiplomaType;
    firstSerial: string;
    lastSerial: string;
    receivedOn: string;
    reference: string;
    notes?: string | null | undefined;
  },
): Promise<BlankStock> {
  const grant = await requireAuthority(db, scope, input.authorityId, 'registry.write');
  const first = parseBlankSerial(input.firstSerial);
  const last = parseBlankSerial(input.lastSerial);
  if (!first)
    throw fieldError('firstSerial', 'Số hiệu đầu cần dạng chữ cái rồi chữ số, ví dụ A0012345.');
  if (!last)
    throw fieldError('lastSerial', 'Số hiệu cuối cần dạng chữ cái rồi chữ số, ví dụ A0012999.');
  if (first.prefix !== last.prefix || first.width !== last.width)
    throw fieldError(
      'lastSerial',
      `Số hiệu cuối ${last.text} không cùng dãy với số hiệu đầu ${first.text}: cần cùng chữ cái và cùng ${first.width} chữ số.`,
    );
  if (last.n < first.n)
    throw fieldError('lastSerial', `Số hiệu cuối ${last.text} nhỏ hơn số hiệu đầu ${first.text}.`);
  const count = last.n - first.n + 1;
  if (count > MAX_RANGE)
    throw fieldError(
      'lastSerial',
      `Một lần nhập tối đa ${MAX_RANGE.toLocaleString('vi-VN')} phôi; dãy này có ${count.toLocaleString('vi-VN')}.`,
    );
  const series = { prefix: first.prefix, width: first.width, first: first.n, last: last.n };
  const authorityId = grant.authority.id;
  await writeTransaction(db, grant.actor, async (tx) => {
    const overlap = await overlappingRanges(tx, authorityId, series);
    if (overlap[0]) {
      const o = overlap[0];
      throw conflict(
        `Dãy ${first.text}–${last.text} trùng với dãy phôi đã nhập ${blankSerialText(o.prefix, o.width, o.first_number)}–${blankSerialText(o.prefix, o.width, o.last_number)} (${o.reference}).`,
      );
    }
    const taken = await serialsInRange(tx, authorityId, first.text, last.text);
    if (taken.length > 0)
      throw conflict(
        `Số hiệu ${taken.join(', ')} đã có trong sổ gốc: dãy phôi ${first.text}–${last.text} không thể dùng.`,
      );
    await insertBlankRange(tx, {
      id: uuidv7(),
      authority_id: authorityId,
      diploma_type: input.diplomaType,
      prefix: first.prefix,
      width: first.width,
      first_number: first.n,
      last_number: last.n,
      received_on: input.receivedOn,
      reference: normalizeText(input.reference),
      notes: input.notes ? normalizeText(input.notes) : null,
    });
  });
  return blankStock(db, scope, { authorityId });
}

const fieldError = (field: string, message: string) =>
  badRequest(message, [{ path: `body.${field}`, message }]);
