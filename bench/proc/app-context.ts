/** What the app child's command modules work with; tests build one in-process around the app harness. */
import type { Database } from '../../src/store';
import type { Clock } from '../../src/util/clock';
import type { Application } from '../../src/wiring';

export interface AppContext {
  application: Application;
  /** The app's own database handle, for the few counts the commands read directly. */
  database: Database;
  clock: Clock;
}
