/**
 * What every peer of the validated-POST comparison serves: Camunda's `createUser` route with its
 * request body validated against the spec's schema, answered 202 without hashing or storing, so
 * the comparison is of the frameworks' request handling and validation alone.
 */
import { camundaSpec } from '@repo/specs/camunda';
import { deref } from '@repo/specs/deref';

/** The route, with the bundle's server base path. */
export const CREATE_USER_PATH = '/v2/users';

/** The 202 body every peer answers (the spec's `UserCreateResponse`). */
export const CREATED = { userKey: 2251799813685249 } as const;

/**
 * `createUser`'s `application/json` request-body schema from the bundle, with every `$ref`
 * inlined, as a framework that takes a plain JSON Schema (Fastify) needs it.
 */
export function createUserBodySchema(): Record<string, unknown> {
  return inlineRefs(createUserMedia()['schema'], 0) as Record<string, unknown>;
}

/** `createUser`'s `application/json` request-body media type object in the bundle. */
function createUserMedia(): Record<string, unknown> {
  const at = (value: unknown, key: string) => deref(camundaSpec, deref(camundaSpec, value)[key]);
  return at(at(at(at(camundaSpec['paths'], '/users'), 'post'), 'requestBody'), 'content')['application/json'] as Record<string, unknown>;
}

function inlineRefs(node: unknown, depth: number): unknown {
  if (depth > 32) throw new Error('createUser body schema: $refs nested too deep (a recursive schema?)');
  if (Array.isArray(node)) return node.map((item) => inlineRefs(item, depth + 1));
  if (typeof node !== 'object' || node === null) return node;
  const resolved = '$ref' in node ? deref(camundaSpec, node) : (node as Record<string, unknown>);
  return Object.fromEntries(Object.entries(resolved).map(([key, value]) => [key, inlineRefs(value, depth + 1)]));
}

/**
 * The user name and password of a `Basic` Authorization header, or undefined: the check the
 * runtime's `basic` scheme makes before its verifier, done by the peers that lack one, so that
 * every validating peer does the same work.
 */
export function basicCredentials(header: string | undefined): { username: string; password: string } | undefined {
  if (header === undefined || !/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  return colon < 0 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The port a peer listens on (127.0.0.1), from `PORT`. */
export function peerPort(): number {
  const port = Number(process.env['PORT']);
  if (!Number.isInteger(port) || port <= 0) throw new Error(`PORT must be a port number, got ${process.env['PORT']}`);
  return port;
}

/** The body every peer is sent: the spec's `complete` example of `createUser` (every field set). */
export function createUserExample(): Record<string, unknown> {
  return deref(camundaSpec, deref(camundaSpec, createUserMedia()['examples'])['complete'])['value'] as Record<string, unknown>;
}
