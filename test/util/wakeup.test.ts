import { createWakeup } from '../../src/util/wakeup';

it('a ring reaches the worker once it answers; before that it is dropped', () => {
  const wakeup = createWakeup('outbox');
  const heard: number[] = [];
  wakeup.ring();
  wakeup.answer(() => heard.push(heard.length));
  wakeup.ring();
  wakeup.ring();
  expect(heard).toEqual([0, 1]);
});

it('takes one listener only', () => {
  const wakeup = createWakeup('outbox');
  wakeup.answer(() => {});
  expect(() => wakeup.answer(() => {})).toThrow('outbox wake-up already answered');
});
