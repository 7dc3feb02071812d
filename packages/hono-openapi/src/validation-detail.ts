/**
 * A sentence per offending field of a validation failure, for mappers whose error format has one
 * human-readable `detail` (Camunda's problem+json). Names the field, never its value.
 */
import type { RuntimeFailure } from './failures.ts';
import type { ValidationIssue } from './issues.ts';

const locationNoun = { body: 'property', path: 'path parameter', query: 'query parameter', header: 'header' } as const;

/** One sentence per issue; names the field, never its value. */
function describeIssue(location: keyof typeof locationNoun, issue: ValidationIssue): string {
  if (issue.pointer === '' && issue.keyword === 'required') return 'Required request body is missing.';
  if (issue.field === '') return `The request body ${issue.message}.`;
  if (issue.keyword === 'required' || issue.keyword === 'dependentRequired') return `No ${issue.field} provided.`;
  if (issue.keyword === 'additionalProperties') return `Unknown ${locationNoun[location]} '${issue.field}'.`;
  // Upstream says "The provided email 'x' is not valid."; the value is left out, it may be a password.
  return `The provided ${locationNoun[location]} '${issue.field}' is not valid: it ${issue.message}.`;
}

/** Detail of a validation failure: every offending field, one sentence each. */
export function validationDetail(failure: Extract<RuntimeFailure, { kind: 'validation' }>): string {
  return failure.issues.map((issue) => describeIssue(failure.location, issue)).join(' ');
}
