import { describe, expect, it } from 'vitest';
import { ROLE_LEVEL } from '../core/access/roles.ts';
import { grantableRoles } from '../modules/orgs/permissions.ts';
import './modules.ts';

// A role is granted only by someone holding all its permissions (orgs'
// grantableRoles). A module that gives a school role a permission the
// department admin lacks silently stops the department creating school
// accounts (it happened twice this round): every module's grants together.
describe('the department admin can still create every account below it', () => {
  it('is given every role of its level or below', () => {
    const below = (Object.keys(ROLE_LEVEL) as (keyof typeof ROLE_LEVEL)[]).filter(
      (r) => ROLE_LEVEL[r] <= ROLE_LEVEL.department_admin,
    );
    expect(grantableRoles('department_admin').sort()).toEqual(below.sort());
  });
});
