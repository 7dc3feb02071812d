import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { clientAddress, UNKNOWN_ADDRESS } from './client-address.ts';

function context(remoteAddress: string | undefined, forwardedFor?: string): Context {
  return {
    env: remoteAddress === undefined ? undefined : { incoming: { socket: { remoteAddress } } },
    req: { header: (name: string) => (name === 'x-forwarded-for' ? forwardedFor : undefined) },
  } as unknown as Context;
}

describe('clientAddress', () => {
  it('is the socket peer by default, ignoring X-Forwarded-For', () => {
    expect(clientAddress(context('127.0.0.2', '10.0.0.9'))).toBe('127.0.0.2');
  });

  it('is unknown without a socket', () => {
    expect(clientAddress(context(undefined))).toBe(UNKNOWN_ADDRESS);
  });

  it('takes the entry the trusted proxies appended, never one the client wrote', () => {
    // The client claims 6.6.6.6; the one trusted proxy saw 203.0.113.7.
    expect(clientAddress(context('10.0.0.2', '6.6.6.6, 203.0.113.7'), 1)).toBe('203.0.113.7');
    expect(clientAddress(context('10.0.0.3', '6.6.6.6, 203.0.113.7, 10.0.0.2'), 2)).toBe('203.0.113.7');
  });

  it('falls back to the peer when the header is missing, too short or not an address', () => {
    expect(clientAddress(context('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddress(context('10.0.0.2', '203.0.113.7'), 2)).toBe('10.0.0.2');
    expect(clientAddress(context('10.0.0.2', 'not-an-ip'), 1)).toBe('10.0.0.2');
  });
});
