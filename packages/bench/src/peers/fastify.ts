/**
 * Peer: Fastify with its own Ajv, given `createUser`'s body schema taken from the bundle (never
 * copied by hand). Ajv is set to validate as the spec means it: no type coercion, no removal of
 * unknown properties (Fastify's defaults would accept what the spec rejects), formats checked.
 */
import Fastify from 'fastify';
import { basicCredentials, CREATE_USER_PATH, CREATED, createUserBodySchema, peerPort } from './validated-post.ts';

const app = Fastify({
  logger: false,
  ajv: { customOptions: { coerceTypes: false, removeAdditional: false, useDefaults: false, allErrors: false } },
});
app.post(CREATE_USER_PATH, {
  schema: { body: createUserBodySchema() },
  onRequest: async (request, reply) => {
    if (basicCredentials(request.headers.authorization) === undefined) await reply.code(401).send({ title: 'UNAUTHORIZED' });
  },
  handler: async (_request, reply) => reply.code(202).send(CREATED),
});
await app.listen({ port: peerPort(), host: '127.0.0.1' });
process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
