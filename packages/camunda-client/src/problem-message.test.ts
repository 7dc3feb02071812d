import { describe, expect, it } from 'vitest';
import { problemMessage } from './problem-message.ts';

describe('problemMessage', () => {
  it('prefers the detail', () => {
    expect(problemMessage({ title: 'ALREADY_EXISTS', status: 409, detail: 'Username taken.' })).toBe('Username taken.');
  });

  it('falls back to the title', () => {
    expect(problemMessage({ title: 'FORBIDDEN', status: 403 })).toBe('FORBIDDEN');
  });

  it('falls back to the status text of the response', () => {
    expect(problemMessage({}, { status: 503, statusText: 'Service Unavailable' })).toBe('Service Unavailable');
  });

  it('falls back to the status when there is no status text', () => {
    expect(problemMessage({ status: 500 }, { status: 500, statusText: '' })).toBe('HTTP 500');
  });

  it('copes with a body that is not a problem', () => {
    expect(problemMessage(undefined)).toBe('Unknown error');
    expect(problemMessage('<html>' as never, { status: 502, statusText: 'Bad Gateway' })).toBe('Bad Gateway');
  });
});
