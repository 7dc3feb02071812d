/**
 * Onezone: the signed-in user's own account. Creates a client token (`create_client_token`, POST
 * /user/client_tokens) and signs in with it (`Authorization: Bearer`, `get_current_user`), and
 * changes the password (`change_user_password`, PATCH /user/password), with the token when there is
 * one, else with the connection's username and password.
 */
import { createOnezoneClient, errorMessage, type OnezoneError } from '@repo/onezone-client';
import { readConnection } from './connection.ts';
import { busy, byId, code } from './dom.ts';
import { type Failure, renderError, renderSuccess, thrownFailure } from './render-error.ts';

function failure(response: Response, error: OnezoneError): Failure {
  return { status: response.status, message: errorMessage(error, response) };
}

export function mountOnezoneAccount(): void {
  const tokenButton = byId('onezone-token', HTMLButtonElement);
  const tokenResult = byId('onezone-token-result', HTMLOutputElement);
  const passwordForm = byId('onezone-password', HTMLFormElement);
  const passwordButton = byId('onezone-password-submit', HTMLButtonElement);
  const passwordResult = byId('onezone-password-result', HTMLOutputElement);
  // Kept in memory only: a token is as good as the password, so the page never stores it.
  let token: string | undefined;

  async function signInWithToken(): Promise<void> {
    const { baseUrl, auth } = readConnection();
    try {
      const created = await createOnezoneClient({ baseUrl, auth }).POST('/user/client_tokens', { body: {} });
      if (created.error) return renderError(tokenResult, failure(created.response, created.error));
      token = created.data.token;
      const me = await createOnezoneClient({ baseUrl, token }).GET('/user');
      if (me.error) return renderError(tokenResult, failure(me.response, me.error));
      renderSuccess(tokenResult, 'Signed in with token ', code(token), ` as ${me.data.username ?? me.data.userId}. The password change below uses it.`);
    } catch (thrown) {
      renderError(tokenResult, thrownFailure(thrown, baseUrl));
    }
  }

  async function changePassword(): Promise<void> {
    const { baseUrl, auth } = readConnection();
    const fields = new FormData(passwordForm);
    // Passwords are taken as typed; an empty old password means "I have none" (null).
    const oldPassword = String(fields.get('oldPassword') ?? '');
    const newPassword = String(fields.get('newPassword') ?? '');
    try {
      const client = createOnezoneClient({ baseUrl, ...(token === undefined ? { auth } : { token }) });
      const changed = await client.PATCH('/user/password', { body: { oldPassword: oldPassword === '' ? null : oldPassword, newPassword } });
      if (changed.error) return renderError(passwordResult, failure(changed.response, changed.error));
      renderSuccess(passwordResult, 'Password changed. Use the new one in the connection settings from now on.');
    } catch (thrown) {
      renderError(passwordResult, thrownFailure(thrown, baseUrl));
    }
  }

  tokenButton.addEventListener('click', () => void busy(tokenButton, signInWithToken));
  passwordForm.addEventListener('submit', (event) => {
    event.preventDefault();
    void busy(passwordButton, changePassword);
  });
}
