import { QdrantConfigError } from '../../src';

/** Runs `fn`, expects the library's own error, and returns it for further assertions. */
export function configErrorOf(fn: () => unknown): QdrantConfigError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(QdrantConfigError);
    return e as QdrantConfigError;
  }
  throw new Error('expected a QdrantConfigError, but nothing was thrown');
}
