import { QdrantApp, QdrantConfigError } from '../src';
import { CREDENTIALS, Placement, SETTINGS } from './fixtures/held-out-placements';

// The held-out set (test/fixtures/held-out-placements.ts) measures the credential checks
// as a user meets them: through the public constructs, never through the detectors.

function outcome(p: Placement): { refused: boolean; echoed: boolean } {
  try {
    p.build(new QdrantApp({ outdir: '/nonexistent/never-written' }));
    return { refused: false, echoed: false };
  } catch (e) {
    if (!(e instanceof QdrantConfigError)) throw e;
    const shown = [e.message, JSON.stringify(e.problems), String(e.stack)];
    return { refused: true, echoed: p.secret !== undefined && shown.some((t) => t.includes(p.secret!)) };
  }
}

test('GIVEN 30 held-out credential placements WHEN built THEN at least 29 are refused and none is echoed', () => {
  const results = CREDENTIALS.map((p) => ({ name: p.name, ...outcome(p) }));
  expect(CREDENTIALS).toHaveLength(30);
  expect(results.filter((r) => r.echoed).map((r) => r.name)).toEqual([]);
  const passed = results.filter((r) => !r.refused).map((r) => r.name);
  expect(passed.length <= 1 ? [] : passed).toEqual([]);
});

test('GIVEN 32 held-out ordinary settings WHEN built THEN at most 1 is refused', () => {
  expect(SETTINGS).toHaveLength(32);
  const refused = SETTINGS.filter((p) => outcome(p).refused).map((p) => p.name);
  expect(refused.length <= 1 ? [] : refused).toEqual([]);
});
