import { execFile } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { APIS, repoRoot, type ApiName } from './apis.ts';

/** What an app's bundle is built from: its own sources and the workspace packages it bundles. */
const SHARED_INPUTS = [
  'packages/hono-openapi/src',
  ...['config', 'http', 'persistence', 'auth', 'service-shell'].map((p) => `packages/${p}/src`),
  'packages/build/build-server.mjs',
  'specs/src',
  'specs/generated',
];

/**
 * Runs `npm run build -w <app>` (what `npm start` runs first) unless `dist/index.js` is newer than
 * every input, so a current bundle that another process may be serving from is left alone.
 * Resolves to whether it built.
 */
export async function buildIfStale(api: ApiName): Promise<boolean> {
  const { appDir, workspace } = APIS[api];
  const bundle = join(repoRoot, appDir, 'dist/index.js');
  const inputs = [join(appDir, 'src'), join(appDir, 'build.mjs'), join(appDir, 'package.json'), ...SHARED_INPUTS];
  if (existsSync(bundle) && newestMtime(inputs.map((p) => join(repoRoot, p))) < statSync(bundle).mtimeMs) return false;
  await promisify(execFile)('npm', ['run', 'build', '-w', workspace], { cwd: repoRoot, timeout: 120_000 });
  return true;
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      newest = Math.max(newest, newestMtime(readdirSync(path).map((entry) => join(path, entry))));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  }
  return newest;
}
