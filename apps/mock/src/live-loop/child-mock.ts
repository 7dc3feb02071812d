import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * `npm run mock:stateful` as a child process that can be restarted: the mock reads the bundles
 * when it starts, so a regenerated spec needs a new process (Prism, by contrast, reloads itself).
 */
export interface ChildMock {
  /** Stops the running mock (if any), starts a new one, and resolves with the base URLs it printed. */
  restart(): Promise<string[]>;
  stop(): Promise<void>;
}

/** `entry` is run with `node --import tsx` in `cwd`; `onLine` gets the errors it prints after start-up. */
export function childMock(entry: string, cwd: string, onLine: (line: string) => void): ChildMock {
  let child: ChildProcess | undefined;

  async function stop(): Promise<void> {
    const running = child;
    child = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  }

  async function restart(): Promise<string[]> {
    await stop();
    const started = spawn(process.execPath, ['--import', 'tsx', entry], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child = started;
    const urls: string[] = [];
    const seen: string[] = [];
    return new Promise((resolve, reject) => {
      let ready = false;
      // After start-up only errors are passed on: the seed table on every restart would bury the report.
      const take = (line: string, isError: boolean) => {
        if (ready) return isError ? onLine(line) : undefined;
        seen.push(line);
        if (/stateful mock: http/.test(line)) urls.push(line.trim());
        if (urls.length === 2) {
          ready = true;
          resolve(urls);
        }
      };
      createInterface({ input: started.stdout! }).on('line', (line) => take(line, false));
      createInterface({ input: started.stderr! }).on('line', (line) => take(line, true));
      started.once('exit', (code) => {
        if (!ready) reject(new Error(`the stateful mock exited (code ${code}) before it served:\n${seen.slice(-8).join('\n')}`));
        else if (child === started) onLine(`the stateful mock exited (code ${code}); the next save restarts it`);
      });
    });
  }

  return { restart, stop };
}
