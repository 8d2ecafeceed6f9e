import { FifoLock } from '../../src/util/fifo-lock';

describe('FifoLock', () => {
  it('is taken at once when free and freed by the last release', async () => {
    const lock = new FifoLock();
    await lock.acquire();
    expect(lock.waiting).toBe(0);
    lock.release();
    let taken = false;
    void lock.acquire().then(() => {
      taken = true;
    });
    await Promise.resolve();
    expect(taken).toBe(true);
  });

  it('hands the lock to waiters one at a time, in the order they asked', async () => {
    const lock = new FifoLock();
    await lock.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3, 4].map((n) => lock.acquire().then(() => order.push(n)));
    expect(lock.waiting).toBe(4);
    for (let released = 1; released <= 4; released += 1) {
      lock.release();
      await new Promise((resolve) => setImmediate(resolve));
      // Each release resumes exactly one waiter; the others keep waiting.
      expect(order).toEqual([1, 2, 3, 4].slice(0, released));
      expect(lock.waiting).toBe(4 - released);
    }
    await Promise.all(waiters);
    lock.release();
    await lock.acquire();
  });

  it('keeps the order over a queue long enough to be compacted', async () => {
    const lock = new FifoLock();
    await lock.acquire();
    const order: number[] = [];
    const count = 3000;
    const done = Array.from({ length: count }, (_, n) =>
      lock.acquire().then(() => {
        order.push(n);
        // Someone arriving while the queue drains goes to its end.
        if (n === 10) void lock.acquire().then(() => order.push(count));
        lock.release();
      }),
    );
    lock.release();
    await Promise.all(done);
    await new Promise((resolve) => setImmediate(resolve));
    expect(order).toEqual(Array.from({ length: count + 1 }, (_, n) => n));
    expect(lock.waiting).toBe(0);
  });
});
