/**
 * Authentication from the spec: each operation's security requirements (alternatives, each an AND
 * of schemes) are compiled once against the app's verifiers; per request the credentials each
 * scheme needs are extracted and handed to its verifier.
 */
import type { Context } from 'hono';
import { decodeBasicText } from './basic-credentials.ts';
import { deref } from './compile/json-pointer.ts';
import { requestHeader } from './request-headers.ts';
import type { SecuritySchemeKind } from './failures.ts';
import { decodesAsUtf8, textProblem } from './text-hygiene.ts';
import type { OpenApiDocument, SecurityRequirementObject, SecuritySchemeObject } from './types/openapi-document.ts';

/** What a basic-auth verifier receives. */
export interface BasicCredentials {
  readonly username: string;
  readonly password: string;
}

type Verdict<Principal> = Principal | null | undefined | Promise<Principal | null | undefined>;

/** Verifies HTTP basic credentials; resolves to the principal, or null when they are wrong. */
export type BasicVerifier<Principal> = (credentials: BasicCredentials, c: Context) => Verdict<Principal>;
/** Verifies a bearer token or an API key; resolves to the principal, or null when it is wrong. */
export type TokenVerifier<Principal> = (token: string, c: Context) => Verdict<Principal>;

const verifierKind = Symbol('verifierKind');

/** A verifier tagged with the scheme kind it is for, so a mismatch with the spec fails at start-up. */
export type TaggedVerifier<Principal> =
  | { readonly [verifierKind]: 'basic'; readonly verify: BasicVerifier<Principal> }
  | { readonly [verifierKind]: 'bearer' | 'apiKey'; readonly verify: TokenVerifier<Principal> };

/**
 * A verifier for one security scheme: either tagged with {@link basic} / {@link bearer} /
 * {@link apiKey} (parameters typed by inference), or a plain function with annotated parameters.
 */
export type SchemeVerifier<Principal> = TaggedVerifier<Principal> | BasicVerifier<Principal> | TokenVerifier<Principal>;

/** Verifiers keyed by the spec's security scheme names (`components.securitySchemes`). */
export type SecurityVerifiers<Principal> = Readonly<Record<string, SchemeVerifier<Principal>>>;

/**
 * Tags a verifier for an HTTP basic scheme. `Principal` comes from where the verifier is used
 * (`createOpenApiApp<paths, Principal>`), not from what it returns, so `() => null` type-checks.
 */
export function basic<Principal>(verify: BasicVerifier<NoInfer<Principal>>): TaggedVerifier<Principal> {
  return { [verifierKind]: 'basic', verify };
}
/** Tags a verifier for an HTTP bearer scheme (also used for oauth2 / openIdConnect access tokens). */
export function bearer<Principal>(verify: TokenVerifier<NoInfer<Principal>>): TaggedVerifier<Principal> {
  return { [verifierKind]: 'bearer', verify };
}
/** Tags a verifier for an apiKey scheme (header, query or cookie). */
export function apiKey<Principal>(verify: TokenVerifier<NoInfer<Principal>>): TaggedVerifier<Principal> {
  return { [verifierKind]: 'apiKey', verify };
}

/** One security scheme of the spec, bound to its verifier. */
export interface CompiledScheme {
  readonly name: string;
  readonly kind: SecuritySchemeKind;
  /**
   * Returns the credential, undefined when the request carries none for this scheme, or
   * {@link unusableCredential} when it carries one that no verifier could accept.
   */
  readonly extract: (c: Context) => BasicCredentials | string | typeof unusableCredential | undefined;
  readonly verify: (credential: never, c: Context) => unknown;
  readonly challenge: (invalid: boolean) => string | undefined;
}

/** The compiled security of one operation. */
export interface CompiledSecurity {
  /** Alternatives; each is an AND of schemes. An empty alternative means anonymous access is allowed. */
  readonly alternatives: readonly (readonly CompiledScheme[])[];
  /** Every scheme of the operation once, in spec order. */
  readonly schemes: readonly CompiledScheme[];
  readonly schemeNames: readonly string[];
}

function authorization(c: Context, prefix: string): string | undefined {
  const header = requestHeader(c, 'authorization');
  if (header === undefined || header.length <= prefix.length) return undefined;
  return header.slice(0, prefix.length).toLowerCase() === prefix ? header.slice(prefix.length).trim() : undefined;
}

/**
 * Credentials that are present but cannot name anyone: bytes that are not UTF-8 (RFC 7617's
 * `charset="UTF-8"`), U+0000 or an unpaired surrogate. They are rejected (401) without calling the
 * verifier, so they never reach a store: no user can have such a name or password.
 */
export const unusableCredential = Symbol('unusableCredential');

