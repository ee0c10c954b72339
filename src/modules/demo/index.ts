/** The generated demo province (`sogd demo`, and the first start's seed). */
import { defineModule } from '../../core/module.ts';
import { registerDemoCommands } from './cli.ts';
import type { seedDemo as SeedFn } from './seed.ts';

export const demoModule = defineModule({ name: 'demo', commands: registerDemoCommands });

type Seed = typeof SeedFn;

/** The first start's seed (loaded when called: the CLI's start stays light). */
export async function seedDemo(...args: Parameters<Seed>): ReturnType<Seed> {
  return (await import('./seed.ts')).seedDemo(...args);
}
