import { describe, expect, it } from 'vitest';
import { testDocument } from '../testing/spec-fixtures.ts';
import { isSecured, readSpecModel, responseFor } from './operations.ts';

describe('readSpecModel', () => {
  it('reads every operation of both bundled specs with refs resolved', () => {
    const declared = (api: string) =>
      Object.values(testDocument(api).document['paths'] as Record<string, Record<string, { operationId?: string }>>)
        .flatMap((item) => Object.values(item).map((o) => o.operationId))
        .filter((id): id is string => typeof id === 'string')
        .sort();
    const camunda = readSpecModel(testDocument('camunda').document);
    expect(camunda.operations.map((o) => o.operationId).sort()).toEqual(declared('camunda'));
    expect(declared('camunda')).toEqual(expect.arrayContaining(['createUser', 'deleteUser', 'searchUsers']));
    const del = camunda.operations.find((o) => o.operationId === 'deleteUser')!;
    expect(del.parameters).toEqual([expect.objectContaining({ name: 'userKey', in: 'path', required: true, schemaPointer: '#/components/parameters/UserKey/schema' })]);
    expect(isSecured(del)).toBe(true);
    expect(del.security[0]![0]!.scheme).toEqual({ kind: 'basic' });
    const unauthorized = responseFor(del, 401)!;
    expect(unauthorized.headers).toEqual([expect.objectContaining({ name: 'WWW-Authenticate', required: true })]);
    expect(unauthorized.content[0]!.schemaPointer).toBe('#/components/responses/Unauthorized/content/application~1problem+json/schema');
    const search = camunda.operations.find((o) => o.operationId === 'searchUsers')!;
    expect(search.body?.required).toBe(false);

    const onezone = readSpecModel(testDocument('onezone').document);
    expect(onezone.operations.map((o) => o.operationId).sort()).toEqual(declared('onezone'));
    expect(onezone.paths.get('/users/{id}')).toEqual(expect.arrayContaining(['get', 'delete']));
    const created = responseFor(onezone.operations.find((o) => o.operationId === 'create_user')!, 201)!;
    expect(created.headers[0]).toEqual(expect.objectContaining({ name: 'Location', required: true, schemaPointer: '#/components/headers/Location/schema' }));
  });

  it('reads links with their target operation, parameters and request body', () => {
    const fixture = readSpecModel(testDocument('fixture').document);
    const created = responseFor(fixture.operations.find((o) => o.operationId === 'createItem')!, 201)!;
    expect(created.links.map((l) => [l.name, l.operationId])).toEqual([
      ['getCreated', 'getItem'],
      ['deleteCreated', 'deleteItem'],
    ]);
  });

  it('falls back from an exact status to a range and to default', () => {
    const document = {
      paths: { '/x': { get: { operationId: 'x', responses: { '200': { description: '' }, '4XX': { description: '' }, default: { description: '' } } } } },
    };
    const [op] = readSpecModel(document).operations;
    expect(responseFor(op!, 200)?.status).toBe('200');
    expect(responseFor(op!, 418)?.status).toBe('4XX');
    expect(responseFor(op!, 503)?.status).toBe('default');
  });
});
