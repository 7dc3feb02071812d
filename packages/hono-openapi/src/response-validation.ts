/**
 * Checks what a handler answered against the operation's declared responses: status, content
 * type, body schema and required headers. The types already enforce this at compile time; this
 * catches what types cannot (casts, `any`, formats, patterns, numeric limits).
 */
import { issuesFromAjvErrors } from './issues.ts';
import { lookupResponse, type CompiledResponses } from './compile/responses.ts';
import { matchMediaType } from './media-types.ts';

/** Thrown (mode `throw`) when a handler's response does not match the spec. */
export class ResponseValidationError extends Error {
  override readonly name = 'ResponseValidationError';
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly violations: readonly string[],
  ) {
    super(`Response ${status} of ${operation} does not match the spec: ${violations.join('; ')}`);
  }
}

/** What is checked of a handler's response. */
export interface ResponseToCheck {
  readonly status: number;
  /** Lower-cased essence, undefined when there is no body. */
  readonly mediaType: string | undefined;
  readonly body: unknown;
  /** Lower-cased names of the headers being sent. */
  readonly headerNames: ReadonlySet<string>;
}

/** Lists every way the response breaks the spec; empty when it conforms. */
export function responseViolations(responses: CompiledResponses, response: ResponseToCheck): string[] {
  const declared = lookupResponse(responses, response.status);
  if (declared === undefined) return [`status ${response.status} is not declared`];
  const violations: string[] = [];
  for (const name of declared.requiredHeaders) {
    if (!response.headerNames.has(name.toLowerCase())) violations.push(`required header ${name} is missing`);
  }
  if (declared.mediaTypes.size === 0) {
    if (response.body !== undefined) violations.push(`status ${response.status} declares no body, but one was sent`);
    return violations;
  }
  if (response.mediaType === undefined) {
    violations.push(`status ${response.status} declares a body (${[...declared.mediaTypes.keys()].join(', ')}), none was sent`);
    return violations;
  }
  const matched = matchMediaType(response.mediaType, declared.mediaTypes);
  if (matched === undefined) {
    violations.push(`content type ${response.mediaType} is not declared (declared: ${[...declared.mediaTypes.keys()].join(', ')})`);
    return violations;
  }
  const validate = declared.mediaTypes.get(matched);
  if (validate !== undefined && !validate(response.body)) {
    for (const issue of issuesFromAjvErrors(validate.errors, response.body)) {
      violations.push(`body${issue.pointer === '' ? '' : ` ${issue.pointer}`} ${issue.message}`);
    }
  }
  return violations;
}
