import { describe, expect, it } from 'vitest';
import { evaluateExpression, ExpressionError, resolveLinkValue, type ExpressionContext } from './runtime-expression.ts';

const ctx: ExpressionContext = {
  url: 'http://h/api/users',
  method: 'POST',
  request: { path: { id: 'p1' }, query: { limit: 5 }, header: { 'X-Trace': 't-1' }, body: { username: 'zoë', nested: { list: [10, 20] } } },
  response: {
    status: 201,
    headers: { location: 'https://h/api/v3/onezone/users/ab12?x=1', 'x-count': '3' },
    text: JSON.stringify({ userKey: 2251799813685249, items: [{ key: 'k/1' }] }),
  },
};

describe('evaluateExpression', () => {
  it.each([
    ['$request.body#/username', 'zoë'],
    ['$request.body#/nested/list/1', 20],
    ['$request.path.id', 'p1'],
    ['$request.query.limit', 5],
    ['$request.header.x-trace', 't-1'],
    ['$response.body#/userKey', 2251799813685249],
    ['$response.body#/items/0/key', 'k/1'],
    ['$response.header.Location', 'https://h/api/v3/onezone/users/ab12?x=1'],
    ['$response.header.Location#regex:/users/([^/?#]+)', 'ab12'],
    ['$statusCode', 201],
    ['$method', 'POST'],
    ['$url', 'http://h/api/users'],
  ])('%s → %j', (expression, expected) => {
    expect(evaluateExpression(expression, ctx)).toEqual(expected);
  });

  it.each(['$response.header.Missing', '$response.body#/nope', '$request.path.nope', '$response.header.Location#regex:/groups/([^/]+)', '$whatever'])(
    'refuses %s with a reason',
    (expression) => {
      expect(() => evaluateExpression(expression, ctx)).toThrow(ExpressionError);
    },
  );
});

describe('resolveLinkValue', () => {
  it('resolves expressions anywhere in an object, whole or embedded, and reports what it used', () => {
    const seen: unknown[] = [];
    const value = resolveLinkValue(
      { filter: { username: '$request.body#/username' }, page: { limit: 1 }, note: 'user {$response.body#/userKey} of {$request.path.id}', list: ['$statusCode'] },
      ctx,
      seen,
    );
    expect(value).toEqual({ filter: { username: 'zoë' }, page: { limit: 1 }, note: 'user 2251799813685249 of p1', list: [201] });
    expect(seen).toEqual(['zoë', 2251799813685249, 'p1', 201]);
  });
});
