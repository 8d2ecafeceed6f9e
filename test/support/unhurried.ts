/**
 * The escalation's budgets for Intercom's reads and the inline ticket create are wall-clock time (2.5 s in
 * production). Against the fake Intercom on a loaded 2-core CI machine a healthy answer can take longer while the
 * process waits for a core, and a test would see "Intercom is not answering" or a queued ticket for no fault of the
 * code. Tests of slow answers set short budgets of their own; every other app a test builds gets these, which only
 * a hang exceeds. Its own module so the crash tests' child process can use them without loading the harness.
 */
export const UNHURRIED_BUDGETS = Object.freeze({ readMs: 60_000, createMs: 60_000 });

/**
 * The PostgreSQL pool's wait for a connection (3 s in production) is wall-clock time too. A test that sends dozens
 * of requests at once to a pool of 10 (the races) queues them, and on a loaded machine the queue outlasted 3 s:
 * 20 of 50 agents saw "Handoff cannot reach its data store" while the database was fine. Tests about an outage set
 * their own short limit.
 */
export const UNHURRIED_PG_LIMITS = Object.freeze({ connectMs: 60_000 });
