import type { Scope } from '../../../core/access/scope.ts';
import { badRequest, notFound } from '../../../core/errors.ts';
import { writeTransaction } from '../../../db/actor.ts';
import type { Db } from '../../../db/connection.ts';
import { uuidv7 } from '../../../lib/ids.ts';
import type { CatchmentEditInput } from './contract.ts';
import { listCatchments, type CatchmentArea } from './list-catchments.ts';
import {
  addLink,
  areaOfCommuneByCode,
  insertAreas,
  removeLink,
  unitById,
  unitsByCode,
} from './repo.ts';

/**
 * The web edit of a commune's catchments (issue #15: "imported from xlsx and
 * edited on the web"): one school added to or removed from one area for one
 * grade. A new area code with a name creates the area. The same checks as the
 * workbook's (the school in the caller's scope, teaching the level), audited by
 * the tables' triggers. Seats are not here: they are the campaign's programs.
 */
export async function editCatchment(
  db: Db,
  scope: Scope,
  communeId: string,
  input: CatchmentEditInput,
): Promise<CatchmentArea> {
  scope.require('admissions.catchments');
  const commune = await unitById(db, communeId);
  if (!commune || commune.kind !== 'commune' || !scope.containsPath(commune.path))
    throw notFound('xã/phường này trong phạm vi của bạn');
  const [school] = (await unitsByCode(db, [input.schoolCode])).filter(
    (u) => u.code.toLowerCase() === input.schoolCode.toLowerCase(),
  );
  if (!school || !scope.containsPath(school.path))
    throw badRequest(`Không có trường mã "${input.schoolCode}" trong phạm vi của bạn.`, [
      {
        path: 'body.schoolCode',
        message: `Không có trường mã "${input.schoolCode}" trong phạm vi của bạn.`,
      },
    ]);
  const level = input.grade === 1 ? 'primary' : 'lower_secondary';
  if (input.serves && (school.kind !== 'school' || !school.levels.includes(level))) {
    const text = `${school.name} không có cấp ${input.grade === 1 ? 'tiểu học' : 'THCS'}: không tuyển sinh lớp ${input.grade}.`;
    throw badRequest(text, [{ path: 'body.schoolCode', message: text }]);
  }
  let area = await areaOfCommuneByCode(db, commune.id, input.areaCode);
  if (!area && !input.serves)
    throw notFound(`khu dân cư mã "${input.areaCode}" của ${commune.name}`);
  if (!area && !input.areaName) {
    const text = `Khu dân cư "${input.areaCode}" chưa có: ghi tên khu dân cư (thôn, tổ dân phố) để thêm mới.`;
    throw badRequest(text, [{ path: 'body.areaName', message: text }]);
  }
  await writeTransaction(db, scope.actor, async (tx) => {
    if (!area) {
      area = {
        id: uuidv7(),
        commune_id: commune.id,
        code: input.areaCode,
        name: input.areaName!,
        latitude: null,
        longitude: null,
      };
      await insertAreas(tx, [area]);
    }
    const link = { area_id: area.id, school_id: school.id, grade: input.grade };
    if (input.serves) await addLink(tx, { id: uuidv7(), ...link });
    else await removeLink(tx, link);
  });
  const areas = await listCatchments(db, scope, commune.id);
  return areas.find((a) => a.id === area!.id)!;
}
