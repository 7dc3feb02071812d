import { describe, expectTypeOf, it } from 'vitest';
import { createTypedClient } from './create-typed-client.ts';
import { isStatus } from './status.ts';

type Json<T> = { headers: Record<string, unknown>; content: { 'application/json': T } };

/** A `paths` whose statuses all have different bodies, so that narrowing shows. */
interface paths {
  '/things/{id}': {
    get: {
      parameters: { path: { id: string } };
      responses: {
        200: Json<{ thing: string }>;
        203: Json<{ cached: true }>;
        404: Json<{ notFound: string }>;
        429: Json<{ retryIn: number }>;
        503: { headers: Record<string, unknown>; content?: never };
      };
    };
    delete: { parameters: { path: { id: string } }; responses: { 204: { headers: Record<string, unknown>; content?: never }; 409: Json<{ conflict: true }> } };
  };
}

const client = createTypedClient<paths>({ baseUrl: 'http://x' });
const get = () => client.GET('/things/{id}', { params: { path: { id: 'a' } } });

describe('isStatus', () => {
  it('narrows error to the body of an error status', async () => {
    const result = await get();
    expectTypeOf(result.error).toEqualTypeOf<{ notFound: string } | { retryIn: number } | undefined>();
    if (isStatus(result, 404)) {
      expectTypeOf(result.error).toEqualTypeOf<{ notFound: string }>();
      expectTypeOf(result.data).toEqualTypeOf<undefined>();
      expectTypeOf(result.response.status).toEqualTypeOf<404>();
    }
    if (isStatus(result, 429)) expectTypeOf(result.error).toEqualTypeOf<{ retryIn: number }>();
  });

  it('narrows data to the body of a success status', async () => {
    const result = await get();
    if (isStatus(result, 203)) {
      expectTypeOf(result.data).toEqualTypeOf<{ cached: true }>();
      expectTypeOf(result.error).toEqualTypeOf<undefined>();
    }
  });

  it('gives a status without a body no body', async () => {
    const result = await get();
    if (isStatus(result, 503)) expectTypeOf(result.error).toBeUndefined();
    const deleted = await client.DELETE('/things/{id}', { params: { path: { id: 'a' } } });
    if (isStatus(deleted, 409)) expectTypeOf(deleted.error).toEqualTypeOf<{ conflict: true }>();
  });

  it('chains in if / else if', async () => {
    const result = await get();
    if (isStatus(result, 404)) expectTypeOf(result.error).toEqualTypeOf<{ notFound: string }>();
    else if (isStatus(result, 429)) expectTypeOf(result.error).toEqualTypeOf<{ retryIn: number }>();
    else if (isStatus(result, 200)) expectTypeOf(result.data).toEqualTypeOf<{ thing: string }>();
  });

  it('accepts only the statuses the operation declares', async () => {
    const result = await get();
    // @ts-expect-error GET /things/{id} declares no 409
    isStatus(result, 409);
    const deleted = await client.DELETE('/things/{id}', { params: { path: { id: 'a' } } });
    // @ts-expect-error DELETE /things/{id} declares no 404
    isStatus(deleted, 404);
  });
});
