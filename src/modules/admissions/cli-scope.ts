/** The scope the `sogd admissions` commands act in: the department, as the system. */
import { Scope } from '../../core/access/scope.ts';
import { systemActor, type Actor } from '../../db/actor.ts';
import type { Db } from '../../db/connection.ts';
import { rootUnit } from './repo.ts';

class CommandScope extends Scope {
  constructor(
    user: ConstructorParameters<typeof Scope>[0],
    private readonly task: string,
  ) {
    super(user);
  }
  override get actor(): Actor {
    return systemActor(this.task);
  }
}

export async function commandScope(db: Db, task: string): Promise<Scope> {
  const root = await rootUnit(db);
  if (!root) throw new Error('Cơ sở dữ liệu chưa có đơn vị nào: hãy nhập cây tổ chức trước.');
  return systemScope(root, task);
}

/** The system acting with a department administrator's rights on `unit`'s subtree. */
export function systemScope(unit: { id: string; path: string }, task: string): Scope {
  return new CommandScope(
    {
      id: '00000000-0000-0000-0000-000000000000',
      username: 'sogd',
      fullName: 'dòng lệnh sogd',
      role: 'department_admin',
      orgUnitId: unit.id,
      orgPath: unit.path,
    },
    task,
  );
}
