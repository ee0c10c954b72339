/** The generated demo province (`sogd demo`, and the first start's seed). */
import { defineModule } from '../../core/module.ts';
import { registerDemoCommands } from './cli.ts';

export const demoModule = defineModule({ name: 'demo', commands: registerDemoCommands });

export { seedDemo } from './seed.ts';
