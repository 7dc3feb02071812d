/**
 * One benchmark server, started by bench/run.ts as a child process pinned to its own core.
 *   bare    — plain Hono routes doing the same work without the runtime (parse JSON, answer)
 *   runtime — the same routes through createOpenApiApp on the real specs (auth, validation, mapper)
 * Prints `listening <port>` once ready.
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { camundaSpec, type paths as CamundaPaths } from '@repo/specs/camunda';
import { onezoneSpec, type paths as OnezonePaths } from '@repo/specs/onezone';
import { basic, createOpenApiApp } from '../src/index.ts';
import { errorBodyErrors } from '../test/fixtures/error-body-errors.ts';
import { problemErrors } from '../test/fixtures/problem-errors.ts';

const user = {
  userId: 'u1',
  fullName: 'Rudolf Lingens',
  username: 'r.lingens',
  linkedAccounts: [],
  emails: [],
  basicAuthEnabled: true,
  blocked: false,
  creationTime: 1700000000,
};

function bare(): Hono {
  const app = new Hono();
  app.post('/v2/users', async (c) => {
    const body = (await c.req.json()) as { username?: string };
    return c.json({ userKey: body.username === undefined ? 1 : 2 }, 202);
  });
  app.get('/api/v3/onezone/users/:id', (c) => c.json({ ...user, userId: c.req.param('id') }));
  return app;
}

function runtime(): Hono {
  // A verifier as cheap as the bare server's lack of one: the bench measures the runtime, not hashing.
  const security = { basicAuth: basic<{ username: string }>(({ username }) => ({ username })) };
  const camunda = createOpenApiApp<CamundaPaths, { username: string }>({
    spec: camundaSpec,
    errors: problemErrors,
    security,
    validateResponses: 'off',
  });
  camunda.handle('post', '/users', (req) => ({ status: 202, body: { userKey: req.body.username === '' ? 1 : 2 } }));
  const onezone = createOpenApiApp<OnezonePaths, { username: string }>({
    spec: onezoneSpec,
    errors: errorBodyErrors,
    security,
    validateResponses: 'off',
  });
  onezone.handle('get', '/users/{id}', (req) => ({ status: 200, body: { ...user, userId: req.params.id } }));
  const app = new Hono();
  app.route('/', camunda.app);
  app.route('/', onezone.app);
  return app;
}

const app = process.argv[2] === 'runtime' ? runtime() : bare();
let served = 0;
const server = serve(
  {
    fetch: (request, env) => {
      served += 1;
      return app.fetch(request, env);
    },
    port: 0,
    hostname: '127.0.0.1',
  },
  (info) => console.log(`listening ${info.port}`),
);
// CPU time per request is what bench/run.ts compares: unlike req/s, it hardly moves when other
// processes share the machine.
process.on('message', () => {
  const { user, system } = process.cpuUsage();
  process.send?.({ cpuMicros: user + system, served });
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
