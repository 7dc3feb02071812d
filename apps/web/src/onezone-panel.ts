/**
 * Onezone: create a user (`create_user`, POST /users) and list users (`list_users`, GET /users, then
 * `get_user`, GET /users/{id}, for each id) with `@repo/onezone-client`. Errors are Onezone's
 * `{ error: { id, description, details } }`.
 */
import { createOnezoneClient, createdUserId, errorMessage, type OnezoneError } from '@repo/onezone-client';
import { type Connection, readConnection } from './connection.ts';
import { busy, byId, code, field } from './dom.ts';
import { type Failure, renderError, renderSuccess, thrownFailure } from './render-error.ts';
import { fillScenarioSelect, scenarios } from './scenarios.ts';
import { honoursPrefer } from './targets.ts';
import { renderUserTable } from './user-table.ts';

/** An Onezone error as the page shows it: the status, the description and the error id. */
function onezoneFailure(response: Response, error: OnezoneError): Failure {
  return { status: response.status, message: errorMessage(error, response) };
}

/** See `clientFor` in camunda-panel.ts: one client per action because the settings can change. */
function clientFor(connection: Connection, scenario = '') {
  return createOnezoneClient({
    baseUrl: connection.baseUrl,
    auth: connection.auth,
    scenario: honoursPrefer(connection.target) && scenario ? scenario : undefined,
  });
}

export function mountOnezonePanel(): { refresh: () => Promise<void> } {
  const form = byId('onezone-create', HTMLFormElement);
  const result = byId('onezone-result', HTMLOutputElement);
  const users = byId('onezone-users', HTMLDivElement);
  const createScenario = byId('onezone-create-scenario', HTMLSelectElement);
  const listScenario = byId('onezone-list-scenario', HTMLSelectElement);
  const submitButton = byId('onezone-submit', HTMLButtonElement);
  const refreshButton = byId('onezone-refresh', HTMLButtonElement);
  fillScenarioSelect(createScenario, scenarios.onezone.create);
  fillScenarioSelect(listScenario, scenarios.onezone.list);

  async function refresh(): Promise<void> {
    const connection = readConnection();
    try {
      const list = await clientFor(connection, listScenario.value).GET('/users');
      if (list.error) return renderError(users, onezoneFailure(list.response, list.error));
      // list_users gives ids only; get_user fills in each row. The scenario applies to the list call.
      const client = clientFor(connection);
      const rows = await Promise.all(
        list.data.users.map(async (id) => {
          const { data, error, response } = await client.GET('/users/{id}', { params: { path: { id } } });
          return { id, user: data, failure: error && onezoneFailure(response, error) };
        }),
      );
      renderUserTable(
        users,
        [
          ['Id', (row) => row.id],
          ['Username', (row) => row.user?.username ?? ''],
          ['Full name', (row) => row.user?.fullName ?? (row.failure ? `(${row.failure.message})` : '')],
        ],
        rows,
      );
    } catch (thrown) {
      renderError(users, thrownFailure(thrown, connection.baseUrl));
    }
  }

  async function createUser(): Promise<void> {
    const connection = readConnection();
    const fields = new FormData(form);
    const username = field(fields, 'username');
    const password = String(fields.get('password') ?? ''); // passwords are taken as typed, spaces and all
    const fullName = field(fields, 'fullName');
    // Every field is optional (no password: a user without basic-auth login), so empty ones are
    // left out; an empty string would be a bad value, not a missing one.
    const body = { ...(username && { username }), ...(password && { password }), ...(fullName && { fullName }) };
    try {
      const created = await clientFor(connection, createScenario.value).POST('/users', { body });
      if (created.error) return renderError(result, onezoneFailure(created.response, created.error));
      // 201 Created has no body: the new id is the last segment of the Location header, which a
      // browser can only read when the server exposes it to CORS (see createdUserId).
      renderSuccess(result, `Created user ${body.username ?? '(no username)'}: id `, code(createdUserId(created)));
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
