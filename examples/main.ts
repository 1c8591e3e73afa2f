import { QdrantConfigError, QdrantOutputError } from '../src';
import { showcaseApp } from './showcase';

// Entry point of `npm run synth` and of cdk8s.yaml's app. Constructing the app and
// synthesising it both throw: bad input or a refused change (QdrantConfigError), or a
// file system that fails while writing (QdrantOutputError). Either prints the library's
// message and exits 1, with the previous output untouched.
try {
  showcaseApp().synth();
} catch (err) {
  if (err instanceof QdrantConfigError) {
    console.error(`cdk8s-qdrant: invalid configuration\n${err.message}`);
  } else if (err instanceof QdrantOutputError) {
    console.error(err.message);
  } else {
    throw err;
  }
  process.exit(1);
}
