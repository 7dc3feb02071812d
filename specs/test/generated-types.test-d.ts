import { expectTypeOf, it } from 'vitest';
import type { paths as CamundaPaths } from '../src/camunda.ts';
import type { paths as OnezonePaths } from '../src/onezone.ts';

// The generated types must carry the wire facts that handlers and clients are typed by.
it('types createUser 202 as { userKey: number }', () => {
  type Created = CamundaPaths['/users']['post']['responses'][202]['content']['application/json'];
  expectTypeOf<Created>().toEqualTypeOf<{ userKey: number }>();
});

it('types create_user 201 with a required Location header and no body', () => {
  type Created = OnezonePaths['/users']['post']['responses'][201];
  expectTypeOf<Created['headers']['Location']>().toEqualTypeOf<string>();
  expectTypeOf<NonNullable<Created['content']>>().toBeNever();
});
