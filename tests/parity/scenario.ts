/**
 * The shape of a parity table: what a client sends, what both the Prism mock (asked through
 * `Prefer`) and the real server (made to do it for real) must answer.
 */
import type { Credentials } from '../support/admin.ts';

/** Who a scenario's request authenticates as. `plain`: a user created through the API, without privileges. */
export type Identity = 'admin' | 'none' | 'wrongPassword' | 'plain';

/** What both targets must answer. */
export interface Expected {
  status: number;
  /** The media type, without parameters; undefined for a response without a body. */
  contentType?: string;
  /** The error's identity: a Camunda problem's `title`, a Onezone error's `id`. */
  error?: string;
}

/** What a client call gave back (openapi-fetch's result, enough of it). */
export interface CallResult {
  response: Response;
  error?: unknown;
}

/** Users and ids the scenarios need, created through the API on each target before they run. */
export interface Arranged {
  /** A user without privileges. */
  plain: Credentials;
}

/** One row of a parity table. */
export interface Scenario<Client, Ctx extends Arranged> {
  /** The spec's operationId. */
  operation: string;
  /** The behaviour, in present tense: "answers 403 to a user created through the API". */
  name: string;
  as: Identity;
  /** The `Prefer` value that makes the mock show it, e.g. `code=409, example=duplicateUsername`. */
  mock: string;
  /** The request, the same for both targets. */
  send: (client: Client, arranged: Ctx) => Promise<CallResult>;
  expect: Expected;
  /** On the server, run `send` while its store fails (the way to a real 500). */
  storeFault?: boolean;
  /** Why no request can make the server show this documented status; the server test is then registered as skipped. */
  serverCannot?: string;
}

/** A behaviour that needs state, which only the server can show. */
export interface StatefulBehaviour<Client, Ctx extends Arranged> {
  operation: string;
  /** In present tense: "lists a created user". */
  name: string;
  check: (as: (identity: Identity) => Client, arranged: Ctx) => Promise<void>;
}
