import { describe, expect, it } from 'vitest';
import { authJson, basicAuth, fixtureApp, problemOf } from '../test/fixture-app.ts';

const valid = { username: 'alice', password: 'password-1' };

function setup(bodyLimit?: number) {
  const { api } = fixtureApp(bodyLimit === undefined ? {} : { bodyLimit });
  const bodies: unknown[] = [];
  api.handle('post', '/users', async (req, c) => {
    bodies.push(req.body);
    // The body was read once by the runtime; the handler can still ask Hono for it.
    bodies.push(await c.req.json());
    return { status: 202, body: { userKey: 1 } };
  });
  api.handle('post', '/users/search', (req) => {
    bodies.push(req.body);
    return { status: 200, body: { items: [] } };
  });
  api.handle('put', '/notes', (req) => {
    bodies.push(req.body);
    return { status: 204 };
  });
  return { api, bodies };
}

const post = (body: string | null, headers: Record<string, string> = authJson) =>
  ({ method: 'POST', headers, body }) as const;

describe('request bodies', () => {
  it('passes the parsed, validated body to the handler', async () => {
    const { api, bodies } = setup();
    const res = await api.app.request('/api/v1/users', post(JSON.stringify(valid)));
    expect(res.status).toBe(202);
    expect(bodies).toEqual([valid, valid]);
  });

  it('accepts a JSON media type with parameters', async () => {
    const { api } = setup();
    const headers = { ...authJson, 'content-type': 'Application/JSON; charset=utf-8' };
    expect((await api.app.request('/api/v1/users', post(JSON.stringify(valid), headers))).status).toBe(202);
  });

  it('answers 415 for a media type the operation does not take, before reading', async () => {
    const { api, bodies } = setup();
    const res = await api.app.request('/api/v1/users', post('username=alice', { ...authJson, 'content-type': 'application/x-www-form-urlencoded' }));
    expect(res.status).toBe(415);
    expect(await problemOf(res)).toMatchObject({ title: 'Unsupported Media Type' });
    expect(bodies).toEqual([]);
  });

  it('answers 415 for a body without Content-Type', async () => {
    const { api } = setup();
    const res = await api.app.request('/api/v1/users', post(JSON.stringify(valid), { authorization: basicAuth() }));
    expect(res.status).toBe(415);
  });

  it('answers malformedJson for a body that is not JSON, without quoting it', async () => {
    const { api } = setup();
    const res = await api.app.request('/api/v1/users', post('{"username":"alice","password":"pa55word-secret"'));
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ title: 'Bad Request' });
    expect(text).not.toContain('pa55word-secret');
  });

  it('refuses a missing required body', async () => {
    const { api } = setup();
    const res = await api.app.request('/api/v1/users', post(null));
    expect(res.status).toBe(400);
    expect(await problemOf(res)).toMatchObject({ detail: 'Required request body is missing.' });
  });

  it('passes undefined for an absent optional body', async () => {
    const { api, bodies } = setup();
    const res = await api.app.request('/api/v1/users/search', post(null));
    expect(res.status).toBe(200);
    expect(bodies).toEqual([undefined]);
  });

  it('names every invalid field of the body', async () => {
    const { api } = setup();
    const res = await api.app.request('/api/v1/users', post(JSON.stringify({ username: 'a', email: 'nope', role: 'x' })));
    expect(res.status).toBe(400);
    const { detail } = await problemOf(res);
    for (const field of ['password', 'username', 'email', 'role']) expect(detail).toContain(field);
  });

  it('validates with Unicode-aware patterns', async () => {
    const { api } = setup();
    const ok = await api.app.request('/api/v1/users', post(JSON.stringify({ ...valid, name: 'Zoë Ångström' })));
    expect(ok.status).toBe(202);
    const bad = await api.app.request('/api/v1/users', post(JSON.stringify({ ...valid, name: 'R2D2' })));
    expect(bad.status).toBe(400);
  });

  it('refuses by Content-Length before reading (413)', async () => {
    const { api } = setup(64);
    const body = JSON.stringify({ ...valid, name: 'x'.repeat(100) });
    const res = await api.app.request('/api/v1/users', post(body, { ...authJson, 'content-length': String(body.length) }));
    expect(res.status).toBe(413);
    expect(await problemOf(res)).toMatchObject({ status: 413, detail: 'The request body exceeds 64 bytes.' });
  });

  it('refuses by the bytes actually read when no Content-Length is sent (413)', async () => {
    const { api } = setup(64);
    const chunks = [JSON.stringify(valid).slice(0, 20), 'x'.repeat(100)];
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) controller.enqueue(new TextEncoder().encode(chunk));
        controller.close();
      },
    });
    const res = await api.app.request('/api/v1/users', { method: 'POST', headers: authJson, body: stream, duplex: 'half' } as RequestInit);
    expect(res.status).toBe(413);
  });

  it('counts bytes, not characters, against the limit', async () => {
    const { api } = setup(40);
    // 30 characters, 60 bytes.
    const res = await api.app.request('/api/v1/users', post(JSON.stringify({ username: 'ü'.repeat(30) })));
    expect(res.status).toBe(413);
  });

  it('passes a text/plain body through as a string', async () => {
    const { api, bodies } = setup();
    const res = await api.app.request('/api/v1/notes', { method: 'PUT', headers: { ...authJson, 'content-type': 'text/plain' }, body: 'hello' });
    expect(res.status).toBe(204);
    expect(bodies).toEqual(['hello']);
  });

  describe('encoding (JSON is UTF-8, RFC 8259)', () => {
    // "é" in Latin-1: one byte that is not UTF-8, in a password (which U+FFFD would satisfy).
    const latin1 = new Uint8Array([...new TextEncoder().encode('{"username":"alice","password":"pass'), 0xe9, ...new TextEncoder().encode('word-1"}')]);

    it('refuses a body that is not UTF-8 with 400, not a U+FFFD-replaced 202', async () => {
      const { api, bodies } = setup();
      const res = await api.app.request('/api/v1/users', { method: 'POST', headers: { ...authJson, 'content-length': String(latin1.byteLength) }, body: latin1 });
      expect(res.status).toBe(400);
      expect(await problemOf(res)).toMatchObject({ title: 'Bad Request' });
      expect(bodies).toEqual([]);
    });

    it('refuses it when it arrives chunked too, a multi-byte character split across chunks still passing', async () => {
      const chunked = (chunks: Uint8Array[]) =>
        new ReadableStream<Uint8Array>({
          start(controller) {
            for (const chunk of chunks) controller.enqueue(chunk);
            controller.close();
          },
        });
      const { api } = setup();
      const bad = await api.app.request('/api/v1/users', { method: 'POST', headers: authJson, body: chunked([latin1]), duplex: 'half' } as RequestInit);
      expect(bad.status).toBe(400);
      const utf8 = new TextEncoder().encode(JSON.stringify({ ...valid, name: 'Zoë' }));
      const split = utf8.indexOf(0xc3) + 1;
      const good = await api.app.request('/api/v1/users', {
        method: 'POST',
        headers: authJson,
        body: chunked([utf8.slice(0, split), utf8.slice(split)]),
        duplex: 'half',
      } as RequestInit);
      expect(good.status).toBe(202);
    });

    it.each(['latin1', 'ISO-8859-1', 'utf-16', '"utf8"'])('answers 415 to a JSON body declared as charset=%s, before reading', async (charset) => {
      const { api, bodies } = setup();
      const res = await api.app.request('/api/v1/users', post(JSON.stringify(valid), { ...authJson, 'content-type': `application/json; charset=${charset}` }));
      expect(res.status).toBe(415);
      expect(bodies).toEqual([]);
    });

    it.each(['utf-8', 'UTF-8', '"UTF-8"'])('accepts charset=%s', async (charset) => {
      const { api } = setup();
      const res = await api.app.request('/api/v1/users', post(JSON.stringify(valid), { ...authJson, 'content-type': `application/json;charset=${charset}` }));
      expect(res.status).toBe(202);
    });

    it('answers a 5,000-deep array with 400, with or without a NUL at the bottom', async () => {
      const { api } = setup();
      for (const leaf of ['1', '"\\u0000"']) {
        const body = `{"username":${'['.repeat(5000)}${leaf}${']'.repeat(5000)},"password":"password-1"}`;
        const res = await api.app.request('/api/v1/users', post(body));
        expect(res.status).toBe(400);
      }
    });
  });
});
