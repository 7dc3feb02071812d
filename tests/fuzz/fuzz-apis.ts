/**
 * What the generated suite needs to know of each API beyond its spec: the name the exceptions
 * file uses, its bundle on disk (for `redocly drift`), and the positive requests a server may
 * refuse because of its state rather than the request.
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { AcceptableRejection, FuzzCredentials } from '@repo/contract-fuzz';
import { APIS, repoRoot, type ApiName } from '../support/apis.ts';

/** One API as the fuzz suite sees it. */
export interface FuzzApi {
  /** Name in reports and in the exceptions file: `camunda`, `onezone`, or a bundle's file name. */
  readonly name: string;
  /** The bundled spec. */
  readonly spec: Record<string, unknown>;
  /** Path of the bundled spec on disk. */
  readonly specFile: string;
  /** Valid requests the server may refuse because of its state (`FuzzOptions.acceptableRejections`). */
  readonly acceptableRejections: readonly AcceptableRejection[];
  /**
   * Makes a caller that holds no privilege, through the API itself, so that the documented 403s
   * can be reached; undefined when the suite knows no way for this spec.
   */
  readonly createUnprivilegedCaller?: ((baseUrl: string, admin: FuzzCredentials) => Promise<FuzzCredentials>) | undefined;
  /**
   * Operations whose valid requests change or remove the authorised caller itself (its username,
   * its password, its account): a server run does not send them, since the first valid one would
   * lock the run out (every later request a 401), and the replays skip them. Their pairs are in the
   * exceptions file; the contract and parity tests cover them with callers of their own.
   */
  readonly callerChangingOperations?: readonly string[] | undefined;
}

const CALLER_CHANGING_OPERATIONS: Record<ApiName, readonly string[]> = {
  camunda: [],
  // Onezone's own-account operations: a rename or a removal of the admin ends the run.
  onezone: ['modify_current_user', 'change_user_password', 'remove_current_user'],
};

const ACCEPTABLE_REJECTIONS: Record<ApiName, readonly AcceptableRejection[]> = {
  // A taken username is a 409 on Camunda: not a 400, so positive_data_acceptance never sees it.
  camunda: [],
  onezone: [
    {
      operationId: 'create_user',
      status: 400,
      bodyPointer: '/error/id',
      equals: 'badValueIdentifierOccupied',
      reason: 'Onezone answers a taken username with 400 badValueIdentifierOccupied (api-facts), not 409',
    },
  ],
};

/** One of the repository's APIs. */
export function repositoryApi(name: ApiName): FuzzApi {
  return {
    name,
    spec: APIS[name].spec,
    specFile: join(repoRoot, 'specs', 'generated', `${name}.openapi.json`),
    acceptableRejections: ACCEPTABLE_REJECTIONS[name],
    createUnprivilegedCaller: createUserByPost,
    callerChangingOperations: CALLER_CHANGING_OPERATIONS[name],
  };
}

/** `camunda`, `onezone`, or the path of any bundled spec (JSON or YAML, every `$ref` local). */
export function resolveApi(nameOrPath: string): FuzzApi {
  if (nameOrPath === 'camunda' || nameOrPath === 'onezone') return repositoryApi(nameOrPath);
  const spec = parse(readFileSync(nameOrPath, 'utf8')) as unknown;
  if (typeof spec !== 'object' || spec === null || !('paths' in spec)) throw new Error(`${nameOrPath} is not an OpenAPI document (no paths)`);
  return {
    name: basename(nameOrPath).replace(/(\.openapi)?\.(json|ya?ml)$/i, ''),
    spec: spec as Record<string, unknown>,
    specFile: nameOrPath,
    acceptableRejections: [],
  };
}

/** The path part of the spec's first server URL (`/v2`), '' when it has none. */
export function specBasePath(spec: Record<string, unknown>): string {
  const servers = spec['servers'] as { url?: string }[] | undefined;
  return new URL(servers?.[0]?.url ?? '/', 'http://base.invalid').pathname.replace(/\/+$/, '');
}

/**
 * Both APIs create a user with `POST /users {username, password}` (Camunda 202, Onezone 201), and a
 * user created so holds no privilege (Camunda's user-management, Onezone's oz_users_*).
 */
async function createUserByPost(baseUrl: string, admin: FuzzCredentials): Promise<FuzzCredentials> {
  const caller = { username: `plain${Date.now().toString(36)}${Math.floor(Math.random() * 1e6)}`, password: 'plain-caller-Passw0rd' };
  const response = await fetch(`${baseUrl}/users`, {
    method: 'POST',
    headers: { authorization: basicAuth(admin), 'content-type': 'application/json' },
    body: JSON.stringify(caller),
  });
  if (!response.ok) throw new Error(`could not create a caller without privileges: POST /users answered ${response.status} ${await response.text()}`);
  return caller;
}

/** The `Authorization` value of HTTP basic for `credentials`. */
export function basicAuth(credentials: FuzzCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}
