/**
 * How JSON-Schema failures become Onezone error ids: a table, read top to bottom. The first row
 * that matches any issue decides the error, so row order encodes the upstream server's precedence
 * (the body's shape, then missing values, then `null`, then types, then each field's own rules).
 */
import type { JsonType, ValidationIssue } from '@repo/hono-openapi';

/** The upstream Onezone ids a schema failure can become; errors.ts turns each into a code of ours. */
export type ValidationErrorId =
  | 'malformedData'
  | 'missingRequiredValue'
  | 'badValueUsername'
  | 'badValueFullName'
  | 'badValuePassword'
  | 'badValueString'
  | 'badValueInteger'
  | 'badValueBoolean'
  | 'badValueList'
  | 'badData';

/** One row: every given condition must hold for an issue to match. */
export interface ValidationRule {
  /** The issue's keyword is one of these. */
  readonly keywords?: readonly string[];
  /** The issue is about this field (dotted path; `''` is the whole body). */
  readonly field?: string;
  /** The offending value has this JSON type. */
  readonly received?: JsonType;
  /** For `type` failures: the schema's expected type. */
  readonly expected?: string;
  readonly id: ValidationErrorId;
  /** Whether `details.key` carries the field name. */
  readonly withKey: boolean;
}

/** The table, tested row by row in validation-table.test.ts. */
export const validationTable: readonly ValidationRule[] = [
  // Not an object, or no body at all: the server cannot read it.
  { field: '', keywords: ['type', 'required'], id: 'malformedData', withKey: false },
  { keywords: ['required', 'dependentRequired'], id: 'missingRequiredValue', withKey: true },
  // JSON null is a bad value of the field, not a missing one.
  { field: 'username', received: 'null', id: 'badValueUsername', withKey: false },
  { field: 'fullName', received: 'null', id: 'badValueFullName', withKey: false },
  { field: 'password', received: 'null', id: 'badValuePassword', withKey: false },
  { keywords: ['type'], expected: 'string', id: 'badValueString', withKey: true },
  { keywords: ['type'], expected: 'integer', id: 'badValueInteger', withKey: true },
  { keywords: ['type'], expected: 'boolean', id: 'badValueBoolean', withKey: true },
  { keywords: ['type'], expected: 'array', id: 'badValueList', withKey: true },
  // Pattern and length of the user fields.
  { field: 'username', id: 'badValueUsername', withKey: false },
  { field: 'fullName', id: 'badValueFullName', withKey: false },
  { field: 'password', id: 'badValuePassword', withKey: false },
  // Anything else the schema refuses.
  { id: 'badData', withKey: true },
];

function matches(rule: ValidationRule, issue: ValidationIssue): boolean {
  if (rule.keywords !== undefined && !rule.keywords.includes(issue.keyword)) return false;
  if (rule.field !== undefined && rule.field !== issue.field) return false;
  if (rule.received !== undefined && rule.received !== issue.received) return false;
  if (rule.expected !== undefined) {
    const expected = issue.params['type'];
    const types = Array.isArray(expected) ? expected : [expected];
    if (!types.includes(rule.expected)) return false;
  }
  return true;
}

/** The first row matching any issue, with the issue it matched. */
export function findValidationRule(
  issues: readonly ValidationIssue[],
  table: readonly ValidationRule[] = validationTable,
): { rule: ValidationRule; issue: ValidationIssue } | undefined {
  for (const rule of table) {
    const issue = issues.find((candidate) => matches(rule, candidate));
    if (issue !== undefined) return { rule, issue };
  }
  return undefined;
}
