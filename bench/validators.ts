import { performance } from 'perf_hooks';
import { LONG_SHAPES, VALIDATORS } from '../test/fuzz/long-values';

/** The slowest validator on one length: its name, the shape of the value and the seconds it took. */
export interface SlowestValidator { readonly length: number; readonly validator: string; readonly shape: string; readonly seconds: number }

/**
 * Runs every validator (test/fuzz/long-values.ts) on every long shape of `length`
 * characters, each once (a construct is built per call), and returns the slowest.
 * Refusals count like successes: the time to the answer is what is measured.
 */
export function slowestValidator(length: number): SlowestValidator {
  let slowest: SlowestValidator = { length, validator: '', shape: '', seconds: -1 };
  for (const [validator, run] of VALIDATORS) {
    for (const [shape, make] of Object.entries(LONG_SHAPES)) {
      const value = make(length);
      const start = performance.now();
      try {
        run(value);
      } catch {
        // A refusal is an answer too.
      }
      const seconds = (performance.now() - start) / 1000;
      if (seconds > slowest.seconds) slowest = { length, validator, shape, seconds };
    }
  }
  return slowest;
}
