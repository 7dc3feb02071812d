/** Camunda: the parity table against the Prism mock and the real server. */
import { createCamundaClient } from '@repo/camunda-client';
import { arrangeCamunda, camundaScenarios, camundaStateful } from './camunda-scenarios.ts';
import { paritySuite } from './parity-suite.ts';

paritySuite({
  api: 'camunda',
  client: (options) => createCamundaClient(options),
  arrange: arrangeCamunda,
  errorOf: (body) => (typeof body === 'object' && body !== null && 'title' in body ? String(body.title) : undefined),
  scenarios: camundaScenarios,
  stateful: camundaStateful,
});
