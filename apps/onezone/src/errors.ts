/**
 * Every error this server answers with, in Onezone's format:
 * `{ "error": { "id", "description", "details"? } }` as `application/json`.
 *
 * A *code* names one situation; it maps to an HTTP status, an upstream Onezone error id and a
 * description. Several codes may share an id (both 401s are `unauthorized`). Statuses, ids and
 * descriptions follow the real Onezone server (shared/api-facts.md, the spec's examples); where
 * upstream has nothing documented, the choice is ours and says why:
 *
 * - `methodNotAllowed` (405, with `Allow`): id `notSupported`, upstream's id for an operation a
 *   resource does not offer.
 * - `payloadTooLarge` (413) and `unsupportedMediaType` (415): id `malformedData`, the closest
 *   upstream id ("Provided data could not be understood by the server."), keeping the status that
 *   tells a client what to fix.
 * - `notImplemented` (501): upstream's `notImplemented`; unreachable while every operation of the
 *   spec has a handler (tested).
 * - `badValueUsername` / `badValueFullName` / `badValuePassword` carry no `details`, as upstream:
 *   the id itself names the field.
 * - `temporaryFailure` (503, database unreachable): upstream's id for a temporary failure.
 * - `tooManyRequests` (429, sign-ins throttled): ours; upstream documents no throttling.
 */
import type { Context } from 'hono';
import type { ErrorMapper, MappedError, RuntimeFailure } from '@repo/hono-openapi';
import type { ClientErrorResponse } from '@repo/http';
import type { components } from '@repo/specs/onezone';
import { findValidationRule, type ValidationErrorId } from './errors/validation-table.ts';
import { refusalOf } from './security.ts';

/** The `Error` body of the spec. */
export type ErrorBody = components['schemas']['Error'];
type ErrorInfo = components['schemas']['ErrorInfo'];

/** Details each code needs; codes not listed take none. */
interface DetailsByCode {
  missingRequiredValue: { key: string };
  badValueString: { key: string };
  badValueIdentifierOccupied: { key: string };
  badValueBoolean: { key: string };
  payloadTooLarge: { limit: number };
  internalServerError: { reference: string };
}
type DetailsOf<C> = C extends keyof DetailsByCode ? DetailsByCode[C] : Record<string, never>;

/** The closed set of codes. Adding one here without a definition below does not compile. */
export type OnezoneErrorCode =
  | 'malformedData'
  | 'missingRequiredValue'
  | 'badValueString'
  | 'badValueUsername'
  | 'badValueFullName'
  | 'badValuePassword'
  | 'badValueIdentifierOccupied'
  | 'badValueBoolean'
  | 'missingCredentials'
  | 'badBasicCredentials'
  | 'basicAuthDisabled'
  | 'userBlocked'
  | 'badToken'
  | 'forbidden'
  | 'notFound'
  | 'methodNotAllowed'
  | 'payloadTooLarge'
  | 'unsupportedMediaType'
  | 'tooManyRequests'
  | 'internalServerError'
  | 'notImplemented'
  | 'temporaryFailure';

interface ErrorDefinition<C extends OnezoneErrorCode> {
  readonly status: number;
  readonly id: string;
  readonly description: (details: DetailsOf<C>) => string;
  /** What goes into `details`; by default the details given, minus nothing. */
  readonly details?: (details: DetailsOf<C>) => ErrorInfo['details'] | undefined;
}

const MALFORMED = 'Provided data could not be understood by the server.';
const BAD_AUTH = 'Provided authentication is not valid (see details).';

/** A 401 whose `details.authError` says why the credentials sign nobody in. */
function authError(id: string, description: string) {
  return { status: 401, id: 'unauthorized', description: () => BAD_AUTH, details: () => ({ authError: { id, description } }) } as const;
}

