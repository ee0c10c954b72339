// The org factories moved to factories/orgs.ts; these names stay for the tests that use them.
export { makeTree, makeUser, scopeAt, SMALL_PROVINCE, type UnitSpec } from './factories/orgs.ts';
