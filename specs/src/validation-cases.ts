/**
 * One table of request bodies, from ../shared/api-facts.md, that the compiled schemas must accept or
 * reject. The spec tests check the schemas with it; the runtime and server suites reuse it to check
 * the error each rejection turns into, so a rule is written down once.
 */
export interface ValidationCase {
  /** Which API's spec the case belongs to. */
  api: 'camunda' | 'onezone';
  /** The component schema under `#/components/schemas/` the value is checked against. */
  schema: string;
  /** What the case shows, in a few words. */
  name: string;
  value: unknown;
  valid: boolean;
  /** For a rejected value: the property the error must name (absent when the body as a whole is at fault). */
  key?: string;
  /** For a rejected Onezone value: the error id the real server answers with. */
  onezoneErrorId?: string;
}

const rudolf = { fullName: 'Rudolf Lingens', username: 'r.lingens', password: 'lS1c6FD2mxB2ff' };
const withUsername = (username: unknown) => ({ ...rudolf, username });
const withFullName = (fullName: unknown) => ({ ...rudolf, fullName });
const withPassword = (password: unknown) => ({ ...rudolf, password });

const onezone = (name: string, value: unknown, valid: boolean, key?: string, onezoneErrorId?: string): ValidationCase => ({
  api: 'onezone',
  schema: 'UserCreateRequest',
  name,
  value,
  valid,
  ...(key === undefined ? {} : { key }),
  ...(onezoneErrorId === undefined ? {} : { onezoneErrorId }),
});

const camunda = (schema: string, name: string, value: unknown, valid: boolean, key?: string): ValidationCase => ({
  api: 'camunda',
  schema,
  name,
  value,
  valid,
  ...(key === undefined ? {} : { key }),
});

export const validationCases: readonly ValidationCase[] = [
  // Onezone create_user: what the real server checks.
  onezone('the documented example', rudolf, true),
  onezone('an empty object (a user without password login)', {}, true),
  onezone('a username without a password', { username: 'no.password' }, true),
  onezone('unknown keys, which are ignored', { ...rudolf, nickname: 'Rudi', age: 47 }, true),
  onezone('a two-character username', withUsername('ab'), true),
  onezone('a 32-character username', withUsername('a'.repeat(32)), true),
  onezone('a username with dots, dashes and underscores inside', withUsername('a.b-c_d'), true),
  onezone('a one-character username', withUsername('a'), false, 'username', 'badValueUsername'),
  onezone('a username starting with a dash', withUsername('-ab'), false, 'username', 'badValueUsername'),
  onezone('a username ending with an underscore', withUsername('ab_'), false, 'username', 'badValueUsername'),
  onezone('a 33-character username', withUsername('a'.repeat(33)), false, 'username', 'badValueUsername'),
  onezone('a username with a space', withUsername('r lingens'), false, 'username', 'badValueUsername'),
  onezone('a null username', withUsername(null), false, 'username', 'badValueUsername'),
  onezone('a numeric username', withUsername(12345), false, 'username', 'badValueString'),
  onezone('an 8-character password', withPassword('12345678'), true),
  onezone('a 7-character password', withPassword('1234567'), false, 'password', 'badValuePassword'),
  onezone('a null password', withPassword(null), false, 'password', 'badValuePassword'),
  onezone('a password that is an array', withPassword(['secret-secret']), false, 'password', 'badValueString'),
  onezone('a password without a username', { fullName: 'Rudolf Lingens', password: 'lS1c6FD2mxB2ff' }, false, 'username', 'missingRequiredValue'),
  onezone('a full name with Unicode letters and punctuation', withFullName("Zoë O'Brien-Smith"), true),
  onezone('a full name in Chinese characters', withFullName('李小龍'), true),
  onezone('a full name ending with a dot', withFullName('Rudolf L.'), true),
  onezone('a full name of two characters', withFullName('Al'), true),
  onezone('a 128-character full name', withFullName('R'.repeat(128)), true),
  onezone('a one-character full name', withFullName('X'), false, 'fullName', 'badValueFullName'),
  onezone('a 129-character full name', withFullName('R'.repeat(129)), false, 'fullName', 'badValueFullName'),
  onezone('a full name starting with a dash', withFullName('-Rudolf'), false, 'fullName', 'badValueFullName'),
  onezone('a full name ending with a comma', withFullName('Lingens,'), false, 'fullName', 'badValueFullName'),
  onezone('a full name with a forbidden character', withFullName('Rudolf <Lingens>'), false, 'fullName', 'badValueFullName'),
  onezone('a null full name', withFullName(null), false, 'fullName', 'badValueFullName'),
  onezone('a numeric full name', withFullName(42), false, 'fullName', 'badValueString'),
  onezone('an array instead of an object', [rudolf], false, undefined, 'malformedData'),

  // Camunda createUser.
  camunda('UserRequest', 'username and password only', { username: 'demo', password: 'demo' }, true),
  camunda('UserRequest', 'every field', { username: 'jane', password: 'p4ssw0rd!', name: 'Jane Doe', email: 'jane@example.com' }, true),
  camunda('UserRequest', 'no password', { username: 'demo' }, false, 'password'),
  camunda('UserRequest', 'no username', { password: 'demo' }, false, 'username'),
  camunda('UserRequest', 'an empty username', { username: '', password: 'demo' }, false, 'username'),
  camunda('UserRequest', 'a 257-character username', { username: 'u'.repeat(257), password: 'demo' }, false, 'username'),
  camunda('UserRequest', 'an email that is not an address', { username: 'demo', password: 'demo', email: 'not-an-email' }, false, 'email'),
  camunda('UserRequest', 'a null name', { username: 'demo', password: 'demo', name: null }, false, 'name'),
  camunda('UserRequest', 'a numeric username', { username: 7, password: 'demo' }, false, 'username'),
  camunda('UserRequest', 'an unknown property', { username: 'demo', password: 'demo', role: 'admin' }, false, 'role'),

  // Camunda searchUsers.
  camunda('UserSearchQueryRequest', 'an empty query', {}, true),
  camunda('UserSearchQueryRequest', 'filter, page and sort', { filter: { username: 'demo' }, page: { from: 0, limit: 10 }, sort: [{ field: 'name', order: 'desc' }] }, true),
  camunda('UserSearchQueryRequest', 'a page limit over the maximum', { page: { limit: 1001 } }, false, 'limit'),
  camunda('UserSearchQueryRequest', 'a page limit of zero', { page: { limit: 0 } }, false, 'limit'),
  camunda('UserSearchQueryRequest', 'a negative page start', { page: { from: -1 } }, false, 'from'),
  camunda('UserSearchQueryRequest', 'sorting by password', { sort: [{ field: 'password' }] }, false, 'field'),
  camunda('UserSearchQueryRequest', 'an unknown sort order', { sort: [{ field: 'name', order: 'up' }] }, false, 'order'),
];
