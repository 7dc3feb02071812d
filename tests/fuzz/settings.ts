/**
 * How many requests and which seed: `FUZZ_REQUESTS` and `FUZZ_SEED` override the defaults (2,000
 * per target in `npm test`, 20,000 in `npm run fuzz`); without a seed one is drawn and printed, so
 * every run can be repeated.
 */

/** Count and seed of a run. */
export interface FuzzSettings {
  readonly requests: number;
  readonly seed: number;
  /** Whether the seed was given (else drawn). */
  readonly seedGiven: boolean;
}

/** Reads `FUZZ_REQUESTS` / `FUZZ_SEED` from `env` (flags, when given, win over both). */
export function fuzzSettings(
  env: Record<string, string | undefined>,
  defaults: { requests: number },
  flags: { requests?: string | undefined; seed?: string | undefined } = {},
): FuzzSettings {
  const requestsText = flags.requests ?? env['FUZZ_REQUESTS'];
  const seedText = flags.seed ?? env['FUZZ_SEED'];
  const requests = requestsText === undefined || requestsText === '' ? defaults.requests : Number(requestsText);
  if (!Number.isInteger(requests) || requests < 1) throw new Error(`the request count must be a positive integer, got ${JSON.stringify(requestsText)}`);
  if (seedText !== undefined && seedText !== '') {
    const seed = Number(seedText);
    if (!Number.isInteger(seed)) throw new Error(`the seed must be an integer, got ${JSON.stringify(seedText)}`);
    return { requests, seed, seedGiven: true };
  }
  // fast-check seeds are 32-bit integers.
  return { requests, seed: Math.floor(Math.random() * 2 ** 31), seedGiven: false };
}

/** The line every run prints first: enough to repeat it. */
export function settingsLine(what: string, settings: FuzzSettings): string {
  const origin = settings.seedGiven ? 'given' : 'drawn';
  return `${what}: ${settings.requests} generated requests per target, seed ${settings.seed} (${origin}; repeat with FUZZ_SEED=${settings.seed} FUZZ_REQUESTS=${settings.requests})`;
}
