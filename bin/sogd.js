#!/usr/bin/env node
// The `sogd` command. Runs the TypeScript sources directly through tsx, so the
// server and the CLI need no build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
