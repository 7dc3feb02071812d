import { describe, expect, it } from 'vitest';
import { errorMessage } from './error-message.ts';

describe('errorMessage', () => {
  it('gives the description followed by the id', () => {
    const error = {
      error: {
        id: 'badValueIdentifierOccupied',
        description: 'Bad value: provided identifier ("username") is already occupied.',
        details: { key: 'username' },
      },
    };
    expect(errorMessage(error)).toBe(
      'Bad value: provided identifier ("username") is already occupied. (badValueIdentifierOccupied)',
    );
  });

  it('gives the id when there is no description', () => {
    expect(errorMessage({ error: { id: 'forbidden' } } as never)).toBe('forbidden');
  });

  it('gives the detail of a problem body, as the mock sends for an unknown scenario', () => {
    const problem = { title: 'The server cannot find the requested content', detail: 'Response for … exampleKey: bogus does not exist.' };
    expect(errorMessage(problem as never, { status: 404, statusText: 'Not Found' })).toBe(problem.detail);
  });

  it('falls back to the status text for a body it does not know', () => {
    expect(errorMessage('<html>' as never, { status: 404, statusText: 'Not Found' })).toBe('Not Found');
  });

  it('falls back to the status when there is no status text', () => {
    expect(errorMessage(undefined, { status: 502, statusText: '' })).toBe('HTTP 502');
  });

  it('says so when it knows nothing', () => {
    expect(errorMessage(undefined)).toBe('Unknown error');
  });
});
