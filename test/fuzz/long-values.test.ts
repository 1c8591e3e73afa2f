import { QdrantConfigError } from '../../src';
import { LONG_SHAPES, VALIDATORS } from './long-values';

// Every validator fed 100,000- and 1,000,000-character values: it ends in success or in
// the library error, whose message stays under 10 kB. How long each takes is measured by
// `npm run bench` (bench/long-values.bench.ts), not asserted here.

const MAX_MESSAGE = 10_000;

function outcome(run: (value: string) => unknown, value: string): string {
  try {
    run(value);
    return 'accepted';
  } catch (e) {
    if (!(e instanceof QdrantConfigError)) throw new Error(`not the library error: ${(e as Error)?.stack ?? String(e)}`, { cause: e });
    if (e.message.length > MAX_MESSAGE) throw new Error(`a message of ${e.message.length} characters: ${e.message.slice(0, 300)}`, { cause: e });
    return 'refused';
  }
}

describe.each(VALIDATORS)('%s', (_name, run) => {
  test.each(Object.entries(LONG_SHAPES))('GIVEN 100,000 characters of %s THEN success or a short library error', (_shape, make) => {
    expect(['accepted', 'refused']).toContain(outcome(run, make(100_000)));
  });

  test('GIVEN 1,000,000 characters THEN success or a short library error', () => {
    // The shape that costs the detectors most (bench/validators.ts measures them all).
    expect(['accepted', 'refused']).toContain(outcome(run, LONG_SHAPES['token prefixes'](1_000_000)));
  });
});
