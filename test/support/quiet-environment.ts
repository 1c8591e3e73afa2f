import type { Circus } from '@jest/types';
import NodeEnvironment from 'jest-environment-node';

/** What the library prints on the console (`QdrantApp.synth()`'s warnings, notices and plan). */
const LIBRARY_LINE = /^cdk8s-qdrant (warning|notice|plan): /;

/**
 * The Node test environment, with the library's console lines held back: `npm test`
 * stays quiet unless a test fails, and then shows the lines printed since the previous
 * test ended (its describe-level and `beforeAll` code included). Tests that care about a
 * warning capture and assert it themselves.
 */
export default class QuietEnvironment extends NodeEnvironment {
  private held: string[] = [];
  private readonly write = process.stderr.write;

  public async setup(): Promise<void> {
    await super.setup();
    const write = this.write.bind(process.stderr);
    process.stderr.write = ((chunk: string | Uint8Array, ...rest: any[]) => {
      if (LIBRARY_LINE.test(String(chunk))) {
        this.held.push(String(chunk));
        return true;
      }
      return write(chunk, ...rest);
    }) as typeof process.stderr.write;
  }

  public async teardown(): Promise<void> {
    process.stderr.write = this.write;
    await super.teardown();
  }

  public handleTestEvent(event: Circus.Event): void {
    if (event.name !== 'test_done') return;
    if (event.test.errors.length) this.write.call(process.stderr, this.held.join(''));
    this.held = [];
  }
}
