import type { Tx } from '../../../db/actor.ts';
import { conflict } from '../../../core/errors.ts';
import { unitWithCodeAnyCase } from './repo.ts';

/** 409 when another unit holds `code` in any case (inside the writing transaction). */
export async function requireCodeFree(tx: Tx, code: string, exceptId?: string): Promise<void> {
  const existing = await unitWithCodeAnyCase(tx, code);
  if (existing && existing.id !== exceptId)
    throw conflict(`Mã đơn vị "${code}" đã được dùng cho "${existing.name}".`, [
      { path: 'code', message: 'Mã đơn vị đã tồn tại.' },
    ]);
}
