/**
 * The request body of one operation: which media types it accepts, and a validator per JSON or
 * text media type compiled from a ref into the spec.
 */
import { compileAt, type Ajv2020, type ValidateFunction } from './ajv.ts';
import { deref, pointerOf } from './json-pointer.ts';
import { isJsonMediaType } from '../media-types.ts';
import type { OpenApiDocument, RequestBodyObject } from '../types/openapi-document.ts';

/** How the runtime treats a body of one declared media type. */
export interface CompiledMediaType {
  /**
   * `json`: parsed and validated. `text` (text/*): passed as a string, validated. `other` (binary,
   * forms): left unread for the handler to take from `c.req`.
   */
  readonly kind: 'json' | 'text' | 'other';
  readonly validate: ValidateFunction | undefined;
}

export interface CompiledRequestBody {
  readonly required: boolean;
  /** Declared media types, lower-cased, in spec order. */
  readonly mediaTypes: ReadonlyMap<string, CompiledMediaType>;
  /**
   * The first of them, which clients send nearly always: compared as a string before the map is
   * asked, since the map hashes the request's Content-Type, a new string on every request.
   */
  readonly first: { readonly mediaType: string; readonly media: CompiledMediaType } | undefined;
}

/** Compiles the operation's request body, or returns undefined when it declares none. */
export function compileRequestBody(
  ajv: Ajv2020,
  spec: OpenApiDocument,
  raw: unknown,
  operationPointer: string,
): CompiledRequestBody | undefined {
  if (raw === undefined) return undefined;
  const body = deref<RequestBodyObject>(spec, { value: raw, pointer: `${operationPointer}/requestBody` });
  const mediaTypes = new Map<string, CompiledMediaType>();
  for (const [mediaType, media] of Object.entries(body.value.content ?? {})) {
    const essence = mediaType.toLowerCase();
    const kind = isJsonMediaType(essence) ? 'json' : essence.startsWith('text/') ? 'text' : 'other';
    const schemaPointer = `${body.pointer}${pointerOf('content', mediaType, 'schema')}`;
    const validate = kind !== 'other' && media.schema !== undefined ? compileAt(ajv, schemaPointer) : undefined;
    mediaTypes.set(essence, { kind, validate });
  }
  const [first] = mediaTypes;
  return { required: body.value.required === true, mediaTypes, first: first && { mediaType: first[0], media: first[1] } };
}
