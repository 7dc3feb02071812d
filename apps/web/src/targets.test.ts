import { describe, expect, it } from 'vitest';
import { baseUrlFor, honoursPrefer } from './targets.ts';

describe('baseUrlFor', () => {
  it('defaults to the local mock and server ports with the real base paths', () => {
    expect(baseUrlFor('camunda', 'mock', '')).toBe('http://127.0.0.1:4010/v2');
    expect(baseUrlFor('camunda', 'server', '')).toBe('http://localhost:8080/v2');
    expect(baseUrlFor('onezone', 'mock', '')).toBe('http://127.0.0.1:4011/api/v3/onezone');
    expect(baseUrlFor('onezone', 'server', '')).toBe('http://localhost:8081/api/v3/onezone');
  });

  it('defaults to the stateful mock beside Prism (npm run mock:stateful)', () => {
    expect(baseUrlFor('camunda', 'stateful', '')).toBe('http://127.0.0.1:4020/v2');
    expect(baseUrlFor('onezone', 'stateful', '')).toBe('http://127.0.0.1:4021/api/v3/onezone');
    expect(baseUrlFor('camunda', 'stateful', '?camundaStateful=http://127.0.0.1:5020/v2')).toBe('http://127.0.0.1:5020/v2');
  });

  it('takes an override from the query string', () => {
    expect(baseUrlFor('onezone', 'mock', '?onezoneMock=http://127.0.0.1:5011/api/v3/onezone')).toBe(
      'http://127.0.0.1:5011/api/v3/onezone',
    );
  });
});

describe('honoursPrefer', () => {
  it('sends scenarios to both mocks, never to a real server', () => {
    expect([honoursPrefer('mock'), honoursPrefer('stateful'), honoursPrefer('server')]).toEqual([true, true, false]);
  });
});
