import { BoundedMemo } from '../../src/util/bounded-memo';

describe('BoundedMemo', () => {
  it('makes each value once and answers repeats from memory, a remembered null included', () => {
    const made: string[] = [];
    const memo = new BoundedMemo<string, string | null>(10);
    const make = (key: string) => {
      made.push(key);
      return key === 'blank' ? null : key.toUpperCase();
    };
    expect([memo.get('a', make), memo.get('blank', make), memo.get('a', make), memo.get('blank', make)]).toEqual(['A', null, 'A', null]);
    expect(made).toEqual(['a', 'blank']);
  });

  it('never holds more than its bound: a full memo is emptied and refills with what is asked next', () => {
    const memo = new BoundedMemo<number, number>(3);
    let calls = 0;
    const square = (n: number) => {
      calls += 1;
      return n * n;
    };
    for (const n of [1, 2, 3]) memo.get(n, square);
    expect(memo.size).toBe(3);
    expect(memo.get(4, square)).toBe(16);
    expect(memo.size).toBe(1);
    // 1 was dropped with the rest, so it is made again; 4 is still remembered.
    memo.get(4, square);
    expect(calls).toBe(4);
    memo.get(1, square);
    expect(calls).toBe(5);
    expect(memo.size).toBe(2);
  });
});
