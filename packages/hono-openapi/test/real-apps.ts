/**
 * Both real APIs wired with the fixture mappers (problem+json, Onezone-shaped) and a basic verifier
 * (`admin:admin-password`), for tests that run the runtime against the real specs.
 */
import { camundaSpec, type paths as CamundaPaths } from '@repo/specs/camunda';
import { onezoneSpec, type paths as OnezonePaths } from '@repo/specs/onezone';
import { createOpenApiApp, type Authorization, type ResponseValidationMode } from '../src/index.ts';
import { errorBodyErrors } from './fixtures/error-body-errors.ts';
import { problemErrors } from './fixtures/problem-errors.ts';
import { apiKey, basic, bearer } from '../src/security.ts';
import { captureLogger } from './fixture-app.ts';

export interface Admin {
  readonly username: string;
  readonly privileges: readonly string[];
}

const verify = basic<Admin>(({ username, password }) =>
  username === 'admin' && password === 'admin-password' ? { username, privileges: ['oz_users_create'] } : null,
);

export function camundaApp(validateResponses: ResponseValidationMode = 'throw') {
  const logger = captureLogger();
  const api = createOpenApiApp<CamundaPaths, Admin>({
    spec: camundaSpec,
    errors: problemErrors,
    security: { basicAuth: verify },
    validateResponses,
    logger,
  });
  return { api, logger };
}

export function onezoneApp(validateResponses: ResponseValidationMode = 'throw', authorization?: Authorization<Admin>) {
  const logger = captureLogger();
  const api = createOpenApiApp<OnezonePaths, Admin>({
    spec: onezoneSpec,
    errors: errorBodyErrors,
    // Onezone also accepts client tokens; these tests know none.
    security: { basicAuth: verify, tokenAuth: apiKey<Admin>(() => null), bearerAuth: bearer<Admin>(() => null) },
    validateResponses,
    logger,
    ...(authorization === undefined ? {} : { authorization }),
  });
  return { api, logger };
}


export { camundaSpec, onezoneSpec };
