/**
 * The user journeys of `specs/arazzo/` (Arazzo workflows), run by `redocly respect` against the
 * real servers on each store: every declared workflow runs, every step and every check passes.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ADMIN } from '../support/admin.ts';
import type { ApiName } from '../support/apis.ts';
import { declaredWorkflows, failedChecks, respectSummary, runRespect } from '../support/respect.ts';
import { storeTargets, storeTitle } from '../support/stores.ts';
import { useServers } from '../support/use-server.ts';

const stores = await storeTargets('Arazzo journeys against the servers on PostgreSQL');

/** The Arazzo file of each API (relative to `specs/`); its source description is named after the API. */
const JOURNEYS: Record<ApiName, string> = {
  camunda: 'arazzo/camunda-users.arazzo.yaml',
  onezone: 'arazzo/onezone-users.arazzo.yaml',
};

/** A suffix unique to one run, as the workflows' `run` input asks: `^[a-z0-9]{1,12}$`. */
const runSuffix = () => `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`.slice(-12);

for (const store of stores) {
  describe.skipIf(!store.available)(`Arazzo journeys on ${storeTitle(store)}`, () => {
    const started = useServers(store, ['camunda', 'onezone']);

    for (const api of Object.keys(JOURNEYS) as ApiName[]) {
      it(`passes every workflow of ${JOURNEYS[api]} under redocly respect`, { timeout: 60_000 }, async () => {
        const run = await runRespect(JOURNEYS[api], {
          sourceName: api,
          baseUrl: started[api]().server.baseUrl,
          inputs: { adminUsername: ADMIN.username, adminPassword: ADMIN.password, run: runSuffix() },
        });
        console.log(`redocly respect ${JOURNEYS[api]} (${api} on ${store.name}):\n${respectSummary(run.output)}`);

        expect(failedChecks(run), respectSummary(run.output)).toEqual([]);
        expect(run.exitCode, run.output).toBe(0);
        expect(run.status).toBe('success');
        // Every declared workflow ran, each with every one of its steps, and each step passed.
        expect(run.workflows.map((w) => ({ workflowId: w.workflowId, stepIds: w.executedSteps.map((s) => s.stepId) }))).toEqual(
          declaredWorkflows(JOURNEYS[api]),
        );
        for (const workflow of run.workflows) {
          expect(workflow.status, workflow.workflowId).toBe('success');
          for (const step of workflow.executedSteps) expect(step.status, `${workflow.workflowId} / ${step.stepId}`).toBe('success');
        }
      });
    }
  });
}
