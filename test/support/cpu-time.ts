/**
 * How long synchronous work takes, in this process's CPU time rather than on the wall clock. The linear-time
 * tests bound a scan of hostile text; on a 2-core machine shared by two suites and other work, the wall clock also
 * counts the time the process waited for a core, which can be many times the work itself. CPU time counts only
 * the work (user + system, every thread of the process, so a garbage collection it caused is included), so a
 * quadratic scan still blows the bound and a slow, busy machine does not.
 */
export function cpuMs(run: () => unknown): number {
  const before = process.cpuUsage();
  run();
  const { user, system } = process.cpuUsage(before);
  return (user + system) / 1000;
}

/**
 * The least CPU time of `times` runs (`run(i)`: the run's index, for work memoised by its input). A collection of
 * the worker's heap, after hundreds of test files, can land in one run and cost a second of CPU on its own; the
 * least of three is the scan's own cost, and a quadratic scan blows the bound in every run.
 */
export function leastCpuMs(run: (i: number) => unknown, times = 3): number {
  return Math.min(...Array.from({ length: times }, (_, i) => cpuMs(() => run(i))));
}
