/**
 * A small OpenAPI 3.1 document for the package's own tests: every construct the generator and the
 * checks handle (patterns with Unicode classes, formats, int32, if/then, arrays, query and path
 * parameters, basic auth, a required response header, links with a regex runtime expression).
 */
export const fixtureSpec = {
  openapi: '3.1.0',
  info: { title: 'fixture', version: '1' },
  security: [{ basic: [] }],
  paths: {
    '/items': {
      get: {
        operationId: 'listItems',
        parameters: [{ name: 'limit', in: 'query', required: false, schema: { type: 'integer', format: 'int32', minimum: 1, maximum: 50 } }],
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemList' } } } },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Unauthorized' },
        },
      },
      post: {
        operationId: 'createItem',
        requestBody: { required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/ItemCreate' } } } },
        responses: {
          '201': {
            description: 'created',
            headers: { Location: { required: true, schema: { type: 'string', format: 'uri' } } },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } },
            links: {
              getCreated: { operationId: 'getItem', parameters: { id: '$response.header.Location#regex:/items/([^/?#]+)$' } },
              deleteCreated: { operationId: 'deleteItem', parameters: { 'path.id': '$response.body#/id' } },
            },
          },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '415': { $ref: '#/components/responses/Problem' },
        },
      },
    },
    '/items/{id}': {
      parameters: [{ $ref: '#/components/parameters/ItemId' }],
      get: {
        operationId: 'getItem',
        responses: {
          '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Item' } } } },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/Problem' },
        },
      },
      delete: {
        operationId: 'deleteItem',
        responses: {
          '204': { description: 'deleted' },
          '400': { $ref: '#/components/responses/Problem' },
          '401': { $ref: '#/components/responses/Unauthorized' },
          '404': { $ref: '#/components/responses/Problem' },
        },
      },
    },
  },
  components: {
    securitySchemes: { basic: { type: 'http', scheme: 'basic' } },
    parameters: { ItemId: { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z0-9]{1,12}$' } } },
    responses: {
      Problem: { description: 'problem', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } },
      Unauthorized: {
        description: 'unauthorised',
        headers: { 'WWW-Authenticate': { required: true, schema: { type: 'string' } } },
        content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
    schemas: {
      ItemCreate: {
        type: 'object',
        additionalProperties: false,
        required: ['name'],
        properties: {
          name: { type: 'string', minLength: 1, maxLength: 12, pattern: '^[\\p{L}][\\p{L}\\p{N} ]*$' },
          count: { type: 'integer', format: 'int32', minimum: 0, maximum: 1000 },
          price: { type: 'number', exclusiveMinimum: 0, maximum: 100 },
          kind: { type: 'string', enum: ['book', 'tool'] },
          email: { type: 'string', format: 'email', maxLength: 60 },
          tags: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 8 }, maxItems: 3, uniqueItems: true },
          gift: { type: 'boolean' },
          note: { type: 'string', maxLength: 40 },
        },
        if: { required: ['gift'], properties: { gift: { const: true } } },
        then: { required: ['note'] },
      },
      Item: {
        type: 'object',
        required: ['id', 'name'],
        properties: { id: { type: 'string' }, name: { type: 'string' }, count: { type: 'integer' } },
      },
      ItemList: { type: 'object', required: ['items'], properties: { items: { type: 'array', items: { $ref: '#/components/schemas/Item' } } } },
      Problem: { type: 'object', required: ['title'], properties: { title: { type: 'string' }, status: { type: 'integer' } } },
    },
  },
} as const;
