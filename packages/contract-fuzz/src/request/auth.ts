/**
 * Credential mutations for `ignored_auth`: each replaces the authorised caller's credentials on an
 * otherwise positive request. All must be answered 401, except credentials that cannot even be
 * decoded into a name (a NUL in the username), which may also be refused with 400.
 */
import type { FuzzCredentials } from '../types.ts';
import { basic } from './build.ts';
import type { Expectation } from './planned.ts';

export interface AuthVariant {
  readonly description: string;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly expectation: Expectation;
}

/** The variants; those that need a known user are left out without credentials. */
export function authVariants(credentials: FuzzCredentials | undefined): AuthVariant[] {
  const user = credentials?.username ?? 'admin';
  const password = credentials?.password ?? 'password';
  const valid64 = Buffer.from(`${user}:${password}`).toString('base64');
  const variants: AuthVariant[] = [
    { description: 'no Authorization header', headers: [], expectation: 'unauthenticated' },
    { description: 'Basic with junk that is not base64', headers: [['authorization', 'Basic !!!not*base64!!!']], expectation: 'unauthenticated' },
    { description: 'Basic with junk after valid base64', headers: [['authorization', `Basic ${valid64}@@junk`]], expectation: 'unauthenticated' },
    { description: 'Basic with an empty token', headers: [['authorization', 'Basic ']], expectation: 'unauthenticated' },
    { description: 'Basic without a colon', headers: [['authorization', `Basic ${Buffer.from(`${user}${password}`).toString('base64')}`]], expectation: 'unauthenticated' },
    { description: 'Basic for an unknown user', headers: [['authorization', basic('fuzz-unknown-user-7f3a', password)]], expectation: 'unauthenticated' },
    { description: 'Bearer with a junk token', headers: [['authorization', 'Bearer fuzz.junk.token']], expectation: 'unauthenticated' },
    { description: 'unknown scheme (Digest)', headers: [['authorization', 'Digest username="fuzz", response="00"']], expectation: 'unauthenticated' },
    { description: 'Basic with a NUL in the username', headers: [['authorization', basic(`${user}\u0000`, password)]], expectation: 'unauthenticated-or-bad' },
    { description: 'Basic with invalid UTF-8 in the username', headers: [['authorization', `Basic ${Buffer.concat([Buffer.from(user), Buffer.from([0xff, 0xfe]), Buffer.from(`:${password}`)]).toString('base64')}`]], expectation: 'unauthenticated-or-bad' },
  ];
  if (credentials !== undefined) {
    variants.push({ description: 'Basic with a wrong password', headers: [['authorization', basic(user, `${password}-wrong`)]], expectation: 'unauthenticated' });
  }
  return variants;
}
