import { describe, expect, it } from 'vitest';
import { createCamundaClient } from './create-camunda-client.ts';
import { CamundaRequestError, searchUsersItems, searchUsersPages } from './search-users.ts';

const USERS = Array.from({ length: 5 }, (_, i) => ({ key: 2251799813685249 + i, username: `user${i}` }));

/** A fetch that serves `users` as the server pages them, and records each request's body. */
function pagingFetch(users = USERS) {
  const bodies: Array<{ filter?: unknown; page: { from: number; limit: number } }> = [];
  const fetch = async (request: Request) => {
    const body = (await request.json()) as (typeof bodies)[number];
    bodies.push(body);
    const { from, limit } = body.page;
    return Response.json({ items: users.slice(from, from + limit), page: { totalItems: users.length } });
  };
  return { bodies, client: createCamundaClient({ baseUrl: 'http://x/v2', fetch, retry: false }) };
}

const collect = async <T>(iterable: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of iterable) all.push(item);
  return all;
};

describe('searchUsersPages', () => {
  it('walks the pages with page.from and page.limit until page.totalItems', async () => {
    const fake = pagingFetch();
    const pages = await collect(searchUsersPages(fake.client, {}, { pageSize: 2 }));
    expect(pages.map((page) => page.items.map((user) => user.username))).toEqual([['user0', 'user1'], ['user2', 'user3'], ['user4']]);
    expect(fake.bodies.map((body) => body.page)).toEqual([
      { from: 0, limit: 2 },
      { from: 2, limit: 2 },
      { from: 4, limit: 2 },
    ]);
  });

  it('stops when the last page is exactly full', async () => {
    const fake = pagingFetch(USERS.slice(0, 4));
    await collect(searchUsersPages(fake.client, {}, { pageSize: 2 }));
    expect(fake.bodies).toHaveLength(2);
  });

  it('keeps the filter and starts at `from`', async () => {
    const fake = pagingFetch();
    await collect(searchUsersPages(fake.client, { filter: { username: 'user3' } }, { from: 3, pageSize: 10 }));
    expect(fake.bodies).toEqual([{ filter: { username: 'user3' }, page: { from: 3, limit: 10 } }]);
  });

  it('ends on a short page even when totalItems says there is more', async () => {
    // The Prism mock serves the same example page whatever `from` is: this must not loop.
    const fetch = async () => Response.json({ items: USERS.slice(0, 2), page: { totalItems: 100 } });
    const client = createCamundaClient({ baseUrl: 'http://x/v2', fetch, retry: false });
    expect(await collect(searchUsersPages(client, {}, { pageSize: 10 }))).toHaveLength(1);
  });

  it('throws the problem of a failed call', async () => {
    const problem = { title: 'INVALID_ARGUMENT', status: 400, detail: 'The page limit must be at most 1000.' };
    const fetch = async () => Response.json(problem, { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    const client = createCamundaClient({ baseUrl: 'http://x/v2', fetch, retry: false });
    const failure = collect(searchUsersPages(client, {}, { pageSize: 5000 }));
    await expect(failure).rejects.toThrow(CamundaRequestError);
    await expect(failure).rejects.toMatchObject({ status: 400, problem, message: problem.detail });
  });

  it('rejects a page size that is not a positive integer', async () => {
    await expect(collect(searchUsersPages(pagingFetch().client, {}, { pageSize: 0 }))).rejects.toThrow(RangeError);
  });
});

describe('searchUsersItems', () => {
  it('yields every user across the pages', async () => {
    const fake = pagingFetch();
    expect(await collect(searchUsersItems(fake.client, {}, { pageSize: 2 }))).toEqual(USERS);
  });

  it('requests no further page after a break', async () => {
    const fake = pagingFetch();
    for await (const user of searchUsersItems(fake.client, {}, { pageSize: 2 })) if (user.username === 'user1') break;
    expect(fake.bodies).toHaveLength(1);
  });
});
