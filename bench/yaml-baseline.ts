import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { workloadFolders, writeSideFiles } from './baseline-folders';

/** The options cdk8s's Yaml.stringify passes to the yaml package. */
const CDK8S_YAML_OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' } as const;

/** The workload with the yaml package only: the objects stringified as cdk8s would. Returns the object count. */
export function writeWithYaml(outdir: string, clusters: number): number {
  const toYaml = (doc: any) => stringify(doc, CDK8S_YAML_OPTIONS);
  let objects = 0;
  for (const f of workloadFolders(clusters)) {
    const dir = path.join(outdir, f.name);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifests.k8s.yaml'), f.objects.map(toYaml).join('---\n'));
    writeSideFiles(dir, f, toYaml);
    objects += f.objects.length;
  }
  return objects;
}
