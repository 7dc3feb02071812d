/**
 * Runs one API's parity table against three targets: the Prism mock, the real server and the
 * stateful mock (`npm run mock:stateful`). Each scenario is a trio of tests, `mock: …`, `server: …`
 * and `stateful: …`, that assert the same expected outcome (status, content type, error identity,
 * the spec's headers present) on a spec-checked response. Prism is asked through `Prefer`; the
 * server and the stateful mock get the request as it is, except where no request can cause the
 * outcome (a failing store, a status the server never gives): the stateful mock is then asked
 * through `Prefer`, like Prism. What Prism cannot show (state) is registered as a skipped mock
 * test beside its server and stateful tests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock, type RunningMock } from '@repo/mock';
import { startStatefulMock, type RunningStatefulMock } from '@repo/mock/stateful';
import { ADMIN, type Credentials } from '../support/admin.ts';
import { APIS, type ApiName } from '../support/apis.ts';
import { withBrokenStore } from '../support/break-store.ts';
import { checkedFetch, failOnViolations, specChecker, type CheckedFetch } from '@repo/test-kit';
import { startOnStore, type ServerOnStore } from '../support/stores.ts';
import type { Arranged, CallResult, Expected, Identity, Scenario, StatefulBehaviour } from './scenario.ts';

/** What a parity suite needs to know of its API. */
export interface ParitySuite<Client, Ctx extends Arranged> {
  api: ApiName;
  /** Builds the API's typed client. */
  client: (options: { baseUrl: string; fetch: CheckedFetch; auth?: Credentials; scenario?: string }) => Client;
  /** Creates what the scenarios need, through the API, as the admin (run on each target). */
  arrange: (admin: Client) => Promise<Ctx>;
  /** The error's identity in a body of this API (problem `title`, Onezone `error.id`). */
  errorOf: (body: unknown) => string | undefined;
  scenarios: readonly Scenario<Client, Ctx>[];
  stateful: readonly StatefulBehaviour<Client, Ctx>[];
}

/** Where a parity test sends its request. */
type Kind = 'mock' | 'server' | 'stateful';

interface Target<Ctx> {
  baseUrl: string;
  fetch: CheckedFetch;
  arranged: Ctx;
}

/** Defines the suite's tests. */
export function paritySuite<Client, Ctx extends Arranged>(suite: ParitySuite<Client, Ctx>): void {
  const spec = APIS[suite.api].spec;
  const checker = specChecker(spec);
  const fetches = { mock: checkedFetch(spec), server: checkedFetch(spec), stateful: checkedFetch(spec) };
  for (const fetch of Object.values(fetches)) failOnViolations(fetch);
  let mock: RunningMock | undefined;
  let server: ServerOnStore | undefined;
  let stateful: (RunningStatefulMock & { close(): Promise<void> }) | undefined;
  const targets: Partial<Record<Kind, Target<Ctx>>> = {};

  beforeAll(async () => {
    const [m, s, st] = await Promise.allSettled([
      startMock({ api: suite.api, port: 0, watch: false }),
      startOnStore(suite.api, { name: 'sqlite', available: true }),
      startStatefulMock(suite.api, { port: 0, admin: ADMIN }),
    ]);
    if (m.status === 'fulfilled') mock = m.value;
    if (s.status === 'fulfilled') server = s.value;
    if (st.status === 'fulfilled') stateful = st.value;
    const failed = [m, s, st].find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    for (const [kind, baseUrl] of [['mock', mock!.baseUrl], ['server', server!.server.baseUrl], ['stateful', stateful!.baseUrl]] as const) {
      const fetch = fetches[kind];
      const arranged = await suite.arrange(suite.client({ baseUrl, fetch, auth: ADMIN }));
      targets[kind] = { baseUrl, fetch, arranged };
    }
  });
  afterAll(async () => {
    await Promise.all([mock?.close(), server?.dispose(), stateful?.close()]);
  });

  const credentials = (identity: Identity, arranged: Ctx): Credentials | undefined =>
    ({ admin: ADMIN, none: undefined, wrongPassword: { ...ADMIN, password: 'wrong-Passw0rd' }, plain: arranged.plain })[identity];

  const clientAs = (kind: Kind, identity: Identity, prefer?: string): Client => {
    const target = targets[kind]!;
    const auth = credentials(identity, target.arranged);
    return suite.client({ baseUrl: target.baseUrl, fetch: target.fetch, ...(auth ? { auth } : {}), ...(prefer ? { scenario: prefer } : {}) });
  };

  /** The outcome both targets must give: status, media type, error identity, and which of the spec's headers came. */
  function expectOutcome(kind: Kind, wanted: Expected, { response, error }: CallResult): void {
    const request = fetches[kind].requestOf(response);
    if (request === undefined) throw new Error('the response did not come through the checked fetch');
    const declared = checker.declaredHeaders(request.method, request.url, wanted.status);
    expect({
      status: response.status,
      contentType: response.headers.get('content-type')?.split(';')[0]?.trim() || undefined,
      error: suite.errorOf(error),
      headers: declared.filter((name) => response.headers.has(name)),
    }).toEqual({ status: wanted.status, contentType: wanted.contentType, error: wanted.error, headers: declared });
  }

  for (const scenario of suite.scenarios) {
    describe(`${scenario.operation}: ${scenario.name}`, () => {
      it(`mock: answers ${describeExpected(scenario.expect)}`, async () => {
        const result = await scenario.send(clientAs('mock', scenario.as, scenario.mock), targets.mock!.arranged);
        expectOutcome('mock', scenario.expect, result);
      });
      const serverTest = async () => {
        const send = () => scenario.send(clientAs('server', scenario.as), targets.server!.arranged);
        const result = scenario.storeFault ? await withBrokenStore({ api: suite.api, dataDir: server!.server.dataDir }, send) : await send();
        expectOutcome('server', scenario.expect, result);
      };
      if (scenario.serverCannot) it.skip(`server: cannot answer ${describeExpected(scenario.expect)}: ${scenario.serverCannot}`, serverTest);
      else it(`server: answers ${describeExpected(scenario.expect)}`, serverTest);
      // The stateful mock is the server's code: it answers for real, except what no request can cause there.
      const prefer = scenario.storeFault || scenario.serverCannot ? scenario.mock : undefined;
      it(`stateful: answers ${describeExpected(scenario.expect)}${prefer ? ` (Prefer: ${prefer})` : ''}`, async () => {
        const result = await scenario.send(clientAs('stateful', scenario.as, prefer), targets.stateful!.arranged);
        expectOutcome('stateful', scenario.expect, result);
      });
    });
  }

  for (const behaviour of suite.stateful) {
    describe(`${behaviour.operation}: ${behaviour.name}`, () => {
      it.skip(`mock: cannot show that it ${behaviour.name} (stateless)`, () => {});
      it(`server: ${behaviour.name}`, () => behaviour.check((identity) => clientAs('server', identity), targets.server!.arranged));
      it(`stateful: ${behaviour.name}`, () => behaviour.check((identity) => clientAs('stateful', identity), targets.stateful!.arranged));
    });
  }
}

function describeExpected(wanted: Expected): string {
  return [wanted.status, wanted.error, wanted.contentType].filter(Boolean).join(' ');
}
