/**
 * Onezone's error format: `{ "error": { "id", "description", "details"? } }` as application/json,
 * with validation failures mapped through {@link onezoneValidationTable}.
 */
import type { ErrorMapper, MappedError } from '../failures.ts';
import { onezoneError, type OnezoneDetails, type OnezoneErrorId } from './onezone-catalog.ts';
import { findOnezoneRule } from './onezone-validation-table.ts';

function mapped(id: OnezoneErrorId, details?: OnezoneDetails): MappedError {
  const { status, body } = onezoneError(id, details);
  return { status, contentType: 'application/json', body };
}

/** Upstream `authError` detail for rejected credentials, by scheme kind. */
const authErrorByKind = {
  basic: { id: 'badBasicCredentials', description: 'Invalid username or password.' },
  bearer: { id: 'badToken', description: 'Provided token could not be understood by the server.' },
  apiKey: { id: 'badToken', description: 'Provided token could not be understood by the server.' },
} as const;

/** The reference mapper for the Onezone API. */
export const onezoneErrors: ErrorMapper = (failure) => {
  switch (failure.kind) {
    case 'notFound':
      return mapped('notFound');
    case 'methodNotAllowed':
      return mapped('notSupported');
    case 'unsupportedMediaType':
      return mapped('unsupportedMediaType');
    case 'payloadTooLarge':
      return mapped('payloadTooLarge');
    case 'malformedJson':
      return mapped('malformedData');
    case 'validation': {
      if (failure.location !== 'body') {
        // An id in the path that does not fit its schema names no existing resource.
        if (failure.location === 'path') return mapped('notFound');
        const issue = failure.issues[0];
        return mapped('badData', { key: issue?.field ?? '' });
      }
      const found = findOnezoneRule(failure.issues);
      if (found === undefined) return mapped('malformedData');
      return mapped(found.rule.id, found.rule.withKey ? { key: found.issue.field } : undefined);
    }
    case 'unauthorized':
      return mapped('unauthorized', failure.rejected === undefined ? undefined : { authError: authErrorByKind[failure.rejected.kind] });
    case 'notImplemented':
      return mapped('notImplemented');
    case 'internal':
      return mapped('internalServerError', { reference: failure.requestId });
  }
};
