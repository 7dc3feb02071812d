/**
 * The declared responses of one operation: media types (to pick a default Content-Type), required
 * headers and, when response validation is on, a body validator per media type.
 */
import { compileAt, type Ajv2020, type ValidateFunction } from './ajv.ts';
import { deref, pointerOf } from './json-pointer.ts';
import { bodyMediaType, type BodyMediaType } from '../media-types.ts';
import type { HeaderObject, OpenApiDocument, ResponseObject } from '../types/openapi-document.ts';

/** One declared response (one status code, range or `default`). */
export interface CompiledResponse {
  /** The key as declared: `201`, `4XX` or `default`. */
  readonly key: string;
  /** Declared media types, lower-cased essence → body validator (undefined when not validating). */
  readonly mediaTypes: ReadonlyMap<string, ValidateFunction | undefined>;
  /** How a body is sent when the handler names no Content-Type: as the first declared media type. */
  readonly defaultBody: BodyMediaType | undefined;
  /** Header names as the spec spells them. */
  readonly requiredHeaders: readonly string[];
}

/** All declared responses of one operation, looked up by concrete status. */
export interface CompiledResponses {
  readonly exact: ReadonlyMap<number, CompiledResponse>;
  /** `4XX` is stored under 4. */
  readonly ranges: ReadonlyMap<number, CompiledResponse>;
  readonly fallback: CompiledResponse | undefined;
}

/** OpenAPI precedence: an explicit code beats a range, which beats `default`. */
export function lookupResponse(responses: CompiledResponses, status: number): CompiledResponse | undefined {
  return responses.exact.get(status) ?? responses.ranges.get(Math.floor(status / 100)) ?? responses.fallback;
}

/**
 * Compiles the responses of one operation.
 *
 * @param ajv - pass an instance to compile body validators; undefined skips them (validation off).
 */
export function compileResponses(
  spec: OpenApiDocument,
  raw: Readonly<Record<string, unknown>> | undefined,
  operationPointer: string,
  ajv: Ajv2020 | undefined,
): CompiledResponses {
  const exact = new Map<number, CompiledResponse>();
  const ranges = new Map<number, CompiledResponse>();
  let fallback: CompiledResponse | undefined;
  for (const [key, value] of Object.entries(raw ?? {})) {
    const response = deref<ResponseObject>(spec, { value, pointer: `${operationPointer}${pointerOf('responses', key)}` });
    const mediaTypes = new Map<string, ValidateFunction | undefined>();
    for (const [mediaType, media] of Object.entries(response.value.content ?? {})) {
      const pointer = `${response.pointer}${pointerOf('content', mediaType, 'schema')}`;
      mediaTypes.set(mediaType.toLowerCase(), ajv !== undefined && media.schema !== undefined ? compileAt(ajv, pointer) : undefined);
    }
    const requiredHeaders = Object.entries(response.value.headers ?? {})
      .filter(([, header]) => deref<HeaderObject>(spec, { value: header, pointer: '' }).value.required === true)
      .map(([name]) => name);
    const compiled: CompiledResponse = {
      key,
      mediaTypes,
      defaultBody: mediaTypes.size === 0 ? undefined : bodyMediaType(mediaTypes.keys().next().value as string),
      requiredHeaders,
    };
    if (key === 'default') fallback = compiled;
    else if (/^[1-5]XX$/i.test(key)) ranges.set(Number(key[0]), compiled);
    else exact.set(Number(key), compiled);
  }
  return { exact, ranges, fallback };
}
