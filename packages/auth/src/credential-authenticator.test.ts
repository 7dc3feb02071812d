import { describe, expect, it, vi } from 'vitest';
import { CredentialAuthenticator, type CredentialAuthenticatorOptions, type StoredCredentials } from './credential-authenticator.ts';
import { Argon2idPasswordHasher, type PasswordHasher } from './password-hasher.ts';
import { MemorySignInThrottle, SignInThrottledError } from './sign-in-throttle.ts';

interface User {
  id: number;
  username: string;
  passwordHash: string | null;
}

/** A real (cheap) argon2id hasher with every call counted. */
function countingHasher() {
  const real = new Argon2idPasswordHasher({ memoryCost: 1024, timeCost: 1, parallelism: 1 });
  return {
    hash: vi.fn((password: string) => real.hash(password)),
    verify: vi.fn((hash: string, password: string) => real.verify(hash, password)),
    verifyAgainstNothing: vi.fn((password: string) => real.verifyAgainstNothing(password)),
  } satisfies PasswordHasher;
}

function setup(ttlMs = 60_000, options: Partial<CredentialAuthenticatorOptions> = {}) {
  const users = new Map<string, User>();
  let nextId = 1;
  const hasher = countingHasher();
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  const find = vi.fn(async (username: string): Promise<StoredCredentials<{ username: string }> | undefined> => {
    const user = users.get(username);
    return user && { id: user.id, passwordHash: user.passwordHash, principal: { username: user.username } };
  });
  const authenticator = new CredentialAuthenticator(find, hasher, { cacheTtlMs: ttlMs, now: () => now, cacheMaxEntries: 2, ...options });
  const add = async (username: string, password: string | null) => {
    const user = { id: nextId++, username, passwordHash: password === null ? null : await hasher.hash(password) };
    users.set(username, user);
    return user;
  };
  return { users, hasher, find, authenticator, clock, add };
}

