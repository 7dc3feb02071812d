/**
 * Transport mutations of a positive request: what breaks (or strains) the wire, the encoding or
 * the JSON rather than a schema keyword. Each says what the answer must be: `invalid` when the
 * request breaks the wire or JSON contract, or carries what our servers refuse by design (NUL, lone
 * surrogates, invalid UTF-8: 400); otherwise the mutated body is parsed and validated by Ajv and
 * the request is `valid` or `invalid` accordingly; `lenient` where neither holds for certain.
 */
import type { SchemaContext } from '../schema/positive.ts';
import type { OperationModel } from '../spec/operations.ts';
import type { BuildOptions, RequestValues } from './build.ts';
import type { Expectation } from './planned.ts';
import { bodyMedia } from './values.ts';

export interface Mutated {
  readonly description: string;
  readonly options: BuildOptions;
  readonly expectation: Expectation | 'by-schema';
  readonly oddHost?: string;
  /** Values to send instead of the positive ones (e.g. without the query parameter sent raw). */
  readonly values?: RequestValues;
  /**
   * Set when the request is refused only by a wire-hygiene rule of our servers (invalid UTF-8,
   * NUL, lone surrogates, a charset other than UTF-8), not by JSON, the URI syntax or a JSON
   * Schema keyword: a mock that validates against the schemas alone need not refuse it.
   */
  readonly serverRule?: true;
}

/** The wire-hygiene rules {@link Mutated.serverRule} marks, for reports. */
export const serverRules = 'invalid UTF-8, NUL (U+0000), lone surrogates, charset parameters other than UTF-8';

export interface TransportMutation {
  readonly name: string;
  /** Whether what it applies is a {@link Mutated.serverRule}. */
  readonly serverRule?: true;
  /** Undefined when the mutation has nothing to work on in these values. */
  apply(values: RequestValues, pick: number): Mutated | undefined;
}

const MiB = 1024 * 1024;
const marker = '\u0001FUZZ-MARK\u0001';
const encoder = new TextEncoder();

