/**
 * The flags of `npm run fuzz` (see {@link USAGE}), read into what the CLI does. Relative paths are
 * taken from the folder npm was started in, not from the workspace turbo runs the script in: the
 * root script hands it over as `FUZZ_CWD`, since npm resets `INIT_CWD` for the workspace script.
 */
import { isAbsolute, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { FuzzCredentials } from '@repo/contract-fuzz';
import { fuzzSettings, type FuzzSettings } from './settings.ts';

/** Requests per target in the long mode unless `--requests` or `FUZZ_REQUESTS` says otherwise. */
export const LONG_REQUESTS = 20_000;

export const USAGE = `npm run fuzz -- [options]

Without --base-url: starts the Camunda and Onezone servers on SQLite and, when PostgreSQL answers
(DATABASE_URL, TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test; a fresh database per
server), on PostgreSQL too, and fuzzes each. With --base-url: fuzzes that one target.

  --requests <n>      requests per target (env FUZZ_REQUESTS; default ${LONG_REQUESTS})
  --seed <n>          seed of the run (env FUZZ_SEED; default: drawn and printed)
  --api <api>         camunda, onezone or the path of a bundled spec (required with --base-url;
                      locally: only this API)
  --base-url <url>    the API root of any server, e.g. https://staging.example.com/v2 (when it has
                      no path, the spec's server path is appended)
  --kind <kind>       server (default) or mock: a stateless mock gets only the checks that apply
  --username <name>   an authorised caller (env FUZZ_USERNAME; local default: the bootstrap admin)
  --password <pw>     its password (env FUZZ_PASSWORD)
  --har <dir>         keep every exchange as HAR 1.2 in <dir> (one file per target)
  --mocks             locally, fuzz the Prism mocks too and check their named examples
  --help              this text

Exit code 1 when any check fails or a documented (operation, status) is neither reached nor
excused in tests/fuzz/coverage-exceptions.yaml.`;

/** What the CLI was asked to do. */
export interface CliOptions {
  readonly help: boolean;
  readonly settings: FuzzSettings;
  /** `camunda`, `onezone` or an absolute spec path; undefined: both APIs. */
  readonly api: string | undefined;
  readonly baseUrl: string | undefined;
  readonly kind: 'server' | 'mock';
  readonly credentials: FuzzCredentials | undefined;
  /** Absolute folder for HAR files, or undefined (a temp folder, removed). */
  readonly harDir: string | undefined;
  readonly mocks: boolean;
}

/** Parses `argv` (without node and script) with `env`; throws a usage error on a bad flag. */
export function parseCliArgs(argv: readonly string[], env: Record<string, string | undefined>): CliOptions {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      requests: { type: 'string' },
      seed: { type: 'string' },
      api: { type: 'string' },
      'base-url': { type: 'string' },
      kind: { type: 'string' },
      username: { type: 'string' },
      password: { type: 'string' },
      har: { type: 'string' },
      mocks: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length > 0) throw new Error(`unexpected argument ${positionals[0]}`);
  const from = env['FUZZ_CWD'] || env['INIT_CWD'] || process.cwd();
  const absolute = (path: string) => (isAbsolute(path) ? path : resolve(from, path));
  const kind = values.kind ?? 'server';
  if (kind !== 'server' && kind !== 'mock') throw new Error(`--kind must be server or mock, got ${kind}`);
  const baseUrl = values['base-url'];
  if (baseUrl !== undefined) {
    if (values.api === undefined) throw new Error('--base-url needs --api (camunda, onezone or the path of a bundled spec)');
    if (!/^https?:\/\//.test(baseUrl)) throw new Error(`--base-url must be an http(s) URL, got ${baseUrl}`);
    if (values.mocks) throw new Error('--mocks starts local mocks; with --base-url use --kind mock instead');
  } else if (values.kind !== undefined) throw new Error('--kind applies to --base-url (locally, --mocks adds the mocks)');
  const api = values.api === undefined || values.api === 'camunda' || values.api === 'onezone' ? values.api : absolute(values.api);
  if (api !== undefined && baseUrl === undefined && api !== 'camunda' && api !== 'onezone') {
    throw new Error('a spec path needs --base-url: locally only camunda and onezone have servers to start');
  }
  const username = values.username ?? env['FUZZ_USERNAME'];
  const password = values.password ?? env['FUZZ_PASSWORD'];
  if ((username === undefined) !== (password === undefined)) throw new Error('give both a username and a password, or neither');
  return {
    help: values.help,
    settings: fuzzSettings(env, { requests: LONG_REQUESTS }, { requests: values.requests, seed: values.seed }),
    api,
    baseUrl: baseUrl?.replace(/\/+$/, ''),
    kind,
    credentials: username === undefined || password === undefined ? undefined : { username, password },
    harDir: values.har === undefined ? undefined : absolute(values.har),
    mocks: values.mocks,
  };
}
