import { watch, type FSWatcher } from 'node:fs';
import { basename, dirname } from 'node:path';

/**
 * Calls `onChange` (debounced by `debounceMs`) whenever `path` is written or replaced. Watches the
 * folder rather than the file, so a file replaced by rename (as some generators and editors do)
 * is still seen. Returns a function that stops watching.
 */
export function watchFile(path: string, onChange: () => void, debounceMs = 150): () => void {
  const name = basename(path);
  let timer: NodeJS.Timeout | undefined;
  const watcher: FSWatcher = watch(dirname(path), (_event, filename) => {
    if (filename !== null && filename !== name) return;
    clearTimeout(timer);
    timer = setTimeout(onChange, debounceMs);
  });
  watcher.on('error', () => {}); // the folder went away: nothing left to watch
  return () => {
    clearTimeout(timer);
    watcher.close();
  };
}
