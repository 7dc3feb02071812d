// @vitest-environment happy-dom
/**
 * The two panels rendered in a DOM (happy-dom), calling the typed clients against the MSW
 * handlers of `@repo/msw-handlers`: what each panel shows for the spec's success examples and for
 * its error examples. The expected texts are read from the same examples, never written here.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { camunda, onezone } from '@repo/msw-handlers';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountCamundaPanel } from './camunda-panel.ts';
import { watchConnection } from './connection.ts';
import { mountOnezonePanel } from './onezone-panel.ts';

const server = setupServer(...camunda.handlers(), ...onezone.handlers());
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

// A string, not a URL object: happy-dom's global URL is not one node:fs accepts.
const html = readFileSync(join(dirname(fileURLToPath(import.meta.url)), '..', 'index.html'), 'utf8');
const body = /<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';

let panels: { camunda: ReturnType<typeof mountCamundaPanel>; onezone: ReturnType<typeof mountOnezonePanel> };
beforeEach(() => {
  // The page's own markup, without its script: the test mounts the panels itself.
  document.body.innerHTML = body.replace(/<script[\s\S]*?<\/script>/g, '');
  watchConnection();
  panels = { camunda: mountCamundaPanel(), onezone: mountOnezonePanel() };
});

/** The body of one named example of one operation, as the spec gives it. */
function exampleBody<T>(api: typeof camunda | typeof onezone, operationId: string, name: string): T {
  const example = api.examples.find((candidate) => candidate.operationId === operationId && candidate.name === name);
  if (!example) throw new Error(`No example ${name} of ${operationId}`);
  return example.body as T;
}

const text = (id: string) => document.getElementById(id)?.textContent ?? '';
const cells = (id: string) => [...document.querySelectorAll(`#${id} tbody tr`)].map((row) => [...row.children].map((cell) => cell.textContent));
const select = (id: string, value: string) => {
  const element = document.getElementById(id) as HTMLSelectElement;
  element.value = value;
  expect(element.value, `option ${value} of #${id}`).toBe(value);
};
const submit = (id: string) => (document.getElementById(id) as HTMLFormElement).requestSubmit();
const choose = (name: string, value: string) => {
  // Each radio of the group is set, as a browser's click would: happy-dom does not always uncheck
  // the others of a group inside a fieldset.
  const radios = [...document.querySelectorAll<HTMLInputElement>(`#connection input[name="${name}"]`)];
  for (const radio of radios) radio.checked = radio.value === value;
  radios.find((radio) => radio.value === value)!.dispatchEvent(new Event('change'));
};

/** Waits for what a submit renders; generous, since the machine may be busy. */
const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 5_000, interval: 20 });

type Problem = { title: string; detail: string; status: number };
type OnezoneError = { error: { id: string; description: string } };

describe('Camunda panel', () => {
  it('lists the users of the success example', async () => {
    await panels.camunda.refresh();
    const found = exampleBody<{ items: Array<{ key: number; username: string; name?: string; email?: string }> }>(camunda, 'searchUsers', 'found');
    expect(cells('camunda-users')).toEqual(found.items.map((user) => [String(user.key), user.username, user.name ?? '', user.email ?? '']));
  });

  it('shows the status, title and detail of an error example', async () => {
    server.use(camunda.handler('searchUsers', 'code=403'));
    await panels.camunda.refresh();
    const problem = exampleBody<Problem>(camunda, 'searchUsers', 'permissionDenied');
    expect(text('camunda-users')).toBe(`${problem.status} ${problem.title} ${problem.detail}`);
    expect(document.querySelector('#camunda-users')?.getAttribute('role')).toBe('alert');
  });

  it('shows the key of a created user', async () => {
    submit('camunda-create');
    const { userKey } = exampleBody<{ userKey: number }>(camunda, 'createUser', 'created');
    await eventually(() => expect(text('camunda-result')).toBe(`Created user jdoe: userKey ${userKey}`));
  });

  it('sends the scenario picked on the page, which the handlers honour as the mock does', async () => {
    select('camunda-create-scenario', 'code=409, example=duplicateUsername');
    submit('camunda-create');
    const problem = exampleBody<Problem>(camunda, 'createUser', 'duplicateUsername');
    await eventually(() => expect(text('camunda-result')).toBe(`409 ${problem.title} ${problem.detail}`));
  });

  it('sends no Prefer header to a real server', async () => {
    const prefer: Array<string | null> = [];
    server.events.on('request:start', ({ request }) => void prefer.push(request.headers.get('Prefer')));
    choose('target', 'server');
    select('camunda-list-scenario', 'code=200, example=noMatch');
    await panels.camunda.refresh();
    server.events.removeAllListeners();
    expect(prefer).toEqual([null]);
    expect(cells('camunda-users')).toHaveLength(exampleBody<{ items: unknown[] }>(camunda, 'searchUsers', 'found').items.length);
  });
});

describe('Onezone panel', () => {
  beforeEach(() => choose('api', 'onezone'));

  it('lists each user of list_users with its get_user details', async () => {
    await panels.onezone.refresh();
    const { users } = exampleBody<{ users: string[] }>(onezone, 'list_users', 'userIds');
    const user = exampleBody<{ username: string; fullName: string }>(onezone, 'get_user', 'rudolfLingens');
    // The default get_user example answers for every id: MSW, like Prism, keeps no state.
    expect(cells('onezone-users')).toEqual(users.map((id) => [id, user.username, user.fullName]));
  });

  it('shows the description and id of an error example', async () => {
    server.use(onezone.handler('list_users', 'code=401, example=unauthorized'));
    await panels.onezone.refresh();
    const { error } = exampleBody<OnezoneError>(onezone, 'list_users', 'unauthorized');
    expect(text('onezone-users')).toBe(`401 ${error.description} (${error.id})`);
  });

  it('shows the id of a created user, read from the Location example', async () => {
    submit('onezone-create');
    const location = onezone.examples.find((example) => example.operationId === 'create_user' && example.status === 201)?.headers.Location;
    await eventually(() => expect(text('onezone-result')).toBe(`Created user r.lingens: id ${location?.split('/').at(-1)}`));
  });

  it('shows the error of a rejected create', async () => {
    server.use(onezone.handler('create_user', 'code=400, example=badValueIdentifierOccupied'));
    submit('onezone-create');
    const { error } = exampleBody<OnezoneError>(onezone, 'create_user', 'badValueIdentifierOccupied');
    await eventually(() => expect(text('onezone-result')).toBe(`400 ${error.description} (${error.id})`));
  });
});
