/** A small bundled spec and HAR entries for the coverage tests. */

export const PETS_SPEC = {
  openapi: '3.1.0',
  info: { title: 'Pets', version: '1' },
  servers: [{ url: 'https://pets.example.invalid/api' }],
  paths: {
    '/pets': {
      post: {
        operationId: 'createPet',
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
        responses: { '201': { description: 'created' }, '400': { $ref: '#/components/responses/Problem' }, '500': { $ref: '#/components/responses/Problem' } },
      },
    },
    '/pets/{id}': {
      get: {
        operationId: 'getPet',
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': { description: 'a pet', content: { 'application/json': { schema: { type: 'object' } } } }, '404': { $ref: '#/components/responses/Problem' } },
      },
    },
  },
  components: { responses: { Problem: { description: 'a problem', content: { 'application/json': { schema: { type: 'object' } } } } } },
};

/** One HAR 1.2 entry. */
export function harEntry(method: string, url: string, status: number, body = '', requestBody?: string) {
  const json = (text: string) => ({ mimeType: 'application/json', text });
  return {
    startedDateTime: '2026-01-01T00:00:00.000Z',
    time: 1,
    request: {
      method,
      url,
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: requestBody === undefined ? [] : [{ name: 'content-type', value: 'application/json' }],
      queryString: [],
      headersSize: -1,
      bodySize: requestBody?.length ?? 0,
      ...(requestBody === undefined ? {} : { postData: json(requestBody) }),
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'HTTP/1.1',
      cookies: [],
      headers: body === '' ? [] : [{ name: 'content-type', value: 'application/json' }],
      content: { size: body.length, ...json(body) },
      redirectURL: '',
      headersSize: -1,
      bodySize: body.length,
    },
    cache: {},
    timings: { send: 0, wait: 1, receive: 0 },
  };
}

/** A HAR 1.2 document of `entries`. */
export function har(entries: unknown[]): string {
  return JSON.stringify({ log: { version: '1.2', creator: { name: 'coverage-test', version: '1' }, entries } });
}
