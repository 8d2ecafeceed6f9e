/**
 * The one console line each part prints at the end of its run: inputs tried, faults injected, what was lost and
 * what was duplicated (both must be 0), plus whatever else that part measured. The README's Reliability section
 * quotes these lines. Each line is also appended to RELIABILITY_FIGURES (when set) as JSON, so a soak run can
 * collect them in one file.
 */
import { appendFileSync } from 'node:fs';
import { SOAK } from './budget';

/** `lost` and `duplicated` stay "n/a" in a part that cannot lose or double anything (e.g. read-only fuzzing). */
export interface Figures {
  inputs: number;
  faults: number;
  lost: number | 'n/a';
  duplicated: number | 'n/a';
  [extra: string]: number | string;
}

export class FigureSheet {
  private readonly values: Figures = { inputs: 0, faults: 0, lost: 'n/a', duplicated: 'n/a' };
  private readonly started = Date.now();

  constructor(private readonly part: string) {}

  add(name: keyof Figures | string, amount = 1): void {
    const current = this.values[name];
    this.values[name] = (typeof current === 'number' ? current : 0) + amount;
  }

  set(name: string, value: number | string): void {
    this.values[name] = value;
  }

  get(name: string): number {
    const value = this.values[name];
    return typeof value === 'number' ? value : 0;
  }

  /** The raw values, e.g. for a fuzz shard in another process to hand back. */
  snapshot(): Figures {
    return { ...this.values };
  }

  /** Adds another sheet's numbers to this one (strings, such as a seed, are kept from this sheet). */
  merge(other: Figures): void {
    for (const [name, value] of Object.entries(other)) if (typeof value === 'number') this.add(name, value);
  }

  /** Prints the line; call from `afterAll`. */
  print(): void {
    const seconds = ((Date.now() - this.started) / 1000).toFixed(1);
    const { inputs, faults, lost, duplicated, ...extra } = this.values;
    const rest = Object.entries(extra).map(([key, value]) => `${key} ${value}`);
    const line = [`inputs ${inputs}`, `faults ${faults}`, `lost ${lost}`, `duplicated ${duplicated}`, ...rest, `${seconds} s`].join(', ');
    console.log(`reliability${SOAK ? ' (soak)' : ''} › ${this.part}: ${line}`);
    const sink = process.env.RELIABILITY_FIGURES;
    if (sink) appendFileSync(sink, `${JSON.stringify({ part: this.part, soak: SOAK, seconds: Number(seconds), ...this.values })}\n`);
  }
}
