import * as path from 'path';
import { ApiObject, App, Chart, Yaml } from 'cdk8s';
import { workloadFolders, writeSideFiles } from './baseline-folders';

/** The workload with plain cdk8s: one App per output folder, one chart of ApiObjects. Returns the object count. */
export function writeWithCdk8s(outdir: string, clusters: number): number {
  let objects = 0;
  for (const f of workloadFolders(clusters)) {
    const dir = path.join(outdir, f.name);
    const app = new App({ outdir: dir });
    const chart = new Chart(app, 'manifests');
    f.objects.forEach((o, i) => new ApiObject(chart, `o${i}`, o));
    app.synth();
    writeSideFiles(dir, f, (doc) => Yaml.stringify(doc));
    objects += f.objects.length;
  }
  return objects;
}