function decodeBasic(c: Context): BasicCredentials | typeof unusableCredential | undefined {
  const encoded = authorization(c, 'basic ');
  if (encoded === undefined) return undefined;
  const decoded = decodeBasicText(encoded);
  if (decoded === undefined) return unusableCredential;
  const colon = decoded.indexOf(':');
  // A malformed value is still "credentials present": it is verified as an empty pair and fails.
  if (colon === -1) return { username: decoded, password: '' };
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** A token or key as extracted, or {@link unusableCredential} when it holds NUL or a lone surrogate. */
function cleanToken(token: string | undefined): string | typeof unusableCredential | undefined {
  return token === undefined || textProblem(token) === undefined ? token : unusableCredential;
}

function cookie(c: Context, name: string): string | typeof unusableCredential | undefined {
  const header = requestHeader(c, 'cookie');
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq !== -1 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return decodesAsUtf8(value) ? decodeURIComponent(value) : unusableCredential;
    }
  }
  return undefined;
}

function quote(realm: string): string {
  return `"${realm.replace(/["\\]/g, '\\$&')}"`;
}

function compileScheme<P>(
  name: string,
  scheme: SecuritySchemeObject,
  verifier: SchemeVerifier<P> | undefined,
  realm: string,
): CompiledScheme {
  const type = scheme.type.toLowerCase();
  const http = (scheme.scheme ?? '').toLowerCase();
  let kind: SecuritySchemeKind;
  let extract: CompiledScheme['extract'];
  let challenge: CompiledScheme['challenge'] = () => undefined;
  if (type === 'http' && http === 'basic') {
    kind = 'basic';
    extract = decodeBasic;
    challenge = () => `Basic realm=${quote(realm)}, charset="UTF-8"`;
  } else if ((type === 'http' && http === 'bearer') || type === 'oauth2' || type === 'openidconnect') {
    kind = 'bearer';
    extract = (c) => cleanToken(authorization(c, 'bearer '));
    // RFC 6750 §3: an invalid token gets error="invalid_token"; no credentials get the bare challenge.
    challenge = (invalid) => `Bearer realm=${quote(realm)}${invalid ? ', error="invalid_token"' : ''}`;
  } else if (type === 'apikey' && scheme.name !== undefined) {
    kind = 'apiKey';
    const keyName = scheme.name;
    const lower = keyName.toLowerCase();
    if (scheme.in === 'header') extract = (c) => cleanToken(requestHeader(c, lower));
    else if (scheme.in === 'query') extract = (c) => cleanToken(c.req.query(keyName));
    else if (scheme.in === 'cookie') {
      extract = (c) => {
        const value = cookie(c, keyName);
        return typeof value === 'string' ? cleanToken(value) : value;
      };
    }
    else throw new Error(`OpenAPI: security scheme ${name}: apiKey in "${String(scheme.in)}" is unsupported`);
  } else {
    throw new Error(`OpenAPI: security scheme ${name} (${scheme.type} ${scheme.scheme ?? ''}) is unsupported`);
  }
  if (verifier === undefined) {
    throw new Error(`createOpenApiApp: no verifier for security scheme "${name}" (options.security.${name})`);
  }
  let verify: CompiledScheme['verify'];
  if (typeof verifier === 'function') {
    verify = verifier as CompiledScheme['verify'];
  } else {
    const tagged = verifier[verifierKind];
    if (tagged !== kind) {
      throw new Error(`createOpenApiApp: security scheme "${name}" is ${kind} in the spec, but its verifier is for ${tagged}`);
    }
    verify = verifier.verify as CompiledScheme['verify'];
  }
  return { name, kind, extract, verify, challenge };
}

/** Compiles the effective security requirements of one operation. Throws on unknown schemes or missing verifiers. */
export function compileSecurity<P>(
  spec: OpenApiDocument,
  requirements: readonly SecurityRequirementObject[],
  verifiers: SecurityVerifiers<P>,
  realm: string,
  cache: Map<string, CompiledScheme>,
): CompiledSecurity | undefined {
  if (requirements.length === 0) return undefined;
  const declared = spec.components?.securitySchemes ?? {};
  const compiled = (name: string): CompiledScheme => {
    const hit = cache.get(name);
    if (hit !== undefined) return hit;
    const raw = declared[name];
    if (raw === undefined) throw new Error(`OpenAPI: security requirement names unknown scheme "${name}"`);
    const scheme = deref<SecuritySchemeObject>(spec, { value: raw, pointer: `/components/securitySchemes/${name}` });
    const result = compileScheme(name, scheme.value, verifiers[name], realm);
    cache.set(name, result);
    return result;
  };
  // An empty alternative (`{}`) makes credentials optional; sent ones are still verified.
  const alternatives = requirements.map((requirement) => Object.keys(requirement).map(compiled));
  const schemes = [...new Set(alternatives.flat())];
  return { alternatives, schemes, schemeNames: schemes.map((s) => s.name) };
}
