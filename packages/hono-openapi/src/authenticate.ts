/**
 * Per-request authentication against an operation's compiled security. Synchronous as long as
 * the verifiers are: a sync verifier costs no promise and no microtask on the hot path.
 */
import type { Context } from 'hono';
import type { RuntimeFailure } from './failures.ts';
import { unusableCredential, type CompiledScheme, type CompiledSecurity } from './security.ts';

/** The result of authenticating a request. */
export type AuthResult<P> =
  | { readonly principal: P | undefined; readonly failure?: undefined }
  | { readonly failure: Extract<RuntimeFailure, { kind: 'unauthorized' }> };

interface Progress {
  alternative: number;
  scheme: number;
  principal: unknown;
  rejected: CompiledScheme | undefined;
  anonymous: boolean;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}

function nextAlternative(progress: Progress): void {
  progress.alternative += 1;
  progress.scheme = 0;
  progress.principal = undefined;
}

function record(progress: Progress, scheme: CompiledScheme, verdict: unknown): void {
  if (verdict === null || verdict === undefined) {
    progress.rejected ??= scheme;
    nextAlternative(progress);
  } else {
    progress.principal ??= verdict;
    progress.scheme += 1;
  }
}

function unauthorized<P>(security: CompiledSecurity, rejected: CompiledScheme | undefined): AuthResult<P> {
  const challenges: string[] = [];
  for (const scheme of security.schemes) {
    const challenge = scheme.challenge(scheme === rejected);
    if (challenge !== undefined) challenges.push(challenge);
  }
  return {
    failure: {
      kind: 'unauthorized',
      reason: rejected === undefined ? 'missingCredentials' : 'invalidCredentials',
      schemes: security.schemeNames,
      ...(rejected === undefined ? {} : { rejected: { scheme: rejected.name, kind: rejected.kind } }),
      challenges,
    },
  };
}

function resume<P>(security: CompiledSecurity, c: Context, progress: Progress): AuthResult<P> | Promise<AuthResult<P>> {
  const { alternatives } = security;
  while (progress.alternative < alternatives.length) {
    const alternative = alternatives[progress.alternative] ?? [];
    if (alternative.length === 0) {
      progress.anonymous = true;
      nextAlternative(progress);
      continue;
    }
    const scheme = alternative[progress.scheme];
    if (scheme === undefined) return { principal: progress.principal as P };
    const credential = scheme.extract(c);
    if (credential === undefined) {
      nextAlternative(progress);
      continue;
    }
    const verdict = credential === unusableCredential ? null : scheme.verify(credential as never, c);
    if (isThenable(verdict)) {
      return Promise.resolve(verdict).then((settled) => {
        record(progress, scheme, settled);
        return resume<P>(security, c, progress);
      });
    }
    record(progress, scheme, verdict);
  }
  if (progress.anonymous && progress.rejected === undefined) return { principal: undefined };
  return unauthorized<P>(security, progress.rejected);
}

/**
 * Tries the alternatives in spec order; the first whose schemes all verify wins, and its first
 * scheme's principal becomes `req.principal`. Alternatives whose credentials are absent are
 * skipped; rejected credentials are remembered so the 401 can say so.
 */
export function authenticate<P>(security: CompiledSecurity, c: Context): AuthResult<P> | Promise<AuthResult<P>> {
  return resume<P>(security, c, { alternative: 0, scheme: 0, principal: undefined, rejected: undefined, anonymous: false });
}