/** Code → status, id, description. `satisfies` makes a missing or misspelt code a compile error. */
export const errorDefinitions = {
  malformedData: { status: 400, id: 'malformedData', description: () => MALFORMED },
  missingRequiredValue: { status: 400, id: 'missingRequiredValue', description: ({ key }) => `Missing required value: ${key}.` },
  badValueString: { status: 400, id: 'badValueString', description: ({ key }) => `Bad value: provided "${key}" must be a string.` },
  badValueUsername: {
    status: 400,
    id: 'badValueUsername',
    description: () =>
      'Bad value: Username must be 2-32 characters long and composed only of letters and digits. Dots, dashes and underscores are allowed (but not at the beginning or the end).',
  },
  badValueFullName: {
    status: 400,
    id: 'badValueFullName',
    description: () =>
      'Bad value: Full name must be 2-128 characters long and composed only of UTF-8 letters and digits. Dashes, spaces, dots, commas and apostrophes are allowed (but not at the beginning or the end).',
  },
  badValuePassword: { status: 400, id: 'badValuePassword', description: () => 'Bad value: Password must be at least 8 characters long.' },
  badValueIdentifierOccupied: {
    status: 400,
    id: 'badValueIdentifierOccupied',
    description: ({ key }) => `Bad value: provided identifier ("${key}") is already occupied.`,
  },
  badValueBoolean: { status: 400, id: 'badValueBoolean', description: ({ key }) => `Bad value: provided "${key}" must be a boolean.` },
  missingCredentials: { status: 401, id: 'unauthorized', description: () => 'You must authenticate yourself to perform this operation.' },
  badBasicCredentials: authError('badBasicCredentials', 'Invalid username or password.'),
  basicAuthDisabled: authError('basicAuthDisabled', 'Basic auth is disabled for this user.'),
  userBlocked: authError('userBlocked', 'This user has been blocked by an administrator.'),
  badToken: authError('badToken', 'Provided token could not be understood by the server.'),
  forbidden: { status: 403, id: 'forbidden', description: () => 'You are not authorized to perform this operation.' },
  notFound: { status: 404, id: 'notFound', description: () => 'The resource could not be found.' },
  methodNotAllowed: { status: 405, id: 'notSupported', description: () => 'This operation is not supported.' },
  payloadTooLarge: {
    status: 413,
    id: 'malformedData',
    description: ({ limit }) => `${MALFORMED} The request body exceeds ${limit} bytes.`,
    details: () => undefined,
  },
  unsupportedMediaType: { status: 415, id: 'malformedData', description: () => `${MALFORMED} It must be sent as application/json.` },
  internalServerError: {
    status: 500,
    id: 'internalServerError',
    description: ({ reference }) =>
      `The server has encountered an error while processing this request. If the problem persists, please contact the site's administrators, citing the following reference: ${reference}.`,
  },
  notImplemented: { status: 501, id: 'notImplemented', description: () => 'This operation is not implemented.' },
  tooManyRequests: { status: 429, id: 'tooManyRequests', description: () => 'Too many failed sign-in attempts - please try again later.' },
  temporaryFailure: { status: 503, id: 'temporaryFailure', description: () => 'Temporary failure - please try again later.' },
} as const satisfies { [C in OnezoneErrorCode]: ErrorDefinition<C> };

type Definitions = typeof errorDefinitions;

/** An error response as a handler returns it: literal status, `Error` body. */
export interface OnezoneErrorResponse<C extends OnezoneErrorCode> {
  status: Definitions[C]['status'];
  body: ErrorBody;
}

/** Status and body of `code`. Handlers return it as is: `return onezoneError('forbidden')`. */
export function onezoneError<C extends OnezoneErrorCode>(
  code: C,
  ...[details]: C extends keyof DetailsByCode ? [DetailsOf<C>] : []
): OnezoneErrorResponse<C> {
  const definition = errorDefinitions[code] as ErrorDefinition<C>;
  const given = (details ?? {}) as DetailsOf<C>;
  const shown = definition.details ? definition.details(given) : Object.keys(given).length > 0 ? (given as ErrorInfo['details']) : undefined;
  const error: ErrorInfo = { id: definition.id, description: definition.description(given), ...(shown ? { details: shown } : {}) };
  return { status: definition.status as Definitions[C]['status'], body: { error } };
}