/** The mutations that can apply to the operation (its body, path parameters, query). */
export function transportMutations(operation: OperationModel): TransportMutation[] {
  const mutations: TransportMutation[] = [];
  const hasJsonBody = bodyMedia(operation)?.schemaPointer !== undefined;
  if (hasJsonBody) {
    const inString = (name: string, bytes: number[] | string, expectation: Mutated['expectation'], serverRule = false): void => {
      // Encoded once: shrinking maps every candidate through `apply`, and a 1 MiB value re-encoded
      // each time made the shrinking of one failure take seconds.
      const inject = typeof bytes === 'string' ? encoder.encode(bytes) : Uint8Array.from(bytes);
      mutations.push({
        name,
        ...(serverRule ? { serverRule: true as const } : {}),
        apply: (values, pick) => {
          const mutated = injectIntoString(values, pick, name, inject, expectation);
          return mutated !== undefined && serverRule ? { ...mutated, serverRule: true as const } : mutated;
        },
      });
    };
    inString('invalid UTF-8: lone 0xFF byte', [0xff], 'invalid', true);
    inString('invalid UTF-8: truncated multi-byte sequence (E0 A4)', [0xe0, 0xa4], 'invalid', true);
    inString('invalid UTF-8: overlong encoding of "/" (C0 AF)', [0xc0, 0xaf], 'invalid', true);
    inString('U+0000 as JSON escape \\u0000', '\\u0000', 'invalid', true);
    // Raw control bytes in a string break JSON itself (RFC 8259), so any parser refuses them.
    inString('raw NUL byte inside a JSON string', [0x00], 'invalid');
    inString('C0 controls as JSON escapes (\\u0001 \\u001f \\b)', '\\u0001\\u001f\\b', 'by-schema');
    inString('raw C0 control bytes (0x01 0x1F) inside a JSON string', [0x01, 0x1f], 'invalid');
    inString('lone surrogate escape \\ud800', '\\ud800', 'invalid', true);
    inString('lone low surrogate escape \\udc00', 'x\\udc00', 'invalid', true);
    inString('combining marks (e + U+0301 U+0336)', 'e\u0301\u0336', 'by-schema');
    inString('right-to-left override U+202E', '\u202eevil', 'by-schema');
    // Typical body limits: 64 KiB (ours) and 1 MiB; a value just past each, a payload just under each.
    for (const [label, limit] of [['64 KiB', 64 * 1024], ['1 MiB', MiB]] as const) {
      inString(`string of ${label} + 16 bytes`, 'a'.repeat(limit + 16), 'by-schema');
      const padding = encoder.encode(JSON.stringify('b'.repeat(limit - 1024)));
      mutations.push({
        name: `payload just under ${label}`,
        apply: (values) => extraProperty(values, padding, `payload just under ${label} (extra property)`),
      });
    }
    const nested = encoder.encode(`${'['.repeat(5000)}${']'.repeat(5000)}`);
    mutations.push({ name: 'deep nesting', apply: (values) => extraProperty(values, nested, '5,000 nested arrays in an extra property') });
    mutations.push({ name: 'duplicate keys', apply: duplicateKey });
    for (const contentType of ['text/plain', 'application/xml', 'multipart/form-data; boundary=fuzz', null]) {
      mutations.push({
        name: `content type ${contentType ?? 'none'}`,
        apply: (values) =>
          values.body === undefined ? undefined : { description: `body sent with Content-Type ${contentType ?? '(none)'}`, options: { contentType }, expectation: 'invalid' },
      });
    }
    for (const [charset, expectation] of [['latin1', 'invalid'], ['utf-16', 'invalid'], ['utf-8', 'by-schema']] as const) {
      mutations.push({
        name: `charset ${charset}`,
        ...(expectation === 'invalid' ? { serverRule: true as const } : {}),
        apply: (values) =>
          values.body === undefined
            ? undefined
            : {
                description: `Content-Type application/json; charset=${charset}`,
                options: { contentType: `application/json; charset=${charset}` },
                expectation,
                ...(expectation === 'invalid' ? { serverRule: true as const } : {}),
              },
      });
    }
    mutations.push({
      name: 'empty body',
      apply: () => ({
        description: 'empty body with Content-Type application/json',
        options: { rawBody: new Uint8Array(0) },
        expectation: operation.body?.required === true ? 'invalid' : 'lenient',
      }),
    });
  }
  const pathParameters = operation.parameters.filter((p) => p.in === 'path');
  for (const raw of ['%E0%A4%A', '%ZZ', '%', '%00', 'a%00b', '%C0%AF', '%FF']) {
    for (const parameter of pathParameters) {
      mutations.push({
        name: `path ${raw}`,
        ...(raw.includes('%00') ? { serverRule: true as const } : {}),
        apply: () => ({
          description: `path parameter ${parameter.name} sent raw as ${raw}`,
          options: { rawPath: { [parameter.name]: raw } },
          expectation: 'invalid',
          // %00 is valid URI syntax; refusing the NUL it decodes to is our servers' rule.
          ...(raw.includes('%00') ? { serverRule: true as const } : {}),
        }),
      });
    }
  }
  if (operation.parameters.some((p) => p.in === 'query')) {
    const name = operation.parameters.find((p) => p.in === 'query')!.name;
    for (const raw of ['%00', '%E0%A4%A', '%ZZ']) {
      mutations.push({
        name: `query ${raw}`,
        ...(raw === '%00' ? { serverRule: true as const } : {}),
        apply: (values) => {
          const { [name]: _replaced, ...query } = values.query;
          return {
            description: `query ${name}=${raw}`,
            options: { rawQuery: `${encodeURIComponent(name)}=${raw}` },
            expectation: 'invalid',
            values: { ...values, query },
            ...(raw === '%00' ? { serverRule: true as const } : {}),
          };
        },
      });
    }
  }
  for (const host of oddHosts) {
    mutations.push({
      name: `Host ${host.slice(0, 30)}`,
      apply: () => ({ description: `Host header ${JSON.stringify(host.length > 40 ? `${host.slice(0, 20)}…(${host.length} chars)` : host)}`, options: { host }, expectation: 'lenient', oddHost: host }),
    });
  }
  return mutations;
}

