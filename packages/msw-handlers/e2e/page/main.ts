/**
 * The README's `setupWorker` recipe, run in a real browser: the handlers answer the typed clients
 * through MSW's service worker, with no server behind the base URLs (the page's own origin, where
 * nothing serves the APIs). What each call gave is written into #results for the test to read.
 */
import { createCamundaClient, isStatus } from '@repo/camunda-client';
import { createdUserId, createOnezoneClient } from '@repo/onezone-client';
import { setupWorker } from 'msw/browser';
import { camunda, onezone } from '../../src/index.ts';

const worker = setupWorker(...camunda.handlers(), ...onezone.handlers({ scenarios: { list_users: 'code=403' } }));
await worker.start({ onUnhandledRequest: 'error', quiet: true });

const camundaClient = createCamundaClient({ baseUrl: `${location.origin}/v2`, auth: { username: 'demo', password: 'demo' } });
const onezoneClient = createOnezoneClient({ baseUrl: `${location.origin}/api/v3/onezone` });

const found = await camundaClient.POST('/users/search', { body: {} });
worker.use(camunda.handler('createUser', 'code=409, example=duplicateUsername'));
const duplicate = await camundaClient.POST('/users', { body: { username: 'jdoe', password: 's3cr3t-Passw0rd' } });
const created = await onezoneClient.POST('/users', { body: {} });
const listed = await onezoneClient.GET('/users');

document.getElementById('results')!.textContent = JSON.stringify({
  found: { status: found.response.status, data: found.data },
  duplicate: { status: duplicate.response.status, error: isStatus(duplicate, 409) ? duplicate.error : undefined },
  created: { status: created.response.status, id: createdUserId(created) },
  listed: { status: listed.response.status, error: listed.error },
});
