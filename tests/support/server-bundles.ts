/**
 * vitest globalSetup: bundles each server from the working tree once per run (esbuild, as `npm run
 * build` does), so that the dozens of server processes the suites start load one JavaScript file
 * instead of compiling the TypeScript sources through tsx each time (about half of a start's CPU).
 * The bundle lies beside the app's src/ (`apps/<api>/.contract-tests/`), where its packages and the
 * rendered spec resolve as they do from `dist/`, under a name of this run's own, so it never
 * touches `dist/` nor another run's bundle; it is removed at the end.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleServer } from '@repo/build/build-server';
import { APIS, repoRoot, type ApiName } from './apis.ts';
import { BUNDLE_DIR, BUNDLE_VARIABLE } from './start-server.ts';

export default async function setup(): Promise<() => void> {
  const name = `server-${process.pid}.js`;
  const files = (Object.keys(APIS) as ApiName[]).map((api) => join(repoRoot, APIS[api].appDir, BUNDLE_DIR, name));
  await Promise.all(
    (Object.keys(APIS) as ApiName[]).map((api, i) => {
      const appDir = join(repoRoot, APIS[api].appDir);
      mkdirSync(join(appDir, BUNDLE_DIR), { recursive: true });
      return bundleServer({ appUrl: pathToFileURL(join(appDir, 'package.json')).href, outfile: files[i]! });
    }),
  );
  // The forks that run the test files inherit the environment as it is once every globalSetup ran.
  process.env[BUNDLE_VARIABLE] = name;
  return () => {
    for (const file of files) for (const f of [file, `${file}.map`]) rmSync(f, { force: true });
  };
}
