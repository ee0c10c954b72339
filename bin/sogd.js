#!/usr/bin/env node
// The `sogd` command. Runs the compiled JavaScript in dist/ (`npm run build`,
// which `npm start` and `npm ci` run) when it is up to date with src/;
// otherwise the TypeScript sources through tsx, with a note, so that a
// checkout never runs code older than its sources. SOGD_FROM_SOURCES=1 picks
// the sources without a note (the test suite sets it: tests run the sources).
import { distState } from './build-state.js';

const fromSources = process.env.SOGD_FROM_SOURCES === '1';
const state = fromSources ? 'sources' : distState();
if (state === 'fresh') {
  await import('../dist/app/cli/main.js');
} else {
  if (!fromSources)
    console.error(
      state === 'stale'
        ? 'sogd: dist/ cũ hơn mã nguồn, chạy thẳng mã TypeScript (chậm hơn); `npm run build` để biên dịch lại.'
        : 'sogd: chưa biên dịch (dist/), chạy thẳng mã TypeScript (chậm hơn); `npm run build` để biên dịch.',
    );
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/app/cli/main.ts');
}
