/**
 * How validation failures become Onezone error ids: a table, read top to bottom. The first row
 * that matches any issue decides the error, so row order encodes the precedence: the runtime's text
 * hygiene (U+0000, lone surrogates, percent-encoding that is not UTF-8; such a failure holds no
 * other issue), then parameters, then, as the upstream server does for bodies, the body's shape,
 * missing values, `null`, types, and each field's own rules.
 */
import {
  PROPERTY_NAME_HYGIENE_KEYWORD,
  TEXT_HYGIENE_KEYWORD,
  type JsonType,
  type ValidationIssue,
  type ValidationLocation,
} from '@repo/hono-openapi';

/** The upstream Onezone ids a schema failure can become; errors.ts turns each into a code of ours. */
export type ValidationErrorId =
  | 'notFound'
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
  /** The failure is in this part of the request (any, when absent). */
  readonly location?: ValidationLocation;
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
  // Text no user field can hold, wherever it is: the field's own bad value, as for its pattern.
  { keywords: [TEXT_HYGIENE_KEYWORD], field: 'username', id: 'badValueUsername', withKey: false },
  { keywords: [TEXT_HYGIENE_KEYWORD], field: 'fullName', id: 'badValueFullName', withKey: false },
  { keywords: [TEXT_HYGIENE_KEYWORD], field: 'password', id: 'badValuePassword', withKey: false },
  // Any other string (the path's user id included): a bad string value, naming it.
  { keywords: [TEXT_HYGIENE_KEYWORD], id: 'badValueString', withKey: true },
  // A property name that cannot be read: the body cannot be understood.
  { keywords: [PROPERTY_NAME_HYGIENE_KEYWORD], id: 'malformedData', withKey: false },
  // The only path parameter is the user id: one that breaks its schema names no user.
  { location: 'path', id: 'notFound', withKey: false },
  { location: 'query', id: 'malformedData', withKey: false },
  { location: 'header', id: 'malformedData', withKey: false },
  // Not an object, or no body at all: the server cannot read it.
  { field: '', keywords: ['type', 'required'], id: 'malformedData', withKey: false },
  { keywords: ['required', 'dependentRequired'], id: 'missingRequiredValue', withKey: true },
  // JSON null is a bad value of the field, not a missing one.
  { field: 'username', received: 'null', id: 'badValueUsername', withKey: false },
  { field: 'fullName', received: 'null', id: 'badValueFullName', withKey: false },
  { field: 'password', received: 'null', id: 'badValuePassword', withKey: false },
  { field: 'newPassword', received: 'null', id: 'badValuePassword', withKey: false },
  { keywords: ['type'], expected: 'string', id: 'badValueString', withKey: true },
  { keywords: ['type'], expected: 'integer', id: 'badValueInteger', withKey: true },
  { keywords: ['type'], expected: 'boolean', id: 'badValueBoolean', withKey: true },
  { keywords: ['type'], expected: 'array', id: 'badValueList', withKey: true },
  // Pattern and length of the user fields.
  { field: 'username', id: 'badValueUsername', withKey: false },
  { field: 'fullName', id: 'badValueFullName', withKey: false },
  { field: 'password', id: 'badValuePassword', withKey: false },
  { field: 'newPassword', id: 'badValuePassword', withKey: false },
  // Anything else the schema refuses.
  { id: 'badData', withKey: true },
];

function matches(rule: ValidationRule, location: ValidationLocation, issue: ValidationIssue): boolean {
  if (rule.location !== undefined && rule.location !== location) return false;
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

/** The first row matching any issue of a failure in `location`, with the issue it matched. */
export function findValidationRule(
  issues: readonly ValidationIssue[],
  location: ValidationLocation = 'body',
  table: readonly ValidationRule[] = validationTable,
): { rule: ValidationRule; issue: ValidationIssue } | undefined {
  for (const rule of table) {
    const issue = issues.find((candidate) => matches(rule, location, candidate));
    if (issue !== undefined) return { rule, issue };
  }
  return undefined;
}
