/**
 * An async function of a module's file, loaded at its first call. A module's
 * index.ts exports its functions this way so that importing the module list
 * (every `sogd` command does, `sogd --help` included) loads no database or
 * file-format code: `export const loadSession = lazyFunction(() =>
 * import('./sign-in/load-session.ts'), 'loadSession');`
 */
export function lazyFunction<M, K extends keyof M>(
  load: () => Promise<M>,
  name: K,
): M[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never {
  const call = async (...args: unknown[]): Promise<unknown> => {
    const fn = (await load())[name] as (...args: unknown[]) => Promise<unknown>;
    return fn(...args);
  };
  return call as never;
}
