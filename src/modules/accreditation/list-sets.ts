import type { Scope } from '../../core/access/scope.ts';
import type { SetSummary } from './contract.ts';
import { presentSet } from './present.ts';
import { STANDARD_SETS } from './sets/index.ts';

/** The standard sets sogd ships, each with its source and confidence note. */
export async function listSets(scope: Scope): Promise<SetSummary[]> {
  scope.require('accreditation.read');
  return Promise.resolve(STANDARD_SETS.map(presentSet));
}
