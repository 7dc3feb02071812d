import { describe, expect, it } from 'vitest';
import { camundaSpec } from '@repo/specs/camunda';
import { basicCredentials, createUserBodySchema, createUserExample } from './validated-post.ts';

describe("createUser's body schema for Fastify", () => {
  it('is the bundle’s UserRequest schema, with no $ref left', () => {
    const schema = createUserBodySchema();
    const components = camundaSpec['components'] as { schemas: Record<string, unknown> };
    expect(schema).toEqual(components.schemas['UserRequest']);
    expect(JSON.stringify(schema)).not.toContain('$ref');
  });

  it('comes with the spec’s complete example as the body', () => {
    expect(Object.keys(createUserExample()).sort()).toEqual(['email', 'name', 'password', 'username']);
  });
});

describe('basicCredentials', () => {
  it('decodes a Basic header, the password may hold colons', () => {
    const header = `Basic ${Buffer.from('admin:pa:ss').toString('base64')}`;
    expect(basicCredentials(header)).toEqual({ username: 'admin', password: 'pa:ss' });
  });

  it('refuses a missing, non-Basic or colon-less header', () => {
    expect(basicCredentials(undefined)).toBeUndefined();
    expect(basicCredentials('Bearer abc')).toBeUndefined();
    expect(basicCredentials(`Basic ${Buffer.from('admin').toString('base64')}`)).toBeUndefined();
  });
});
