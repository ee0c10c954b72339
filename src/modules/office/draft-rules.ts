import type { Permission } from '../../core/access/permissions.ts';
import type { DraftAction, DraftStatus } from './contract.ts';

/**
 * The approval of an outgoing document before its number (Decree
 * 30/2020/NĐ-CP Art. 10 soạn thảo, Art. 11 duyệt bản thảo, Art. 12 kiểm tra
 * trước khi ký, Art. 13 ký ban hành): the drafter submits, the head of the
 * drafting division checks and forwards (or returns), the leader approves
 * (or returns). A leader may approve straight from the division's check in a
 * unit with no division heads. Numbering (Art. 15), signing and issuing
 * (Art. 18) follow in number-draft.ts and issue-outgoing.ts.
 */
export const DRAFT_STEPS: Record<
  DraftAction,
  { from: readonly DraftStatus[]; to: DraftStatus; permission: Permission; drafterOnly: boolean }
> = {
  submit: {
    from: ['draft', 'returned'],
    to: 'review',
    permission: 'office.handle',
    drafterOnly: true,
  },
  forward: { from: ['review'], to: 'leader', permission: 'office.review', drafterOnly: false },
  approve: {
    from: ['review', 'leader'],
    to: 'approved',
    permission: 'office.approve',
    drafterOnly: false,
  },
  return: {
    from: ['review', 'leader'],
    to: 'returned',
    permission: 'office.review',
    drafterOnly: false,
  },
};
