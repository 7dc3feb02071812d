// Plain JavaScript (no TypeScript) so each app's build.mjs runs on bare node, without tsx.
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** @type {import('esbuild').Plugin} */
const externalizeDependencies = {
  name: 'externalize-dependencies',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@repo/') || args.path.startsWith('node:')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/**
 * Bundles an app's src/index.ts into dist/index.js and copies its API's rendered spec
 * (specs/docs/<api>.html) to dist/docs.html. Workspace packages (@repo/*, TypeScript sources) are
 * bundled; every other bare import stays external and is loaded from node_modules at run time,
 * since several are native (libsql, @node-rs/argon2) or load files relative to themselves (pino).
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
    plugins: [externalizeDependencies],
    // CommonJS code inside the bundle may call require(); ESM output has none without this.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    logLevel: 'warning',
  });
}
