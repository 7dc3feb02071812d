import chokidar from 'chokidar';

/**
 * Whether a change under `specs/` is a spec source: the APIs' YAML and `redocly.yaml`, not what
 * the loop itself writes (`generated/`, `docs/`) nor editor droppings (swap files, backups).
 */
export function isSpecSource(relativePath: string): boolean {
  const path = relativePath.split('\\').join('/');
  if (/^(generated|docs|node_modules|scripts|src|test)\//.test(path)) return false;
  if (/(^|\/)(\.[^/]*\.sw.|[^/]*~|\.#[^/]*|4913)$/.test(path)) return false;
  return /\.(ya?ml|json)$/.test(path);
}

/**
 * Calls `onChange` with each changed, added or removed spec source under `dir`. chokidar rather
 * than `fs.watch({ recursive: true })`: on Linux, Node 20's recursive watch loses a file that an
 * editor or `git checkout` replaces (write to a temp file, rename over), so later saves went
 * unseen. Returns a stop function.
 */
export function watchSpecs(dir: string, onChange: (relativePath: string) => void): () => Promise<void> {
  const watcher = chokidar.watch(dir, {
    ignoreInitial: true,
    ignored: (path: string) => /[\\/](node_modules|generated|docs)([\\/]|$)/.test(path),
    // An editor's save is several writes; wait until the file stops changing.
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });
  const relative = (path: string) => path.slice(dir.length).replace(/^[\\/]+/, '');
  for (const event of ['add', 'change', 'unlink'] as const) {
    watcher.on(event, (path: string) => {
      if (isSpecSource(relative(path))) onChange(relative(path));
    });
  }
  watcher.on('error', () => {});
  return () => watcher.close();
}
