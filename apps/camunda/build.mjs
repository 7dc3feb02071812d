// Bundles src/index.ts into dist/index.js. Workspace packages (@repo/*, TypeScript sources) are
// bundled; every other bare import stays external and is loaded from node_modules at run time,
// since several are native (libsql, @node-rs/argon2) or load files relative to themselves (pino).
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const docs = join(here, '../../specs/docs/camunda.html');

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

rmSync(dist, { recursive: true, force: true });
mkdirSync(dist, { recursive: true });
await build({
  entryPoints: [join(here, 'src/index.ts')],
  outfile: join(dist, 'index.js'),
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
if (existsSync(docs)) {
  copyFileSync(docs, join(dist, 'docs.html'));
} else {
  console.warn('build: specs/docs/camunda.html is missing; /docs will answer 404 (run `npm run docs` in specs/)');
}
console.log('build: dist/index.js');
