import { QdrantConfigError } from '../src';
import { showcaseApp } from './showcase';

// Entry point of `npm run synth` and of cdk8s.yaml's app. Bad input prints the
// library's error and exits 1 before anything is written.
try {
  showcaseApp().synth();
} catch (err) {
  if (!(err instanceof QdrantConfigError)) throw err;
  console.error(`cdk8s-qdrant: invalid configuration\n${err.message}`);
  process.exit(1);
}
