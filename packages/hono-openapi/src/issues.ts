/**
 * Turns Ajv errors into {@link ValidationIssue}s that name the offending field, so mappers can say
 * "No username provided." or `missingRequiredValue {key: "username"}` without knowing Ajv.
 */
import type { ErrorObject } from 'ajv';

/** The JSON type of a value, as found in the request (never the value itself). */
export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

/** One reason a request was refused by schema validation. */
export interface ValidationIssue {
  /**
   * JSON pointer (RFC 6901) of the offending field, relative to the body or to the parameter
   * location. For `required` it points at the missing property; `''` is the whole body.
   */
  readonly pointer: string;
  /** The pointer as a dotted path, e.g. `page.limit`, `items.0.name`; `''` for the whole body. */
  readonly field: string;
  /** The JSON Schema keyword that failed: `required`, `type`, `pattern`, `minLength`, … */
  readonly keyword: string;
  /** The keyword's parameters from the schema (`{ limit: 8 }`, `{ type: 'string' }`); never request data. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Ajv's English message, e.g. `must NOT have fewer than 8 characters`. Never echoes a value. */
  readonly message: string;
  /** JSON type of the offending value when there is one (`null` vs a number matters to Onezone). */
  readonly received?: JsonType;
}

/** Fields whose values must never leave the server, even as a parameter of an error. */
const sensitiveField = /pass(word|phrase)?|secret|token|credential|api[-_]?key/i;

/** Params Ajv derives from the schema, not from the data: safe to pass on for any field. */
const schemaOnlyParams = new Set([
  'missingProperty',
  'additionalProperty',
  'unevaluatedProperty',
  'property',
  'deps',
  'depsCount',
  'limit',
  'comparison',
  'type',
  'format',
  'pattern',
  'multipleOf',
  'allowedValues',
  'allowedValue',
  'passingSchemas',
  'failingKeyword',
  'propertyName',
  'i',
  'j',
  'discrError',
  'tag',
  'tagName',
]);

/** Keywords whose error points at the parent object but is about one named property. */
const propertyParam: Readonly<Record<string, string>> = {
  required: 'missingProperty',
  dependentRequired: 'missingProperty',
  dependencies: 'missingProperty',
  additionalProperties: 'additionalProperty',
  unevaluatedProperties: 'unevaluatedProperty',
};

/** RFC 6901 escaping of one pointer segment. */
export function escapePointerSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  const raw = pointer.slice(1).split('/');
  // Runs on every refused request: skip the unescaping when there is nothing to unescape.
  return pointer.includes('~') ? raw.map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~')) : raw;
}

function jsonTypeAt(data: unknown, segments: readonly string[]): JsonType | undefined {
  let value = data;
  for (const segment of segments) {
    if (value === null || typeof value !== 'object') return undefined;
    if (!Object.hasOwn(value, segment)) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  if (value === undefined) return undefined;
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  const t = typeof value;
  return t === 'boolean' || t === 'number' || t === 'string' || t === 'object' ? t : undefined;
}

function safeParams(params: Record<string, unknown>, segments: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in params) {
    if (!schemaOnlyParams.has(key)) continue;
    // Allowed values of a password field would reveal a policy, never a value; but keep the rule
    // simple and auditable: nothing value-like about a sensitive field leaves.
    if ((key === 'allowedValues' || key === 'allowedValue') && segments.some((s) => sensitiveField.test(s))) continue;
    out[key] = params[key];
  }
  return out;
}

/**
 * Converts Ajv errors (compiled with `allErrors: true`, `verbose: false`) into issues.
 *
 * @param errors - `validate.errors` after a failed validation.
 * @param data - the validated value; only used to report each offending value's JSON type.
 */
export function issuesFromAjvErrors(
  errors: readonly ErrorObject[] | null | undefined,
  data?: unknown,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    // `if` only says "must match the then schema"; the errors of `then` itself name the field.
    if (error.keyword === 'if') continue;
    const named = propertyParam[error.keyword];
    const property = named === undefined ? undefined : error.params[named];
    const pointer =
      typeof property === 'string' ? `${error.instancePath}/${escapePointerSegment(property)}` : error.instancePath;
    const key = `${pointer} ${error.keyword} ${error.schemaPath}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const segments = pointerSegments(pointer);
    const issue: { -readonly [K in keyof ValidationIssue]: ValidationIssue[K] } = {
      pointer,
      field: segments.length === 1 ? (segments[0] ?? '') : segments.join('.'),
      keyword: error.keyword,
      params: safeParams(error.params, segments),
      message: error.message ?? `must pass "${error.keyword}"`,
    };
    const received = error.keyword === 'required' ? undefined : jsonTypeAt(data, segments);
    if (received !== undefined) issue.received = received;
    issues.push(issue);
  }
  return issues;
}

/** Whether a field name is one whose value must never be echoed (passwords, secrets, tokens). */
export function isSensitiveField(field: string): boolean {
  return sensitiveField.test(field);
}
