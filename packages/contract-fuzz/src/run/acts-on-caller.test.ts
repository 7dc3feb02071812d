import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { formatReport } from '../report/format-report.ts';
import { accountsAdmin, accountsSpec, startAccountsServer, type AccountsServer } from '../testing/accounts-fixture.ts';
import type { FuzzCredentials, FuzzTarget } from '../types.ts';
import { FuzzAbortedError, runFuzz } from './run-fuzz.ts';

const spec = accountsSpec as unknown as Record<string, unknown>;
let server: AccountsServer;
beforeEach(async () => {
  server = await startAccountsServer();
});
afterEach(async () => {
  await server.close();
});

const target = (extra: Partial<FuzzTarget> = {}): FuzzTarget => ({ name: 'accounts', spec, baseUrl: server.baseUrl, credentials: accountsAdmin, kind: 'server', ...extra });
const marked = ['changeMyPassword', 'removeMe'];

describe('operations marked x-acts-on-caller', () => {
  it('are sent as a fresh disposable caller per request, never as the authorised caller', async () => {
    const made: FuzzCredentials[] = [];
    const report = await runFuzz(target({ disposableCaller: async () => made[made.push(server.addAccount()) - 1]! }), { requests: 240, seed: 8 });
    const text = formatReport(report);
    // The run was not locked out, and the admin still has its password.
    expect(server.accounts.get(accountsAdmin.username)).toBe(accountsAdmin.password);
    const onMarked = server.authenticated.filter((a) => marked.includes(a.operationId));
    expect(onMarked.length, text).toBeGreaterThan(20);
    expect(onMarked.filter((a) => a.username === accountsAdmin.username)).toEqual([]);
    // One caller per request: no disposable caller authenticated twice.
    expect(new Set(onMarked.map((a) => a.username)).size).toBe(onMarked.length);
    // Made only for requests that carry the authorised caller (not for auth variants or other operations).
    expect(server.authenticated.filter((a) => a.operationId === 'getMe').every((a) => a.username === accountsAdmin.username)).toBe(true);
    expect(made.length).toBeLessThan(report.requestsSent);
    // The valid removal and the wrong-old-password 401 are reached; the 204 of a password change
    // needs the disposable caller's own password, which the generator cannot know.
    expect(report.statuses.get('removeMe')?.get(204), text).toBeGreaterThan(0);
    expect(report.statuses.get('changeMyPassword')?.get(401), text).toBeGreaterThan(0);
    const outcome = (check: string, op: string) => report.checks.find((c) => c.check === check && c.operationId === op);
    expect(outcome('positive_data_acceptance', 'changeMyPassword')?.status, text).toBe('passed');
    expect(outcome('negative_data_rejection', 'changeMyPassword')?.status, text).toBe('passed');
    expect(outcome('ignored_auth', 'removeMe')?.status, text).toBe('passed');
    // A failure's curl line is what was sent: the disposable caller's credentials.
    for (const failure of report.failures.filter((f) => marked.includes(f.operationId) && f.generated.class !== 'auth')) {
      expect(failure.generated.description).toContain('as disposable caller spare');
    }
  }, 60_000);

  it('send the auth variants made from the caller\'s credentials as a disposable caller too', async () => {
    await server.close();
    server = await startAccountsServer({ junkAfterBase64: true });
    const report = await runFuzz(target({ disposableCaller: async () => server.addAccount() }), { requests: 240, seed: 8 });
    const text = formatReport(report);
    // The defect is found on the marked operation, and it removed a spare caller, not the admin.
    expect(server.accounts.get(accountsAdmin.username), text).toBe(accountsAdmin.password);
    const found = report.failures.find((f) => f.check === 'ignored_auth' && f.operationId === 'removeMe');
    expect(found?.generated.description, text).toMatch(/junk after valid base64 \(as disposable caller spare\d+\)/);
    expect(found?.curl).not.toContain(Buffer.from(`${accountsAdmin.username}:`).toString('base64').slice(0, 6));
  }, 60_000);

  it('without a disposable caller, send no credentials made from the caller\'s', async () => {
    await server.close();
    server = await startAccountsServer({ junkAfterBase64: true });
    const report = await runFuzz(target(), { requests: 240, seed: 8 });
    expect(server.accounts.get(accountsAdmin.username), formatReport(report)).toBe(accountsAdmin.password);
    expect(server.authenticated.filter((a) => marked.includes(a.operationId))).toEqual([]);
  }, 60_000);

  it('without a disposable caller, send only what needs no caller and say why the rest does not apply', async () => {
    const report = await runFuzz(target(), { requests: 240, seed: 8 });
    const text = formatReport(report);
    expect(server.authenticated.filter((a) => marked.includes(a.operationId)), text).toEqual([]);
    expect(server.accounts.get(accountsAdmin.username)).toBe(accountsAdmin.password);
    const outcome = (check: string, op: string) => report.checks.find((c) => c.check === check && c.operationId === op);
    for (const operationId of marked) {
      expect(outcome('ignored_auth', operationId)?.status, text).toBe('passed');
      for (const check of ['positive_data_acceptance', 'negative_data_rejection'] as const) {
        expect(outcome(check, operationId), text).toMatchObject({ status: 'not applicable', reason: expect.stringContaining('acts on the caller; no disposable caller given') });
      }
      // Judged on the 401s of the auth requests, with the note that the rest was not sent.
      expect(outcome('status_code_conformance', operationId)?.reason).toContain('acts on the caller; no disposable caller given');
    }
    expect(outcome('positive_data_acceptance', 'getMe')?.status, text).toBe('passed');
  }, 60_000);

  it('on a mock (stateless: nothing to spend) are sent as the authorised caller', async () => {
    let asked = 0;
    // This server is not stateless: the first removal locks the run out, which is the point here.
    await runFuzz(target({ kind: 'mock', disposableCaller: async () => (asked++, server.addAccount()) }), { requests: 60, seed: 8, operations: ['removeMe'] }).catch(
      (error: unknown) => expect(error).toBeInstanceOf(FuzzAbortedError),
    );
    expect(asked).toBe(0);
    expect(server.authenticated[0]).toEqual({ operationId: 'removeMe', username: accountsAdmin.username });
  }, 60_000);

  it('stop the run with the reason when the disposable caller cannot be made', async () => {
    const run = runFuzz(target({ disposableCaller: () => Promise.reject(new Error('no admin API')) }), { requests: 60, seed: 8, operations: ['removeMe'] });
    await expect(run).rejects.toThrow(/could not make a disposable caller for removeMe: no admin API/);
  }, 60_000);
});
