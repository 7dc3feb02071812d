/**
 * Camunda 8: create a user (`createUser`, POST /users) and list users (`searchUsers`,
 * POST /users/search) with `@repo/camunda-client`. Errors are RFC 9457 problem details.
 */
import { type CamundaProblem, createCamundaClient, problemMessage } from '@repo/camunda-client';
import { type Connection, readConnection } from './connection.ts';
import { busy, byId, code, field } from './dom.ts';
import { type Failure, renderError, renderSuccess, thrownFailure } from './render-error.ts';
import { fillScenarioSelect, scenarios } from './scenarios.ts';
import { honoursPrefer } from './targets.ts';
import { renderUserTable } from './user-table.ts';

/** A problem detail as the page shows it: `409 ALREADY_EXISTS` and the problem's detail. */
function problemFailure(response: Response, problem: CamundaProblem): Failure {
  return { status: response.status, code: problem.title, message: problemMessage(problem, response) };
}

/**
 * A client for the current settings. The page builds one per action because the user can change
 * target, URL and credentials at any time; an app would build one at startup and keep it.
 */
function clientFor(connection: Connection, scenario: string) {
  return createCamundaClient({
    baseUrl: connection.baseUrl,
    auth: connection.auth,
    // Only the mocks understand `Prefer`; a real server must not get it.
    scenario: honoursPrefer(connection.target) && scenario ? scenario : undefined,
  });
}

export function mountCamundaPanel(): { refresh: () => Promise<void> } {
  const form = byId('camunda-create', HTMLFormElement);
  const result = byId('camunda-result', HTMLOutputElement);
  const users = byId('camunda-users', HTMLDivElement);
  const createScenario = byId('camunda-create-scenario', HTMLSelectElement);
  const listScenario = byId('camunda-list-scenario', HTMLSelectElement);
  const submitButton = byId('camunda-submit', HTMLButtonElement);
  const refreshButton = byId('camunda-refresh', HTMLButtonElement);
  fillScenarioSelect(createScenario, scenarios.camunda.create);
  fillScenarioSelect(listScenario, scenarios.camunda.list);

  async function refresh(): Promise<void> {
    const connection = readConnection();
    try {
      // An empty query matches every user (the first page of them).
      const { data, error, response } = await clientFor(connection, listScenario.value).POST('/users/search', { body: {} });
      if (error) return renderError(users, problemFailure(response, error));
      renderUserTable(
        users,
        [
          ['Key', (user) => String(user.key)],
          ['Username', (user) => user.username],
          ['Name', (user) => user.name ?? ''],
          ['Email', (user) => user.email ?? ''],
        ],
        data.items,
      );
    } catch (thrown) {
      renderError(users, thrownFailure(thrown, connection.baseUrl));
    }
  }

  async function createUser(): Promise<void> {
    const connection = readConnection();
    const fields = new FormData(form);
    const name = field(fields, 'name');
    const email = field(fields, 'email');
    const body = {
      username: field(fields, 'username'),
      password: String(fields.get('password') ?? ''), // passwords are taken as typed, spaces and all
      // Optional fields are left out rather than sent empty: `""` is not a valid email.
      ...(name && { name }),
      ...(email && { email }),
    };
    try {
      const { data, error, response } = await clientFor(connection, createScenario.value).POST('/users', { body });
      if (error) return renderError(result, problemFailure(response, error));
      // 202 Accepted: Camunda answers with the new user's key.
      renderSuccess(result, `Created user ${body.username}: userKey `, code(String(data.userKey)));
    } catch (thrown) {
      return renderError(result, thrownFailure(thrown, connection.baseUrl));
    }
    await refresh();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(submitButton, createUser);
  });
  refreshButton.addEventListener('click', () => void busy(refreshButton, refresh));
  return { refresh };
}
