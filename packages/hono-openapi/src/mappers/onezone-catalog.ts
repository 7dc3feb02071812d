/**
 * The Onezone error ids the users API answers with: HTTP status and description of each. Ids,
 * statuses and descriptions follow the upstream server (see shared/api-facts.md); those marked
 * "runtime" have no upstream counterpart documented and are this project's choice.
 */

/** Details an error id carries. A type literal, not an interface: it must fit the spec's open `details` object. */
export type OnezoneDetails = {
  readonly key?: string;
  /** Why authentication failed: itself an error (`{ id: 'badBasicCredentials', description }`). */
  readonly authError?: { readonly id: string; readonly description: string };
  readonly reference?: string;
};

interface CatalogEntry {
  readonly status: number;
  readonly description: (details: OnezoneDetails) => string;
}

/** Every error id → HTTP status and description. */
export const onezoneErrorCatalog = {
  malformedData: { status: 400, description: () => 'Provided data could not be understood by the server.' },
  missingRequiredValue: { status: 400, description: (d) => `Missing required value: ${d.key ?? ''}.` },
  badValueString: { status: 400, description: (d) => `Bad value: provided "${d.key ?? ''}" must be a string.` },
  badValueInteger: { status: 400, description: (d) => `Bad value: provided "${d.key ?? ''}" must be an integer.` },
  badValueBoolean: { status: 400, description: (d) => `Bad value: provided "${d.key ?? ''}" must be a boolean.` },
  badValueList: { status: 400, description: (d) => `Bad value: provided "${d.key ?? ''}" must be a list.` },
  badData: { status: 400, description: (d) => `Bad value: provided "${d.key ?? ''}" could not be understood by the server.` },
  badValueUsername: {
    status: 400,
    description: () =>
      'Username must be 2-32 characters long and composed only of letters and digits; dashes and underscores allowed but not at the beginning or the end.',
  },
  badValueFullName: {
    status: 400,
    description: () =>
      "Full name must be 2-128 characters long, start with a letter or digit, end with a letter, digit or dot, and contain only letters, digits, spaces and the characters ',.-",
  },
  badValuePassword: { status: 400, description: () => 'Password must be at least 8 characters long.' },
  badValueIdentifierOccupied: {
    status: 400,
    description: (d) => `Bad value: provided identifier ("${d.key ?? ''}") is already occupied.`,
  },
  unauthorized: {
    status: 401,
    description: (d) =>
      d.authError === undefined
        ? 'You must authenticate yourself to perform this operation.'
        : 'Provided authentication is not valid (see details).',
  },
  forbidden: { status: 403, description: () => 'You are not authorized to perform this operation.' },
  notFound: { status: 404, description: () => 'The resource could not be found.' },
  /** runtime: a known path with a method the API does not offer. */
  notSupported: { status: 405, description: () => 'This operation is not supported.' },
  /** runtime */
  payloadTooLarge: { status: 413, description: () => 'The request body is too large.' },
  /** runtime */
  unsupportedMediaType: { status: 415, description: () => 'Provided data must be sent as application/json.' },
  internalServerError: {
    status: 500,
    description: (d) =>
      "The server has encountered an error while processing this request. If the problem persists, please contact the site's administrators, citing the following reference: " +
      `${d.reference ?? 'none'}.`,
  },
  /** runtime: an operation of the spec without a handler. */
  notImplemented: { status: 501, description: () => 'This operation is not implemented.' },
} as const satisfies Record<string, CatalogEntry>;

/** A known Onezone error id. */
export type OnezoneErrorId = keyof typeof onezoneErrorCatalog;

/** The Onezone `Error` body. */
export type OnezoneErrorBody = {
  readonly error: { readonly id: OnezoneErrorId; readonly description: string; readonly details?: OnezoneDetails };
};

/** Builds status and body of an Onezone error; also for handlers (`forbidden`, `badValueIdentifierOccupied`). */
export function onezoneError(id: OnezoneErrorId, details?: OnezoneDetails): { status: number; body: OnezoneErrorBody } {
  const entry: CatalogEntry = onezoneErrorCatalog[id];
  const hasDetails = details !== undefined && Object.keys(details).length > 0;
  return {
    status: entry.status,
    body: { error: { id, description: entry.description(details ?? {}), ...(hasDetails ? { details } : {}) } },
  };
}
