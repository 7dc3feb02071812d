/**
 * The request-body step: media type and charset (415), size (413), UTF-8, JSON syntax, presence,
 * text hygiene and schema, in that order, so that a refused body is never read and an accepted one
 * is read once.
 */
import type { Context } from 'hono';
import { readBodyText, type BodyContinuation, type BodyText } from './body.ts';
import type { CompiledMediaType, CompiledRequestBody } from './compile/request-body.ts';
import type { RuntimeFailure } from './failures.ts';
import { issuesFromAjvErrors } from './issues.ts';
import { matchMediaType, mediaTypeCharset, mediaTypeEssence } from './media-types.ts';
import { requestHeader } from './request-headers.ts';
import { jsonTextIssues } from './text-hygiene.ts';

/** The body for the handler, or why there is none. */
export type BodyStep = { readonly value: unknown; readonly failure?: undefined } | { readonly failure: RuntimeFailure };

const bodyRequired: RuntimeFailure = {
  kind: 'validation',
  location: 'body',
  issues: [{ pointer: '', field: '', keyword: 'required', params: {}, message: 'request body is required' }],
};

const absent: BodyStep = { value: undefined };

/** What to do with the outcome of the body step (see {@link BodyContinuation}). */
export interface BodyStepContinuation<T> {
  readonly next: (step: BodyStep) => T;
  readonly failed: (err: unknown) => T;
}

/** Reads, parses and validates the request body of an operation that declares one. */
export function requestBody<T>(
  body: CompiledRequestBody,
  c: Context,
  limit: number,
  then: BodyStepContinuation<T>,
): T | Promise<T> {
  const contentType = requestHeader(c, 'content-type');
  const declared = requestHeader(c, 'content-length');
  // Refuse an unsupported media type before reading a single byte.
  let media: CompiledMediaType | undefined;
  if (contentType !== undefined) {
    // Most requests send exactly the first declared type (`application/json`): no parameters, no charset.
    const { first } = body;
    media = first !== undefined && contentType === first.mediaType ? first.media : declaredMediaType(body, contentType);
    if (media === undefined) {
      return then.next({ failure: { kind: 'unsupportedMediaType', contentType, supported: [...body.mediaTypes.keys()] } });
    }
    if (media.kind === 'other') {
      // Binary and form bodies are the handler's to read; only the declared length is checked.
      if (declared !== undefined && Number(declared) > limit) return then.next({ failure: { kind: 'payloadTooLarge', limit } });
      return then.next(absent);
    }
  }
  return readBodyText(c, limit, new BodyParser(body, media, limit, then), media?.kind === 'json');
}

/** The declared media type `contentType` falls under, unless it is JSON in another charset than UTF-8. */
function declaredMediaType(body: CompiledRequestBody, contentType: string): CompiledMediaType | undefined {
  const matched = matchMediaType(mediaTypeEssence(contentType), body.mediaTypes);
  const media = matched === undefined ? undefined : body.mediaTypes.get(matched);
  return media === undefined || (media.kind === 'json' && !isUtf8Charset(contentType)) ? undefined : media;
}

/** JSON is UTF-8 (RFC 8259 §8.1): a `charset` parameter may only say so. */
function isUtf8Charset(contentType: string): boolean {
  const charset = mediaTypeCharset(contentType);
  return charset === undefined || charset.toLowerCase() === 'utf-8';
}

/** Parses and validates what was read, then hands the step on. */
class BodyParser<T> implements BodyContinuation<T> {
  constructor(
    readonly body: CompiledRequestBody,
    readonly media: CompiledMediaType | undefined,
    readonly limit: number,
    readonly then: BodyStepContinuation<T>,
  ) {}

  next(read: BodyText): T {
    return this.then.next(parsedBody(this.body, this.media, read, this.limit));
  }

  failed(err: unknown): T {
    return this.then.failed(err);
  }
}

function parsedBody(body: CompiledRequestBody, media: CompiledMediaType | undefined, read: BodyText, limit: number): BodyStep {
  if (read.kind === 'tooLarge') return { failure: { kind: 'payloadTooLarge', limit } };
  if (read.kind === 'absent') return body.required ? { failure: bodyRequired } : absent;
  if (read.kind === 'undecodable') return { failure: { kind: 'malformedJson', reason: 'encoding' } };
  if (media === undefined) {
    return { failure: { kind: 'unsupportedMediaType', contentType: undefined, supported: [...body.mediaTypes.keys()] } };
  }
  let value: unknown = read.text;
  if (media.kind === 'json') {
    try {
      value = JSON.parse(read.text);
    } catch {
      return { failure: { kind: 'malformedJson', reason: 'syntax' } };
    }
    const issues = jsonTextIssues(read.text, value);
    if (issues.length > 0) return { failure: { kind: 'validation', location: 'body', issues } };
  }
  if (media.validate !== undefined && !media.validate(value)) {
    return { failure: { kind: 'validation', location: 'body', issues: issuesFromAjvErrors(media.validate.errors, value) } };
  }
  return { value };
}
