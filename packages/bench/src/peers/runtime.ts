/**
 * Peer: our runtime, `@repo/hono-openapi` compiled from the Camunda bundle with the server's own
 * error mapper, serving `createUser` (security, content type, body limit, validation, handler).
 * The Basic verifier accepts any credentials: the comparison is of request handling, not hashing.
 */
import { serve } from '@hono/node-server';
import { camundaErrors } from '@repo/camunda-server';
import { basic, createOpenApiApp } from '@repo/hono-openapi';
import { camundaSpec, type paths } from '@repo/specs/camunda';
import { CREATED, peerPort } from './validated-post.ts';

const api = createOpenApiApp<paths, { username: string }>({
  spec: camundaSpec,
  errors: camundaErrors,
  security: { basicAuth: basic(({ username }) => ({ username })) },
  validateResponses: 'off',
});
api.handle('post', '/users', () => ({ status: 202, body: CREATED }));
const server = serve({ fetch: api.app.fetch, port: peerPort(), hostname: '127.0.0.1' });
process.once('SIGTERM', () => server.close(() => process.exit(0)));
