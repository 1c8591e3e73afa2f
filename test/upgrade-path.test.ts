import * as fs from 'fs';
import * as path from 'path';
import { LATEST_PATCHES, newerThanPatchTable, upgradePath } from '../src/core/upgrade-path';

describe('upgrade path through the latest patch of each minor (qdrant-facts.md §13)', () => {
  test.each([
    // [from, to, hops]: the documented paths
    ['v1.15.5', 'v1.16.3', ['v1.16.3']],
    ['v1.16.3', 'v1.17.0', ['v1.17.0']],
    ['v1.16.0', 'v1.16.3', ['v1.16.3']],
    ['v1.16.3', 'v1.16.3', []],
    // the held-out jump: a minor step from a patch that is not the minor's latest
    ['v1.15.2', 'v1.16.3', ['v1.15.5', 'v1.16.3']],
    ['v1.15.2', 'v1.17.1', ['v1.15.5', 'v1.16.3', 'v1.17.1']],
    ['v1.16.3', 'v1.19.0', ['v1.17.1', 'v1.18.3', 'v1.19.0']],
  ])('%s -> %s goes %j', (from, to, hops) => {
    // GIVEN two versions / WHEN the path is computed / THEN it names every hop, ending with the target
    const found = upgradePath(from, to);
    expect(found.hops).toEqual(hops);
    expect(found.refused).toBeUndefined();
    expect(found.unchecked).toBeUndefined();
  });

  test('a downgrade and a major change have no path', () => {
    expect(upgradePath('v1.17.0', 'v1.16.3').refused).toMatch(/never downgrades/);
    expect(upgradePath('v1.16.3', 'v1.16.2').refused).toMatch(/never downgrades/);
    expect(upgradePath('v1.17.1', 'v2.0.0').refused).toMatch(/across major versions/);
  });

  test('a version newer than the table is accepted, with what the table cannot vouch for', () => {
    // GIVEN the table ends with v1.19.0
    expect(newerThanPatchTable('v1.19.0')).toBe(false);
    expect(newerThanPatchTable('v1.19.1')).toBe(true);
    expect(newerThanPatchTable('v1.20.0')).toBe(true);
    expect(newerThanPatchTable('v1.12.0')).toBe(false);
    // WHEN the path goes past it / THEN it is one hop when the minors are adjacent, and flagged unchecked
    expect(upgradePath('v1.19.0', 'v1.20.0')).toEqual({ hops: ['v1.20.0'], unchecked: expect.stringMatching(/v1.20.0 is newer than the latest-patch table/) });
    expect(upgradePath('v1.19.1', 'v1.20.0').hops).toEqual(['v1.20.0']);
    // an unknown intermediate minor is named by its minor, never guessed
    expect(upgradePath('v1.19.0', 'v1.21.0')).toMatchObject({ hops: ['v1.20.x', 'v1.21.0'], unchecked: expect.stringMatching(/latest patch of v1.20.x is not in the latest-patch table/) });
  });

  test('the table is contiguous, one latest patch per minor, and dated', () => {
    const minors = Object.keys(LATEST_PATCHES.byMinor);
    minors.forEach((minor, i) => {
      expect(minor).toBe(`1.${i}`);
      expect(LATEST_PATCHES.byMinor[minor]).toMatch(new RegExp(`^v${minor.replace('.', '\\.')}\\.\\d+$`));
    });
    expect(LATEST_PATCHES.asOf).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    // the module names its source where a maintainer updates it
    expect(fs.readFileSync(path.join(__dirname, '../src/core/upgrade-path.ts'), 'utf8')).toMatch(/qdrant\/qdrant/);
  });
});