describe('CredentialAuthenticator', () => {
  it('returns the principal for the right password', async () => {
    const { authenticator, add } = setup();
    await add('admin', 'pw');
    expect(await authenticator.authenticate('admin', 'pw')).toEqual({ username: 'admin' });
  });

  it('returns null for a wrong password after one verification', async () => {
    const { authenticator, hasher, add } = setup();
    await add('u', 'pw');
    expect(await authenticator.authenticate('u', 'wrong')).toBeNull();
    expect(hasher.verify).toHaveBeenCalledTimes(1);
  });

  it('does the same argon2id work for an unknown user', async () => {
    const { authenticator, hasher } = setup();
    expect(await authenticator.authenticate('nobody', 'pw')).toBeNull();
    expect(hasher.verifyAgainstNothing).toHaveBeenCalledWith('pw');
  });

  it('does the same argon2id work for a user without a password', async () => {
    const { authenticator, hasher, add } = setup();
    await add('nopass', null);
    expect(await authenticator.authenticate('nopass', '')).toBeNull();
    expect(hasher.verifyAgainstNothing).toHaveBeenCalledOnce();
    expect(hasher.verify).not.toHaveBeenCalled();
  });

  it('verifies a known password once within the cache lifetime, and again after it', async () => {
    const { authenticator, hasher, add, clock } = setup(1000);
    await add('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    expect(hasher.verify).toHaveBeenCalledTimes(1);
    clock.advance(1001);
    expect(await authenticator.authenticate('u', 'pw')).not.toBeNull();
    expect(hasher.verify).toHaveBeenCalledTimes(2);
  });

  it('verifies a burst of identical credentials once', async () => {
    const { authenticator, hasher, add } = setup();
    await add('u', 'pw');
    const results = await Promise.all(Array.from({ length: 10 }, () => authenticator.authenticate('u', 'pw')));
    expect(results.every((p) => p?.username === 'u')).toBe(true);
    expect(hasher.verify).toHaveBeenCalledTimes(1);
  });

  it('never caches a failure', async () => {
    const { authenticator, hasher, add } = setup();
    await add('u', 'pw');
    await authenticator.authenticate('u', 'wrong');
    await authenticator.authenticate('u', 'wrong');
    expect(hasher.verify).toHaveBeenCalledTimes(2);
  });

  it('forgets a cached password once the user is gone or recreated with another one', async () => {
    const { authenticator, users, add } = setup();
    await add('u', 'old');
    expect(await authenticator.authenticate('u', 'old')).not.toBeNull();
    users.delete('u');
    expect(await authenticator.authenticate('u', 'old')).toBeNull();
    await add('u', 'new');
    expect(await authenticator.authenticate('u', 'old')).toBeNull();
    expect(await authenticator.authenticate('u', 'new')).not.toBeNull();
  });

  it('verifies again for a recreated user with the same hash, since the id is part of the key', async () => {
    const { authenticator, hasher, users, add } = setup();
    const first = await add('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    users.set('u', { ...first, id: 99 });
    await authenticator.authenticate('u', 'pw');
    expect(hasher.verify).toHaveBeenCalledTimes(2);
  });

  it('keeps at most cacheMaxEntries credentials', async () => {
    const { authenticator, hasher, add } = setup();
    for (const name of ['a', 'b', 'c']) await add(name, 'pw');
    for (const name of ['a', 'b', 'c']) await authenticator.authenticate(name, 'pw');
    await authenticator.authenticate('a', 'pw'); // evicted: verified again
    await authenticator.authenticate('c', 'pw'); // still cached
    expect(hasher.verify).toHaveBeenCalledTimes(4);
  });

  it('verifies every request when the cache is off', async () => {
    const { find, hasher, add } = setup();
    const authenticator = new CredentialAuthenticator(find, hasher, { cacheTtlMs: 0 });
    await add('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    expect(hasher.verify).toHaveBeenCalledTimes(2);
  });

  describe('with a sign-in throttle', () => {
    function throttled() {
      const base = setup();
      let now = 0;
      const throttle = new MemorySignInThrottle({ maxFailures: 3, maxFailuresPerAddress: 100, windowSeconds: 60 }, { now: () => now });
      const authenticator = new CredentialAuthenticator(base.find, base.hasher, { cacheTtlMs: 60_000, throttle });
      return { ...base, authenticator, advance: (ms: number) => (now += ms) };
    }

    it('refuses a client after its failures, before verifying anything, even with the right password', async () => {
      const { authenticator, hasher, add } = throttled();
      await add('admin', 'right');
      // The right password is cached first: a throttled client must not learn it from a cache hit.
      expect(await authenticator.authenticate('admin', 'right', '127.0.0.1')).not.toBeNull();
      for (let i = 0; i < 3; i += 1) expect(await authenticator.authenticate('admin', `guess-${i}`, '127.0.0.1')).toBeNull();
      const verifications = hasher.verify.mock.calls.length;
      await expect(authenticator.authenticate('admin', 'right', '127.0.0.1')).rejects.toBeInstanceOf(SignInThrottledError);
      await expect(authenticator.authenticate('admin', 'guess-4', '127.0.0.1')).rejects.toThrow(/retry after 60 s/);
      expect(hasher.verify.mock.calls.length).toBe(verifications);
    });

    it('lets the right password in from another address meanwhile', async () => {
      const { authenticator, add } = throttled();
      await add('admin', 'right');
      for (let i = 0; i < 3; i += 1) await authenticator.authenticate('admin', `guess-${i}`, '127.0.0.1');
      expect(await authenticator.authenticate('admin', 'right', '127.0.0.2')).toEqual({ username: 'admin' });
    });

    it('counts unknown users like wrong passwords, and lets the client try again once the window is over', async () => {
      const { authenticator, add, advance } = throttled();
      await add('admin', 'right');
      for (let i = 0; i < 3; i += 1) await authenticator.authenticate('ghost', 'x', '10.0.0.1');
      await expect(authenticator.authenticate('ghost', 'x', '10.0.0.1')).rejects.toBeInstanceOf(SignInThrottledError);
      advance(60_000);
      expect(await authenticator.authenticate('ghost', 'x', '10.0.0.1')).toBeNull();
    });
  });

  describe("with the store's change counter", () => {
    function counted() {
      let generation = 0;
      let now = 0;
      const throttle = new MemorySignInThrottle({ maxFailures: 3, maxFailuresPerAddress: 100, windowSeconds: 60 }, { now: () => now });
      const base = setup(1000, { generation: () => generation, throttle });
      return { ...base, write: () => (generation += 1), advance: (ms: number) => (base.clock.advance(ms), (now += ms)) };
    }

    it('answers credentials that signed in at once, without the store, while nothing was written', async () => {
      const { authenticator, find, hasher, add } = counted();
      await add('u', 'pw');
      expect(await authenticator.authenticate('u', 'pw')).toEqual({ username: 'u' });
      const again = authenticator.authenticate('u', 'pw');
      expect(again).toEqual({ username: 'u' });
      expect(again).not.toBeInstanceOf(Promise);
      expect(find).toHaveBeenCalledTimes(1);
      expect(hasher.verify).toHaveBeenCalledTimes(1);
    });

    it('asks the store again once anything was written: a removed user is refused, a changed one seen', async () => {
      const { authenticator, find, hasher, users, add, write } = counted();
      const user = await add('u', 'pw');
      await authenticator.authenticate('u', 'pw');
      users.set('u', { ...user, username: 'renamed' });
      write();
      expect(await authenticator.authenticate('u', 'pw')).toEqual({ username: 'renamed' });
      expect(hasher.verify).toHaveBeenCalledTimes(1);
      users.delete('u');
      write();
      expect(await authenticator.authenticate('u', 'pw')).toBeNull();
      expect(find).toHaveBeenCalledTimes(3);
    });

    it('verifies again once the cache lifetime is over, written or not', async () => {
      const { authenticator, hasher, add, advance } = counted();
      await add('u', 'pw');
      await authenticator.authenticate('u', 'pw');
      advance(1001);
      expect(await authenticator.authenticate('u', 'pw')).toEqual({ username: 'u' });
      expect(hasher.verify).toHaveBeenCalledTimes(2);
    });

    it('still lets the throttle refuse a client first, without asking the store', async () => {
      const { authenticator, find, add } = counted();
      await add('admin', 'right');
      expect(await authenticator.authenticate('admin', 'right', '10.0.0.1')).not.toBeNull();
      for (let i = 0; i < 3; i += 1) await authenticator.authenticate('admin', `guess-${i}`, '10.0.0.1');
      const asked = find.mock.calls.length;
      await expect(authenticator.authenticate('admin', 'right', '10.0.0.1')).rejects.toBeInstanceOf(SignInThrottledError);
      expect(find).toHaveBeenCalledTimes(asked);
      expect(authenticator.authenticate('admin', 'right', '10.0.0.2')).toEqual({ username: 'admin' });
    });

    it('does not answer other credentials from the cache: another password, or another split of the same text', async () => {
      const { authenticator, hasher, add } = counted();
      await add('u', 'p\u0000w');
      await add('u\u0000p', 'w');
      await authenticator.authenticate('u', 'p\u0000w');
      expect(await authenticator.authenticate('u', 'pw2')).toBeNull();
      expect(await authenticator.authenticate('u\u0000p', 'w')).toEqual({ username: 'u\u0000p' });
      expect(hasher.verify).toHaveBeenCalledTimes(3);
    });
  });

  it('asks the store on every call without a change counter', async () => {
    const { authenticator, find, add } = setup();
    await add('u', 'pw');
    await authenticator.authenticate('u', 'pw');
    expect(authenticator.authenticate('u', 'pw')).toBeInstanceOf(Promise);
    expect(find).toHaveBeenCalledTimes(2);
  });
});
