/**
 * Peer: Express with express-openapi-validator on the bundled Camunda spec (request validation
 * and its security check on; response validation off, as the runtime peer's).
 */
import express, { type NextFunction, type Request, type Response } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import { camundaSpec } from '@repo/specs/camunda';
import { basicCredentials, CREATE_USER_PATH, CREATED, peerPort } from './validated-post.ts';

const app = express();
app.disable('x-powered-by');
app.use(express.json());
app.use(
  OpenApiValidator.middleware({
    // A copy: the validator rewrites the document it is given.
    apiSpec: structuredClone(camundaSpec) as never,
    validateRequests: true,
    validateResponses: false,
    validateSecurity: { handlers: { basicAuth: async (request) => basicCredentials(request.headers.authorization) !== undefined } },
  }),
);
app.post(CREATE_USER_PATH, (_request, response) => {
  response.status(202).json(CREATED);
});
app.use((error: { status?: number; message?: string }, _request: Request, response: Response, _next: NextFunction) => {
  response.status(error.status ?? 500).json({ title: 'ERROR', detail: error.message });
});
const server = app.listen(peerPort(), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)));
