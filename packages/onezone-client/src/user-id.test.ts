import { describe, expect, it } from 'vitest';
import { createdUserId, userIdFromLocation } from './user-id.ts';

const ID = '9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b';

describe('userIdFromLocation', () => {
  it.each([
    [`https://onezone.example.com/api/v3/onezone/users/${ID}`, ID],
    [`http://localhost:8081/api/v3/onezone/users/${ID}`, ID],
    [`/api/v3/onezone/users/${ID}`, ID],
    [`https://proxy.example.com/onezone/api/v3/onezone/users/${ID}`, ID],
    [`https://onezone.example.com/api/v3/onezone/users/${ID}/`, ID],
    [`https://onezone.example.com/api/v3/onezone/users/${ID}?x=1#y`, ID],
    ['https://onezone.example.com/api/v3/onezone/users/a%2Fb', 'a/b'],
  ])('reads the id of %s', (location, id) => {
    expect(userIdFromLocation(location)).toBe(id);
  });

  it.each([
    ['', 'an empty string'],
    [`https://onezone.example.com/api/onezone/v3/users/${ID}`, 'the upstream documentation typo'],
    ['https://onezone.example.com/api/v3/onezone/users/', 'no id'],
    [`https://onezone.example.com/api/v3/onezone/users/${ID}/groups`, 'a sub-resource'],
    [`https://onezone.example.com/api/v3/onezone/groups/${ID}`, 'another resource'],
    ['https://onezone.example.com/api/v3/onezone/users/%E0%A4%A', 'broken percent-encoding'],
  ])('rejects %j (%s)', (location) => {
    expect(() => userIdFromLocation(location)).toThrow(/Not a Onezone user URI/);
  });
});

describe('createdUserId', () => {
  const created = (location?: string) =>
    new Response(null, { status: 201, headers: location ? { Location: location } : {} });

  it('reads the id from the Location of an openapi-fetch result', () => {
    expect(createdUserId({ response: created(`https://oz/api/v3/onezone/users/${ID}`) })).toBe(ID);
  });

  it('reads the id from a Response', () => {
    expect(createdUserId(created(`/api/v3/onezone/users/${ID}`))).toBe(ID);
  });

  it('throws when the call failed', () => {
    const response = new Response('{}', { status: 400 });
    expect(() => createdUserId({ response })).toThrow('create_user did not create a user: HTTP 400.');
  });

  it('throws when Location is missing', () => {
    expect(() => createdUserId(created())).toThrow(/without a readable Location header/);
  });
});
