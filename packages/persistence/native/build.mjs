// npm's install script of @repo/persistence: builds native/mapped-file.c into
// build/Release/mapped_file.node with npm's own node-gyp. Without a C toolchain (or off Linux, where
// nothing uses it) the build is skipped and the store reads the WAL-index header with `pread`
// instead (src/wal-index-header.ts); build/skipped.txt says why, for the tests and for whoever looks.
// Under CI a failed build fails the install, so that a broken build is never mistaken for a skipped one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(packageDir, 'build');

function skip(reason) {
  mkdirSync(buildDir, { recursive: true });
  writeFileSync(join(buildDir, 'skipped.txt'), `${reason}\n`);
  console.warn(`@repo/persistence: the mapped WAL-index reader was not built (${reason}); SQLite reads check for other connections' commits with pread instead.`);
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

/** npm's node-gyp: npm names it to the scripts it runs; else beside npm itself. */
function nodeGyp() {
  const candidates = [process.env.npm_config_node_gyp, process.env.npm_execpath && join(dirname(process.env.npm_execpath), '../node_modules/node-gyp/bin/node-gyp.js')];
  return candidates.find((path) => path !== undefined && path !== '' && existsSync(path));
}

rmSync(buildDir, { recursive: true, force: true });
const compiler = process.env.CC ?? 'cc';
const gyp = nodeGyp();
if (process.platform !== 'linux') skip(`not Linux (${process.platform})`);
else if (!onPath(compiler) || !onPath('make') || !onPath('python3')) skip(`no C toolchain: ${compiler}, make and python3 are needed`);
else if (gyp === undefined) skip("npm's node-gyp was not found");
else {
  // Node's own headers when they are installed beside it: node-gyp would otherwise download them.
  const prefix = dirname(dirname(process.execPath));
  const localHeaders = process.env.npm_config_nodedir === undefined && existsSync(join(prefix, 'include/node/node_api.h'));
  const args = [gyp, 'rebuild', ...(localHeaders ? [`--nodedir=${prefix}`] : [])];
  const built = spawnSync(process.execPath, args, { cwd: packageDir, encoding: 'utf8' });
  if (built.status !== 0) {
    const output = `${built.stdout ?? ''}${built.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    if (process.env.CI) {
      console.error(output);
      process.exit(built.status ?? 1);
    }
    skip(`node-gyp rebuild failed:\n${output}`);
  }
}
