// Plain JavaScript (no TypeScript) so each app's build.mjs runs on bare node, without tsx.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Left to node_modules at run time: native addons (libsql, @node-rs/argon2), pg's optional native
// binding (never loaded, but named in pg's code), and pino with pino-pretty, whose transports load
// files relative to themselves. Everything else is bundled: resolving and loading the dozens of
// packages one by one (Ajv, Hono, Kysely, pg, fast-uri, ...) cost a start ~0.3 s of CPU out of ~1 s
// (measured 2026-11-27), and servers are started by the dozen in the tests and by replicas.
const EXTERNAL = ['libsql', '@node-rs/argon2', 'pg-native', 'pino', 'pino-pretty'];

/** @type {import('esbuild').Plugin} */
const externalizeNativePackages = {
  name: 'externalize-native-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      const external = EXTERNAL.some((name) => args.path === name || args.path.startsWith(`${name}/`));
      return external ? { path: args.path, external: true } : undefined;
    });
  },
};

/**
 * Bundles an app's src/index.ts into dist/index.js and copies its API's rendered spec
 * (specs/docs/<api>.html) to dist/docs.html. The workspace packages and their dependencies are
 * bundled, except the few that must load from node_modules at run time (see EXTERNAL).
 *
 * esbuild is resolved from the app (its devDependency), not from this package.
 *
 * @param {{ appUrl: string, api: string }} options `appUrl`: the app's build.mjs `import.meta.url`;
 *   `api`: the spec's name under specs/docs/ (`camunda`, `onezone`).
 * @returns {Promise<void>}
 */
export async function buildServer({ appUrl, api }) {
  const here = dirname(fileURLToPath(appUrl));
  const dist = join(here, 'dist');
  const docs = join(here, `../../specs/docs/${api}.html`);

  rmSync(dist, { recursive: true, force: true });
  mkdirSync(dist, { recursive: true });
  await bundleServer({ appUrl, outfile: join(dist, 'index.js') });
  if (existsSync(docs)) {
    copyFileSync(docs, join(dist, 'docs.html'));
  } else {
    console.warn(`build: specs/docs/${api}.html is missing; /docs will answer 404 (run \`npm run docs\` in specs/)`);
  }
  console.log('build: dist/index.js');
}

/**
 * Bundles an app's src/index.ts into `outfile` as {@link buildServer} does for dist/index.js. The
 * external packages are resolved from `outfile`'s folder, so it must lie inside the app.
 *
 * @param {{ appUrl: string, outfile: string }} options `appUrl`: a `file:` URL inside the app's folder.
 * @returns {Promise<void>}
 */
export async function bundleServer({ appUrl, outfile }) {
  const here = dirname(fileURLToPath(appUrl));
  const esbuild = await import(pathToFileURL(createRequire(appUrl).resolve('esbuild')).href);
  const build = esbuild.build ?? esbuild.default.build;
  await build({
    entryPoints: [join(here, 'src/index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    plugins: [externalizeNativePackages],
    // CommonJS code inside the bundle may call require(); ESM output has none without this.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
