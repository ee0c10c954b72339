import type { Actor } from '../../db/actor.ts';
import { Scope } from '../../core/access/scope.ts';

/**
 * Who runs a use case that the CLI runs too: a signed-in user, through their
 * Scope, or a named system task (`systemActor`), which acts on the whole tree.
 */
export type Caller = Scope | Actor;

export const isScope = (caller: Caller): caller is Scope => caller instanceof Scope;
