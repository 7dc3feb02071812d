/** The connection form: which API, mock or server, base URL and credentials. */
import { byId } from './dom.ts';
import { type Api, baseUrlFor, type Target } from './targets.ts';

/** Everything a panel needs to build a client for the current settings. */
export interface Connection {
  target: Target;
  baseUrl: string;
  auth: { username: string; password: string };
}

const form = () => byId('connection', HTMLFormElement);

function checked<T extends string>(name: string): T {
  const input = form().querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
  if (!input) throw new Error(`No ${name} selected`);
  return input.value as T;
}

/** The API chosen in the form. */
export const selectedApi = (): Api => checked<Api>('api');

/** The current settings, read fresh at each call so edits apply to the next request. */
export function readConnection(): Connection {
  return {
    target: checked<Target>('target'),
    baseUrl: byId('base-url', HTMLInputElement).value.trim(),
    auth: {
      username: byId('auth-username', HTMLInputElement).value,
      password: byId('auth-password', HTMLInputElement).value,
    },
  };
}

/**
 * Keeps the page in step with the API and target radios: shows the chosen API's panel, resets the
 * base URL to that API's default for the target, and shows the scenario pickers only for the mocks
 * (a real server ignores `Prefer`).
 */
export function watchConnection(): void {
  const sync = () => {
    const api = selectedApi();
    const target = checked<Target>('target');
    byId('base-url', HTMLInputElement).value = baseUrlFor(api, target);
    for (const panel of document.querySelectorAll<HTMLElement>('[data-api]')) panel.hidden = panel.dataset.api !== api;
    document.body.dataset.target = target;
  };
  for (const radio of form().querySelectorAll('input[type="radio"]')) radio.addEventListener('change', sync);
  // The form has no submit button, but Enter in a text field would still reload the page.
  form().addEventListener('submit', (event) => event.preventDefault());
  sync();
}
