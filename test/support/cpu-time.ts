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
