import { describe, expect, it } from 'vitest';
import { LONG_REQUESTS, parseCliArgs } from './cli-args.ts';

describe('npm run fuzz flags', () => {
  it('runs the long mode locally by default, with a drawn seed', () => {
    const options = parseCliArgs([], {});
    expect(options).toMatchObject({ baseUrl: undefined, api: undefined, kind: 'server', credentials: undefined, harDir: undefined, mocks: false });
    expect(options.settings).toMatchObject({ requests: LONG_REQUESTS, seedGiven: false });
  });

  it('takes count and seed from the environment, flags first', () => {
    expect(parseCliArgs([], { FUZZ_REQUESTS: '500', FUZZ_SEED: '42' }).settings).toEqual({ requests: 500, seed: 42, seedGiven: true });
    expect(parseCliArgs(['--requests', '7', '--seed=-3'], { FUZZ_REQUESTS: '500', FUZZ_SEED: '42' }).settings).toEqual({ requests: 7, seed: -3, seedGiven: true });
  });

  it('refuses a count that is not a positive integer', () => {
    expect(() => parseCliArgs(['--requests', '2k'], {})).toThrow('the request count must be a positive integer, got "2k"');
  });

  it('fuzzes a staging server with the API and credentials given', () => {
    const options = parseCliArgs(['--base-url', 'https://staging.example.com/v2/', '--api', 'camunda', '--username', 'ci', '--password', 'pw'], {});
    expect(options).toMatchObject({ baseUrl: 'https://staging.example.com/v2', api: 'camunda', credentials: { username: 'ci', password: 'pw' } });
  });

  it('reads credentials from the environment', () => {
    expect(parseCliArgs([], { FUZZ_USERNAME: 'ci', FUZZ_PASSWORD: 'pw' }).credentials).toEqual({ username: 'ci', password: 'pw' });
  });

  it('resolves a spec path and the HAR folder from where npm was started', () => {
    const options = parseCliArgs(['--base-url', 'http://127.0.0.1:9000', '--api', 'specs/pets.json', '--har', 'out'], { INIT_CWD: '/home/me/repo' });
    expect(options).toMatchObject({ api: '/home/me/repo/specs/pets.json', harDir: '/home/me/repo/out' });
  });

  it('prefers the folder the root script hands over, since npm resets INIT_CWD for the workspace script', () => {
    expect(parseCliArgs(['--har', 'out'], { FUZZ_CWD: '/home/me', INIT_CWD: '/home/me/repo/tests' }).harDir).toBe('/home/me/out');
  });

  it('needs --api with --base-url', () => {
    expect(() => parseCliArgs(['--base-url', 'http://127.0.0.1:8080/v2'], {})).toThrow('--base-url needs --api');
  });

  it('refuses a spec path without --base-url: there is no server to start for it', () => {
    expect(() => parseCliArgs(['--api', 'pets.json'], {})).toThrow('a spec path needs --base-url');
  });

  it('refuses half a credential', () => {
    expect(() => parseCliArgs(['--username', 'ci'], {})).toThrow('give both a username and a password, or neither');
  });

  it('refuses unknown flags', () => {
    expect(() => parseCliArgs(['--sede', '1'], {})).toThrow();
  });
});
