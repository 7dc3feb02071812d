/**
 * Checks any response of this server against the spec: declared status, content type, body schema
 * and required headers. The runtime checks handler responses itself (`throw` in tests); this covers
 * the rest (401s, 404s of unknown ids, 405, 413, 415, 500) from the outside, as a client sees them.
 */
import Ajv2020 from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { onezoneSpec } from '@repo/specs/onezone';

const SPEC_ID = 'https://onezone-spec.invalid/openapi.json';
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(onezoneSpec as object, SPEC_ID, undefined, false);

type Json = Record<string, unknown>;
const validators = new Map<string, ValidateFunction>();

function pointer(...segments: string[]): string {
  return segments.map((s) => `/${s.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

function resolve(value: unknown): { value: Json; pointer?: string } {
  const ref = (value as Json)['$ref'];
  if (typeof ref !== 'string') return { value: value as Json };
  const path = ref.slice(2).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  let target: unknown = onezoneSpec;
  for (const segment of path) target = (target as Json)[segment];
  return { value: target as Json, pointer: ref.slice(1) };
}

function validatorAt(schemaPointer: string): ValidateFunction {
  let validate = validators.get(schemaPointer);
  if (validate === undefined) {
    validate = ajv.compile({ $ref: `${SPEC_ID}#${schemaPointer}` });
    validators.set(schemaPointer, validate);
  }
  return validate;
}

/** The spec's violations by one response; empty when it conforms. `specPath` undefined: an unknown route (404). */
export function responseViolations(method: string, specPath: string | undefined, status: number, headers: Headers, text: string): string[] {
  const errorPointer = pointer('components', 'schemas', 'Error');
  let responsePointer: string;
  let response: Json;
  if (specPath === undefined) {
    if (status !== 404) return [`an unknown route answered ${status}, not 404`];
    response = { content: { 'application/json': { schema: { $ref: `#${errorPointer}` } } } };
    responsePointer = '';
  } else {
    const operation = ((onezoneSpec['paths'] as Json)[specPath] as Json | undefined)?.[method.toLowerCase()] as Json | undefined;
    if (operation === undefined) return [`the spec has no operation ${method} ${specPath}`];
    const declared = (operation['responses'] as Json)[String(status)];
    if (declared === undefined) return [`${method} ${specPath}: status ${status} is not declared`];
    const resolved = resolve(declared);
    response = resolved.value;
    responsePointer = resolved.pointer ?? pointer('paths', specPath, method.toLowerCase(), 'responses', String(status));
  }
  const violations: string[] = [];
  for (const [name, header] of Object.entries((response['headers'] as Json | undefined) ?? {})) {
    if (resolve(header).value['required'] === true && !headers.has(name)) violations.push(`required header ${name} is missing`);
  }
  const content = response['content'] as Json | undefined;
  if (content === undefined) {
    if (text !== '') violations.push(`status ${status} declares no body, got ${JSON.stringify(text.slice(0, 80))}`);
    return violations;
  }
  const contentType = headers.get('content-type')?.split(';')[0]?.trim();
  if (contentType === undefined || !(contentType in content)) return [...violations, `content type ${String(contentType)} is not declared`];
  const schemaPointer =
    responsePointer === '' ? errorPointer : `${responsePointer}${pointer('content', contentType, 'schema')}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return [...violations, 'the body is not JSON'];
  }
  const validate = validatorAt(schemaPointer);
  if (!validate(body)) violations.push(...(validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? e.keyword}`));
  return violations;
}

/** The spec's violations by an `Error` body; empty when it conforms. */
export function errorBodyViolations(body: unknown): string[] {
  const validate = validatorAt(pointer('components', 'schemas', 'Error'));
  return validate(body) ? [] : (validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message ?? e.keyword}`);
}
