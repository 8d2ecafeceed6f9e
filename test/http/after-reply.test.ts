/** Work after the answer: `settled` waits for all of it, work started meanwhile included; a failure is logged only. */
import { createAfterReply } from '../../src/http/after-reply';
import { silentLogger } from '../../src/util/logger';

it('settles once every piece of work has finished, including work started while waiting; a failure is logged', async () => {
  const logged: string[] = [];
  const error = (_fields: unknown, message: string) => void logged.push(message);
  const logger = { ...silentLogger, error } as unknown as typeof silentLogger;
  const afterReply = createAfterReply(logger);
  const done: string[] = [];
  let releaseFirst!: () => void;
  afterReply.run(() => new Promise<void>((resolve) => (releaseFirst = resolve)).then(() => void done.push('first')));
  afterReply.run(async () => {
    afterReply.run(async () => void done.push('started by the second'));
    throw new Error('link failed');
  });
  const settled = afterReply.settled().then(() => done.push('settled'));
  await new Promise((resolve) => setImmediate(resolve));
  expect(done).toEqual(['started by the second']);
  releaseFirst();
  await settled;
  expect(done).toEqual(['started by the second', 'first', 'settled']);
  expect(logged).toEqual(['work after the reply failed']);
});
