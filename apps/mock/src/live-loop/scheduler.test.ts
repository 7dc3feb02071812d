import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createScheduler } from './scheduler.ts';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A run that takes `ms` (fake time) and counts its starts. */
function slowRun(ms: number) {
  const calls = { started: 0, finished: 0 };
  const run = async () => {
    calls.started += 1;
    await new Promise((resolve) => setTimeout(resolve, ms));
    calls.finished += 1;
  };
  return { run, calls };
}

describe('createScheduler', () => {
  it('turns a burst of saves into one run after the quiet period', async () => {
    const { run, calls } = slowRun(10);
    const scheduler = createScheduler(run, 200);
    scheduler.trigger();
    await vi.advanceTimersByTimeAsync(150);
    scheduler.trigger();
    await vi.advanceTimersByTimeAsync(150);
    scheduler.trigger();
    expect(calls.started).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(calls.started).toBe(1);
    await vi.advanceTimersByTimeAsync(10);
    await scheduler.idle();
    expect(calls).toEqual({ started: 1, finished: 1 });
  });

  it('never runs twice at once: saves during a run make exactly one more run after it', async () => {
    const { run, calls } = slowRun(1000);
    const scheduler = createScheduler(run, 100);
    scheduler.trigger();
    await vi.advanceTimersByTimeAsync(100);
    expect(calls.started).toBe(1);
    for (let i = 0; i < 3; i++) {
      scheduler.trigger();
      await vi.advanceTimersByTimeAsync(150);
    }
    expect(calls.started).toBe(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls.started).toBe(2);
    await vi.advanceTimersByTimeAsync(1000);
    expect(calls).toEqual({ started: 2, finished: 2 });
  });

  it('keeps going after a run that fails', async () => {
    let runs = 0;
    const scheduler = createScheduler(async () => {
      runs += 1;
      throw new Error('tsc crashed');
    }, 50);
    scheduler.trigger();
    await vi.advanceTimersByTimeAsync(50);
    scheduler.trigger();
    await vi.advanceTimersByTimeAsync(50);
    expect(runs).toBe(2);
  });

  it('drops what is pending when stopped', async () => {
    const { run, calls } = slowRun(10);
    const scheduler = createScheduler(run, 100);
    scheduler.trigger();
    scheduler.stop();
    scheduler.trigger();
    await vi.advanceTimersByTimeAsync(500);
    expect(calls.started).toBe(0);
    await expect(scheduler.idle()).resolves.toBeUndefined();
  });
});
