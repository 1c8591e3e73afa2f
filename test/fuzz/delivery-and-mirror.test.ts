import fc from 'fast-check';
import { ArgoCdDelivery, FluxDelivery, HybridRegion, HybridRegionProps, ImageMirror, SecretSource } from '../../src';
import { checkBuild, fuzz, propsArbitrary, RUNS } from './fuzz';
import { app } from './sources';
import { hybridRegion } from '../support/stacks';

// FluxDelivery, ArgoCdDelivery and ImageMirror take their props without a scope; they
// are checked where a region uses them, so the region is the construct in errors.

const region = (extra: Partial<HybridRegionProps>) => hybridRegion(app(), { namespace: 'q', ...extra });

function run(name: string, arbitrary: fc.Arbitrary<{ props: Record<string, unknown> }>, build: (props: any) => HybridRegion) {
  test(`${name}: ${RUNS} generated prop sets end in the library error or in schema-valid output`, () => {
    fuzz(name, arbitrary, ({ props }, tally) => checkBuild(tally, 'r', () => build(props)));
  }, 120_000);
}

run('FluxDelivery', propsArbitrary(() => ({ interval: '10m', retries: 3 }), {
  interval: ['1h30m'], retries: [0, 10], outputPath: ['./clusters/prod'], gitRepository: [{ name: 'fleet', namespace: 'flux-system' }],
}), (p) => region({ delivery: new FluxDelivery(p) }));

run('ArgoCdDelivery', propsArbitrary(() => ({ argoCdNamespace: 'argocd', project: 'qdrant' }), {
  destinationServer: ['https://k8s.example.com:6443'], namePrefix: ['eu-'], automated: [false],
  repositoryCredentials: [SecretSource.existing()],
}), (p) => region({ delivery: new ArgoCdDelivery(p) }));

run('ImageMirror', propsArbitrary(() => ({
  containerRegistry: 'registry.example.com/qdrant', chartRepository: 'oci://registry.example.com/charts', pullSecret: SecretSource.existing(),
}), {
  pullSecretName: ['mirror-pull'], anonymousPull: [true], containerRegistry: ['registry.example.com:5000'],
}), (p) => region({ mirror: new ImageMirror(p), registryCredentials: undefined }));
