/**
 * What changes when the target is a stateless mock (`FuzzTarget.kind === 'mock'`, i.e. Prism):
 * which requests a check may judge there, and why the others are not applicable. A mock validates
 * requests against the spec's JSON Schemas and serves examples; it does not know users, passwords
 * or our servers' own wire rules, its router differs in one point, and it reads a JSON `null` body
 * as no body. Every narrowing here is
 * reported as the check's reason, so nothing is skipped silently.
 */
import type { AuthVariant } from '../request/auth.ts';
import type { RequestValues } from '../request/build.ts';
import type { Expectation } from '../request/planned.ts';
import { serverRules, type Mutated } from '../request/transport.ts';
import type { OperationModel, SpecModel } from '../spec/operations.ts';
import type { FuzzTarget } from '../types.ts';

/** The reasons printed in the report for each narrowing. */
export const mockReasons = {
  ignoredAuth:
    'on a mock only requests without credentials are judged: Prism checks only that credentials are present (a Basic header with any name and password passes), not that they are right',
  wireRules: `on a mock the wire-hygiene transport mutations (${serverRules}) are judged by the response checks only: they are our servers' rules, not JSON Schema, and Prism does not enforce them`,
  nullBody:
    'on a mock a JSON null as the (optional) body is not judged: Prism reads a null body as no body, which the operation allows, and skips validating it',
  shadowedMethods: (methods: readonly string[], path: string, templates: readonly string[]) =>
    `on a mock ${methods.map((m) => m.toUpperCase()).join('/')} ${path} is not judged: Prism routes it to ${templates.join(', ')}, which declares that method, and validates it there (400) instead of answering 405`,
} as const;

/** The credential variants to send: on a mock, only those without credentials. */
export function authVariantsFor(kind: FuzzTarget['kind'], variants: readonly AuthVariant[]): AuthVariant[] {
  return kind === 'mock' ? variants.filter((variant) => variant.headers.length === 0) : [...variants];
}

/** What a transport request expects on this kind of target: a server rule expects nothing of a mock. */
export function transportExpectation(kind: FuzzTarget['kind'], mutated: Pick<Mutated, 'serverRule'>, settled: Expectation): Expectation {
  return kind === 'mock' && mutated.serverRule === true ? 'lenient' : settled;
}

/**
 * What a negative request expects on this kind of target: `null` as an optional body is lenient on
 * a mock (Prism takes a null body for none); everything else must be refused.
 */
export function negativeExpectation(kind: FuzzTarget['kind'], operation: Pick<OperationModel, 'body'>, values: Pick<RequestValues, 'body'>): Expectation {
  return kind === 'mock' && values.body === null && operation.body !== undefined && !operation.body.required ? 'lenient' : 'invalid';
}

/**
 * The undeclared methods of `operation`'s path that a mock routes elsewhere: for a concrete path
 * (`/users/search`), the methods a templated path of the same shape (`/users/{userKey}`) declares.
 * OpenAPI matches concrete paths first, so the server answers 405; Prism falls through to the
 * template. Returns each such method with the templates that take it.
 */
export function shadowedMethods(model: SpecModel, operation: OperationModel, missing: readonly string[]): Map<string, string[]> {
  const shadowed = new Map<string, string[]>();
  const segments = operation.path.split('/');
  const isParameter = (segment: string) => /^\{[^}]+\}$/.test(segment);
  for (const [path, methods] of model.paths) {
    if (path === operation.path) continue;
    const template = path.split('/');
    // A generated value for a parameter of ours never equals a literal of theirs, so only their
    // parameters can take our literals.
    const matches = template.length === segments.length && template.every((part, i) => part === segments[i] || (isParameter(part) && !isParameter(segments[i]!)));
    if (!matches) continue;
    for (const method of missing.filter((m) => methods.includes(m))) shadowed.set(method, [...(shadowed.get(method) ?? []), path]);
  }
  return shadowed;
}
