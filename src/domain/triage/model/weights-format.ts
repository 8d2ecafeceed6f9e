/**
 * The shipped model's on-disk shape: one row of five weights per feature name, stored as integers (weight × SCALE)
 * in one flat array so the JSON stays compact and the type checker reads it as plain string[] / number[].
 */
import { z } from 'zod';
import type { TriageOutcome } from '../types';

export const WEIGHT_SCALE = 100;

export const MODEL_OUTCOMES: readonly TriageOutcome[] = [
  'stay_in_chat',
  'billing_legal',
  'technical_bugs',
  'account_risk',
  'vip_high_tier',
];

export const weightsFileSchema = z
  .object({
    version: z.literal(1),
    /** Whether the rule engine's signal ids were features when it was trained. */
    usesSignals: z.boolean(),
    outcomes: z.array(z.string()).length(MODEL_OUTCOMES.length),
    bias: z.array(z.number().int()).length(MODEL_OUTCOMES.length),
    // The two long arrays (~30,000 names, five times as many weights) are checked by a plain loop: zod checks each
    // element through its generic machinery, which cost each start (and each jest test file) about a third of a second.
    names: z.custom<string[]>(
      isArrayOf((name) => typeof name === 'string'),
      'names: an array of strings',
    ),
    weights: z.custom<number[]>(isArrayOf(Number.isInteger), 'weights: an array of integers'),
  })
  .refine((file) => file.weights.length === file.names.length * MODEL_OUTCOMES.length, 'one row of weights per name')
  .refine((file) => file.outcomes.every((o, i) => o === MODEL_OUTCOMES[i]), 'outcomes in the model order');

function isArrayOf(isItem: (item: unknown) => boolean): (value: unknown) => boolean {
  return (value) => {
    if (!Array.isArray(value)) return false;
    for (const item of value) if (!isItem(item)) return false;
    return true;
  };
}

export type WeightsFile = z.infer<typeof weightsFileSchema>;

/** A loaded model: feature name → five weights, plus the bias. */
export interface LinearModel {
  usesSignals: boolean;
  bias: readonly number[];
  rows: ReadonlyMap<string, readonly number[]>;
}

export function modelFromFile(file: WeightsFile): LinearModel {
  const parsed = weightsFileSchema.parse(file);
  const k = MODEL_OUTCOMES.length;
  const rows = new Map<string, number[]>();
  parsed.names.forEach((name, i) => {
    rows.set(
      name,
      parsed.weights.slice(i * k, i * k + k).map((w) => w / WEIGHT_SCALE),
    );
  });
  return { usesSignals: parsed.usesSignals, bias: parsed.bias.map((b) => b / WEIGHT_SCALE), rows };
}

export function fileFromModel(model: LinearModel): WeightsFile {
  const names = [...model.rows.keys()].sort();
  const weights = names.flatMap((name) => model.rows.get(name)!.map((w) => Math.round(w * WEIGHT_SCALE)));
  return {
    version: 1,
    usesSignals: model.usesSignals,
    outcomes: [...MODEL_OUTCOMES],
    bias: model.bias.map((b) => Math.round(b * WEIGHT_SCALE)),
    names,
    weights,
  };
}
