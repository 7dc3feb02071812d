import { describe, expect, it } from 'vitest';
import type { Judged } from '../checks/verdict.ts';
import type { Planned } from '../request/planned.ts';
import { readSpecModel } from '../spec/operations.ts';
import { fixtureSpec } from '../testing/fixture-spec.ts';
import { contains, followLinks, linkRole, type FollowEnv } from './follow.ts';

describe('contains', () => {
  it('finds every identity value among the leaves of a JSON body', () => {
    const body = JSON.stringify({ items: [{ key: 7, username: 'zoë' }], page: { totalItems: 1 } });
    expect(contains(body, ['zoë'])).toBe(true);
    expect(contains(body, ['zoë', 7])).toBe(true);
    expect(contains(body, ['zoe'])).toBe(false);
    expect(contains(body, ['zoë', 8])).toBe(false);
    expect(contains('not json', ['zoë'])).toBe(false);
  });
});

/** The fixture spec with an update operation and a link from the create to it. */
function specWithUpdate(): Record<string, unknown> {
  const spec = structuredClone(fixtureSpec) as unknown as { paths: Record<string, Record<string, any>> };
  spec.paths['/items/{id}']!.put = {
    operationId: 'updateItem',
    requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemCreate' } } } },
    responses: { '204': { description: 'updated' }, '404': { $ref: '#/components/responses/Problem' } },
  };
  spec.paths['/items']!.post.responses['201'].links.updateCreated = { operationId: 'updateItem', parameters: { id: '$response.body#/id' }, requestBody: { name: '$request.body#/name' } };
  return spec as unknown as Record<string, unknown>;
}

/** A fake target holding items in memory; `updateAnswers` overrides what PUT answers. */
function fakeEnv(spec: Record<string, unknown>, updateAnswers?: number) {
  const items = new Set(['i1']);
  const sent: { method: string; url: string; body: string | undefined }[] = [];
  const env: FollowEnv = {
    model: readSpecModel(spec),
    baseUrl: 'http://h',
    credentials: { username: 'u', password: 'p' },
    async exchange(planned: Planned) {
      const { method, url, body } = planned.generated.request;
      sent.push({ method, url, body: body === undefined ? undefined : Buffer.from(body).toString('utf8') });
      const id = decodeURIComponent(new URL(url).pathname.split('/').pop()!);
      const status =
        method === 'GET' ? (items.has(id) ? 200 : 404)
        : method === 'PUT' ? (updateAnswers ?? (items.has(id) ? 204 : 404))
        : method === 'DELETE' ? (items.delete(id) ? 204 : 404)
        : 405;
      const response = { status, headers: {}, text: status === 200 ? JSON.stringify({ id, name: 'abc' }) : '', durationMs: 1 };
      return { response, judged: [] };
    },
  };
  return { env, sent };
}

const createPlanned: Planned = {
  generated: { operationId: 'createItem', class: 'positive', description: 'test', request: { method: 'POST', url: 'http://h/items', headers: [] } },
  expectation: 'valid',
  values: { path: {}, query: {}, header: {}, body: { name: 'abc' } },
  authorised: true,
};
const created = { status: 201, headers: { location: 'http://h/items/i1' }, text: JSON.stringify({ id: 'i1', name: 'abc' }), durationMs: 1 };
const stateful = (judged: Judged[]) => judged.map((j) => [j.verdict.check, j.verdict.operationId, j.verdict.ok]);

describe('followLinks', () => {
  it('gives PUT and PATCH targets the update role, whatever the link carries', () => {
    const model = readSpecModel(specWithUpdate());
    const update = model.operations.find((o) => o.operationId === 'updateItem')!;
    expect(linkRole(update, { name: 'x', operationId: 'updateItem', parameters: {}, requestBody: { name: 'n' } } as never)).toBe('update');
    expect(linkRole({ ...update, method: 'patch' }, { name: 'x', operationId: 'updateItem', parameters: {} } as never)).toBe('update');
  });

  it('follows an update link after a create (2xx required), and after the delete the update must get 404', async () => {
    const spec = specWithUpdate();
    const { env, sent } = fakeEnv(spec);
    const source = env.model.operations.find((o) => o.operationId === 'createItem')!;
    const judged = await followLinks(env, source, createPlanned, created);
    expect(stateful(judged)).toEqual([
      ['ensure_resource_availability', 'getItem', true],
      ['ensure_resource_availability', 'updateItem', true],
      ['use_after_free', 'getItem', true],
      ['use_after_free', 'updateItem', true],
    ]);
    const put = sent.find((s) => s.method === 'PUT')!;
    expect(put.url).toBe('http://h/items/i1');
    expect(JSON.parse(put.body!)).toEqual({ name: 'abc' });
  });

  it('fails ensure_resource_availability when the update of a just-created resource is not 2xx', async () => {
    const spec = specWithUpdate();
    const { env } = fakeEnv(spec, 404);
    const source = env.model.operations.find((o) => o.operationId === 'createItem')!;
    const judged = await followLinks(env, source, createPlanned, created);
    expect(stateful(judged)).toContainEqual(['ensure_resource_availability', 'updateItem', false]);
  });
});
