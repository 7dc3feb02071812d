import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    globalSetup: ['./support/server-bundles.ts'],
    // Every suite talks to real processes (servers, Prism, curl) on a 2-core machine, often while
    // other workspaces' suites run beside it under turbo.
    testTimeout: 30_000,
    hookTimeout: 90_000,
    // One module graph for all files (no module mocks here; each file starts its own servers):
    // re-importing the support code and compiling the specs' checkers per file cost ~20 CPU-s a run.
    isolate: false,
    // Two files at a time even on 2 cores (vitest's default there is one): most of a file's time is
    // spent waiting on the processes it started (start-ups, restarts, outages, timeouts), and alone
    // this workspace takes 96 s with two workers against 145 s with one (measured 2026-11-27).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
