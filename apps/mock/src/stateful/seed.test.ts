import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MOCKED_APIS } from '../apis.ts';
import type { SpecDocument } from '../mount-bundle.ts';
import { camundaSeed, onezoneSeed } from './seed.ts';

const bundle = (index: number) => JSON.parse(readFileSync(MOCKED_APIS[index]!.bundlePath, 'utf8')) as SpecDocument;

describe('camundaSeed', () => {
  it("takes the users of searchUsers' examples, in key order, with the request example's password", () => {
    expect(camundaSeed(bundle(0))).toEqual([
      { source: 'searchUsers.found', exampleId: '2251799813685249', username: 'jdoe', name: 'Jane Doe', email: 'jane.doe@example.com', password: 's3cr3t-Passw0rd' },
      { source: 'searchUsers.found', exampleId: '2251799813685251', username: 'rroe', name: '', email: '', password: 'rroe-Passw0rd' },
    ]);
  });

  it('follows the spec, not a copy of it', () => {
    const spec = bundle(0) as SpecDocument & { components: { examples: Record<string, { value: { items: unknown[] } }> } };
    spec.components.examples.SearchUsersFound!.value.items = [{ key: 7, username: 'zed' }];
    expect(camundaSeed(spec).map((user) => user.username)).toEqual(['zed']);
  });
});

describe('onezoneSeed', () => {
  it("takes the users of get_user's examples, in list_users order; only users with basic auth get a password", () => {
    expect(onezoneSeed(bundle(1))).toEqual([
      {
        source: 'get_user.rudolfLingens',
        exampleId: '9f2c4b7e1a3d5c8e0b6a4f2d1c3e5a7b',
        username: 'r.lingens',
        name: 'Rudolf Lingens',
        email: '',
        password: 'lS1c6FD2mxB2ff',
      },
      { source: 'get_user.withoutUsername', exampleId: '4e8a1c6f2b9d3e7a5c0f8b2d6a4e1c9f', username: null, name: 'Unnamed User', email: '', password: null },
    ]);
  });
});
