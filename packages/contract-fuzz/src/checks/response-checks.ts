/**
 * The checks that judge a response against the operation's declared responses, whatever was sent:
 * not_a_server_error, status_code_conformance, content_type_conformance,
 * response_headers_conformance, response_schema_conformance.
 */
import type { SpecValidator } from '../schema/spec-ajv.ts';
import { isJsonMediaType, responseFor, type OperationModel } from '../spec/operations.ts';
import type { RawResponse } from '../types.ts';
import type { Verdict } from './verdict.ts';

/** Media type without parameters, lower case. */
export function mediaTypeOf(contentType: string | undefined): string | undefined {
  return contentType?.split(';')[0]?.trim().toLowerCase() || undefined;
}

function mediaMatches(declared: string, actual: string): boolean {
  const d = declared.toLowerCase();
  if (d === '*/*' || d === actual) return true;
  return d.endsWith('/*') && actual.startsWith(d.slice(0, -1));
}

/** Judges one response with every response check that applies to it. */
export function responseChecks(validator: SpecValidator, operation: OperationModel, response: RawResponse, withStatusConformance = true): Verdict[] {
  const operationId = operation.operationId;
  const verdicts: Verdict[] = [];
  const verdict = (check: Verdict['check'], ok: boolean, message?: string): void => {
    verdicts.push({ check, operationId, ok, message });
  };
  verdict(
    'not_a_server_error',
    response.status >= 100 && response.status < 500,
    response.status === 0 ? `no response: ${response.text}` : `server error ${response.status}`,
  );
  if (response.status === 0) return verdicts;
  const declared = responseFor(operation, response.status);
  if (withStatusConformance) {
    verdict('status_code_conformance', declared !== undefined, `status ${response.status} is not declared (declared: ${operation.responses.map((r) => r.status).join(', ')})`);
  }
  if (declared === undefined) return verdicts;
  const actual = mediaTypeOf(response.headers['content-type']);
  const media = actual === undefined ? undefined : declared.content.find((m) => mediaMatches(m.mediaType, actual));
  if (declared.content.length === 0) {
    verdict('content_type_conformance', response.text.length === 0, `${response.status} declares no content but the response has a body (${actual ?? 'no Content-Type'})`);
  } else if (actual === undefined) {
    verdict('content_type_conformance', false, `${response.status} declares ${declared.content.map((m) => m.mediaType).join(', ')} but the response has no Content-Type`);
  } else {
    verdict('content_type_conformance', media !== undefined, `Content-Type ${actual} is not declared for ${response.status} (declared: ${declared.content.map((m) => m.mediaType).join(', ')})`);
  }
  if (declared.headers.length > 0) {
    const problems: string[] = [];
    for (const header of declared.headers) {
      if (header.name.toLowerCase() === 'content-type') continue;
      const value = response.headers[header.name.toLowerCase()];
      if (value === undefined) {
        if (header.required) problems.push(`required header ${header.name} is missing`);
        continue;
      }
      const pointer = header.schemaPointer;
      if (pointer !== undefined && !validator.validate(pointer, value) && !validator.validate(pointer, headerValue(value))) {
        const errors = validator.errors(pointer, value);
        problems.push(`header ${header.name}: ${JSON.stringify(value).slice(0, 200)} ${errors.map((e) => e.message).join('; ')}`);
      }
    }
    verdict('response_headers_conformance', problems.length === 0, problems.join('; '));
  }
  if (media?.schemaPointer !== undefined && isJsonMediaType(media.mediaType) && media.mediaType !== '*/*') {
    let body: unknown;
    try {
      body = JSON.parse(response.text);
    } catch {
      verdict('response_schema_conformance', false, `${response.status} body is not JSON: ${JSON.stringify(response.text.slice(0, 120))}`);
      return verdicts;
    }
    const errors = validator.errors(media.schemaPointer, body);
    verdict(
      'response_schema_conformance',
      errors.length === 0,
      `${response.status} body does not match ${media.schemaPointer}: ${errors
        .slice(0, 4)
        .map((e) => `${e.instancePath || '/'} ${e.message}`)
        .join('; ')}`,
    );
  }
  return verdicts;
}

/** A header's text read as a number or boolean, for header schemas of those types. */
function headerValue(text: string): unknown {
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  return text;
}