/**
 * How an id of the validation table (errors/validation-table.ts: JSON Schema failure → upstream id,
 * with precedence) becomes a code of ours.
 */
const codeOfValidationId = {
  notFound: 'notFound',
  malformedData: 'malformedData',
  missingRequiredValue: 'missingRequiredValue',
  badValueString: 'badValueString',
  badValueUsername: 'badValueUsername',
  badValueFullName: 'badValueFullName',
  badValuePassword: 'badValuePassword',
  // Other types and other fields: the spec's bodies have string and boolean fields only, so these cannot occur.
  badValueBoolean: 'badValueBoolean',
  badValueInteger: 'malformedData',
  badValueList: 'malformedData',
  badData: 'malformedData',
} as const satisfies Record<ValidationErrorId, OnezoneErrorCode>;

/** The error of a failed validation: the first row of the validation table that matches. */
function validationError(failure: RuntimeFailure & { kind: 'validation' }): { status: number; body: ErrorBody } {
  const found = findValidationRule(failure.issues, failure.location);
  const code = found === undefined ? 'malformedData' : codeOfValidationId[found.rule.id];
  const key = found?.issue.field ?? '';
  if (code === 'missingRequiredValue' || code === 'badValueString' || code === 'badValueBoolean') return onezoneError(code, { key });
  return onezoneError(code);
}

/** Why a 401: no credentials, or the refusal the verifier recorded, else by the kind of scheme refused. */
function unauthorizedCode(failure: RuntimeFailure & { kind: 'unauthorized' }, c: Context): OnezoneErrorCode {
  if (failure.reason === 'missingCredentials') return 'missingCredentials';
  return refusalOf(c) ?? (failure.rejected?.kind === 'basic' ? 'badBasicCredentials' : 'badToken');
}

function mapped({ status, body }: { status: number; body: ErrorBody }): MappedError {
  return { status, contentType: 'application/json', body };
}

/** Every runtime failure → this API's error. Exhaustive over the failure kinds (checked by the compiler). */
export const onezoneErrors: ErrorMapper = (failure, c) => {
  switch (failure.kind) {
    case 'notFound':
      return mapped(onezoneError('notFound'));
    case 'methodNotAllowed':
      return mapped(onezoneError('methodNotAllowed'));
    case 'unsupportedMediaType':
      return mapped(onezoneError('unsupportedMediaType'));
    case 'payloadTooLarge':
      return mapped(onezoneError('payloadTooLarge', { limit: failure.limit }));
    case 'malformedJson':
      return mapped(onezoneError('malformedData'));
    case 'validation':
      return mapped(validationError(failure));
    case 'unauthorized':
      return mapped(onezoneError(unauthorizedCode(failure, c)));
    case 'forbidden':
      return mapped(onezoneError('forbidden'));
    case 'notImplemented':
      return mapped(onezoneError('notImplemented'));
    // The runtime adds Retry-After.
    case 'unavailable':
      return mapped(onezoneError('temporaryFailure'));
    case 'tooManyRequests':
      return mapped(onezoneError('tooManyRequests'));
    case 'internal':
      return mapped(onezoneError('internalServerError', { reference: failure.requestId }));
  }
};

/**
 * The answer to a request Node's HTTP parser refused before any app code ran (@repo/http's
 * `clientErrorResponse`): 400 `malformedData`, also for headers over the size limit (Node's 431),
 * since 400 is what the spec declares and upstream has no id for it.
 */
export function refusedRequestError(): ClientErrorResponse {
  return mapped(onezoneError('malformedData'));
}
