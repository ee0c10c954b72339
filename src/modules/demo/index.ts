/** The generated demo province (`sogd demo`, and the first start's seed). */
import { lazyFunction } from '../../core/lazy.ts';
import { defineModule } from '../../core/module.ts';
import { registerDemoCommands } from './cli.ts';

export const demoModule = defineModule({ name: 'demo', commands: registerDemoCommands });

/** The first start's seed (loaded when called: the CLI's start stays light). */
export const seedDemo = lazyFunction(() => import('./seed.ts'), 'seedDemo');
