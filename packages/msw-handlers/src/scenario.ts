import type { ResponseExample } from './response-examples.ts';

/** The numeric statuses an operation of the generated `operations` declares. */
export type OperationStatus<Operation> = Operation extends { responses: infer Responses } ? keyof Responses & number : never;

/**
 * A scenario of one operation, written as the Prism mock's `Prefer` header (or the clients'
 * `scenario` option) writes it: `code=409, example=duplicateUsername`, `code=409` (the first
 * example of that status), `example=noMatch` (a success example) or the bare status `409`. The
 * statuses are checked against the operation's declared responses; example names are checked
 * when the handler is created, with the list of the operation's scenarios in the error.
 */
export type Scenario<Operation> =
  | `${OperationStatus<Operation>}`
  | `code=${OperationStatus<Operation>}`
  | `code=${OperationStatus<Operation>}, example=${string}`
  | `example=${string}`;

/** A scenario per operation, by operationId; operations left out answer their default. */
export type ScenarioMap<Operations> = { [OperationId in keyof Operations]?: Scenario<Operations[OperationId]> };

/** `code` and `example` of a Prefer-style scenario; other Prefer tokens (`dynamic=…`) are ignored. */
export function parseScenario(scenario: string): { code?: number; example?: string } {
  const value = scenario.trim();
  if (/^\d{3}$/.test(value)) return { code: Number(value) };
  if (/^[A-Za-z0-9._-]+$/.test(value)) return { example: value };
  const parsed: { code?: number; example?: string } = {};
  for (const token of value.split(',')) {
    const [key, raw] = token.split('=').map((part) => part.trim());
    if (key === 'code' && raw && /^\d{3}$/.test(raw)) parsed.code = Number(raw);
    else if (key === 'example' && raw) parsed.example = raw;
  }
  return parsed;
}

/**
 * The example of one operation that a scenario selects, as Prism selects it: by status and name;
 * by status alone (its first example); by name alone among the success responses only; with no
 * scenario, the default (first example of the lowest 2xx response).
 *
 * @throws Error naming the operation and every scenario it has, when none matches.
 */
export function selectExample(examples: readonly ResponseExample[], scenario: string | undefined): ResponseExample {
  const { code, example } = scenario === undefined ? {} : parseScenario(scenario);
  const found =
    code === undefined && example === undefined
      ? examples.find((candidate) => candidate.isDefault)
      : examples.find(
          (candidate) =>
            (code === undefined ? candidate.status < 300 && candidate.status >= 200 : candidate.status === code) &&
            (example === undefined || candidate.name === example),
        );
  if (found) return found;
  const operationId = examples[0]?.operationId ?? '(unknown operation)';
  throw new Error(
    `No scenario ${JSON.stringify(scenario)} for ${operationId}; its scenarios: ${examples.map((candidate) => candidate.prefer).join(' | ')}` +
      (code === undefined && example !== undefined ? ` (a bare example name selects success examples only: add code=<status>)` : ''),
  );
}