/** Hosts that are not the server's; none may come back in a response (host_header_not_reflected). */
export const oddHosts = ['fuzz-host.invalid', 'fuzz-host.invalid:8443', '[2001:db8::f022]', '[2001:db8::f022]:8443', '', `${'h'.repeat(300)}.fuzz.invalid`];

/** String leaves of a JSON value, as paths. */
export function stringLeaves(value: unknown, path: readonly string[] = []): string[][] {
  if (typeof value === 'string') return [[...path]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, String(i)]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

function setAt(value: unknown, path: readonly string[], leaf: unknown): unknown {
  if (path.length === 0) return leaf;
  const [head, ...rest] = path as [string, ...string[]];
  if (Array.isArray(value)) return value.map((v, i) => (String(i) === head ? setAt(v, rest, leaf) : v));
  const object = value as Record<string, unknown>;
  return { ...object, [head]: setAt(object[head], rest, leaf) };
}

function getAt(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], value);
}

/** Appends `inject` (raw bytes, spliced into the JSON as they are) to one string leaf of the body. */
function injectIntoString(values: RequestValues, pick: number, name: string, inject: Uint8Array, expectation: Mutated['expectation']): Mutated | undefined {
  const leaves = stringLeaves(values.body);
  const leaf = leaves[pick % Math.max(1, leaves.length)];
  if (leaf === undefined) return undefined;
  const text = JSON.stringify(setAt(values.body, leaf, `${String(getAt(values.body, leaf))}${marker}`));
  const markerJson = JSON.stringify(marker).slice(1, -1);
  const [before, after] = [text.slice(0, text.indexOf(markerJson)), text.slice(text.indexOf(markerJson) + markerJson.length)];
  const rawBody = concat(encoder.encode(before), inject, encoder.encode(after));
  return { description: `${name} in body /${leaf.join('/')}`, options: { rawBody }, expectation };
}

/** Adds `"fuzz_extra": <json>` (encoded JSON text) as the body's first property. */
function extraProperty(values: RequestValues, json: Uint8Array, description: string): Mutated | undefined {
  const body = values.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const text = JSON.stringify(body);
  const rawBody = concat(encoder.encode('{"fuzz_extra":'), json, encoder.encode(text === '{}' ? '}' : `,${text.slice(1)}`));
  return { description, options: { rawBody }, expectation: 'by-schema' };
}

function duplicateKey(values: RequestValues): Mutated | undefined {
  const body = values.body;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return undefined;
  const [first] = Object.keys(body);
  if (first === undefined) return undefined;
  const text = JSON.stringify(body);
  const rawText = `{${JSON.stringify(first)}:${JSON.stringify({ duplicate: true })},${text.slice(1)}`;
  return { description: `duplicate key "${first}" (the first occurrence an object, the last the valid value)`, options: { rawBody: encoder.encode(rawText) }, expectation: 'lenient' };
}

function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

/** Settles a `by-schema` expectation: the body decoded strictly, parsed and validated. */
export function expectationOf(ctx: SchemaContext, operation: OperationModel, mutated: Mutated, body: Uint8Array | undefined): Expectation {
  if (mutated.expectation !== 'by-schema') return mutated.expectation;
  const pointer = bodyMedia(operation)?.schemaPointer;
  if (body === undefined || pointer === undefined) return 'lenient';
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
    return ctx.validator.validate(pointer, value) ? 'valid' : 'invalid';
  } catch {
    return 'invalid';
  }
}
