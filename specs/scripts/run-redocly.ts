import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { specsDir } from './apis.ts';

const require = createRequire(import.meta.url);
const redoclyBin = require.resolve('@redocly/cli/bin/cli.js');

/**
 * Runs the Redocly CLI from the specs folder: Redocly reads redocly.yaml only from the current
 * directory, and telemetry stays off so builds make no network calls.
 */
export function runRedocly(args: string[]): void {
  try {
    execFileSync(process.execPath, [redoclyBin, ...args, '--config', 'redocly.yaml'], {
      cwd: specsDir,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    const failure = error as { stdout?: Buffer; stderr?: Buffer };
    process.stderr.write(failure.stdout ?? '');
    process.stderr.write(failure.stderr ?? '');
    throw new Error(`redocly ${args.join(' ')} failed`);
  }
}
