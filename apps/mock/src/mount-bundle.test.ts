import { describe, expect, it } from 'vitest';
import { mountAtServerPath, serverBasePath } from './mount-bundle.ts';

describe('serverBasePath', () => {
  it.each([
    ['http://localhost:8080/v2', '/v2'],
    ['http://localhost:8081/api/v3/onezone/', '/api/v3/onezone'],
    ['https://example.com', ''],
    ['/v2', '/v2'],
    ['/', ''],
  ])('is %j for %s', (url, path) => {
    expect(serverBasePath({ servers: [{ url }] })).toBe(path);
  });

  it('fills in server variables with their defaults', () => {
    expect(serverBasePath({ servers: [{ url: '{scheme}://host/{base}', variables: { scheme: { default: 'https' }, base: { default: 'v2' } } }] })).toBe('/v2');
  });

  it('is empty without servers', () => {
    expect(serverBasePath({})).toBe('');
  });
});

describe('mountAtServerPath', () => {
  const spec = {
    openapi: '3.1.0',
    servers: [{ url: 'http://localhost:8080/v2' }],
    paths: { '/users': { post: {} }, '/users/{userKey}': { delete: {} } },
  };

  it('moves the base path into the path keys', () => {
    expect(Object.keys(mountAtServerPath(spec).paths ?? {})).toEqual(['/v2/users', '/v2/users/{userKey}']);
  });

  it('leaves one root server, so the copy means what Prism serves', () => {
    expect(mountAtServerPath(spec).servers?.map((server) => server.url)).toEqual(['/']);
  });

  it('keeps everything else and does not change its input', () => {
    const mounted = mountAtServerPath(spec);
    expect(mounted.openapi).toBe('3.1.0');
    expect(mounted.paths?.['/v2/users']).toBe(spec.paths['/users']);
    expect(Object.keys(spec.paths)).toEqual(['/users', '/users/{userKey}']);
  });
});
