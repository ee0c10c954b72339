import type { Db } from '../../../db/connection.ts';
import { usernameTaken } from './repo.ts';

/** Whether an account has this name: the start-up's "is there an admin yet?" (no scope: a system task). */
export async function accountExists(db: Db, username: string): Promise<boolean> {
  return (await usernameTaken(db, username)) !== undefined;
}
