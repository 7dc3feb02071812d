// Bundles src/index.ts into dist/index.js: workspace packages (@repo/*, TypeScript source) are
// bundled, every other package stays an import from node_modules (native ones cannot be bundled).
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, 'dist');
const docs = join(here, '../../specs/docs/onezone.html');

/** Bare imports outside the workspace are external; relative and `@repo/*` ones are bundled. */
const externalPackages = {
  name: 'external-packages',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('@repo/')) return undefined;
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
  plugins: [externalPackages],
  // For any CommonJS code that ends up in the bundle and calls require().
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  logLevel: 'warning',
});
if (existsSync(docs)) {
  copyFileSync(docs, join(dist, 'docs.html'));
} else {
  console.warn('build: specs/docs/onezone.html is missing (run `npm run docs`); /docs will answer 404');
}
console.log('build: dist/index.js');
