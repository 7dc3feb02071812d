/**
 * Prism's scenario selection, for the stateful mock: `Prefer: code=<status>, example=<name>`
 * picks a documented response of the operation, exactly as `npm run mock` (Prism) picks it.
 */
import type { Scenario } from '../scenarios.ts';

/** What a `Prefer` header asks the mock for. */
export interface ScenarioPreference {
  /** `code=409`: a documented status. */
  code?: number;
  /** `example=duplicateUsername`: a named example. */
  example?: string;
}

/**
 * The scenario a `Prefer` header asks for, or undefined when it asks for none (no header, or only
 * preferences that are not Prism's, such as `return=minimal`). Tokens are separated by commas,
 * as Prism reads them; `dynamic=…` is ignored (the stateful mock has no dynamic mode).
 */
export function parsePrefer(header: string | null | undefined): ScenarioPreference | undefined {
  if (!header) return undefined;
  let preference: ScenarioPreference | undefined;
  for (const token of header.split(',')) {
    const eq = token.indexOf('=');
    if (eq < 0) continue;
    const key = token.slice(0, eq).trim().toLowerCase();
    const value = token.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    if (key === 'code' && /^\d{3}$/.test(value)) (preference ??= {}).code = Number(value);
    else if (key === 'example' && value !== '') (preference ??= {}).example = value;
  }
  return preference;
}

/**
 * The scenario of one operation that `preference` selects, as Prism selects it: with `code` and
 * `example`, that example of that status; with `code` alone, the status's first example (or its
 * body-less response); with `example` alone, that example among the success (2xx) responses only.
 * Undefined when the operation documents no such response.
 */
export function pickScenario(scenarios: readonly Scenario[], preference: ScenarioPreference): Scenario | undefined {
  const { code, example } = preference;
  return scenarios.find(
    (scenario) =>
      (code === undefined ? scenario.status >= 200 && scenario.status < 300 : scenario.status === code) &&
      (example === undefined || scenario.example === example),
  );
}
