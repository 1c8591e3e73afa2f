import { Chart } from 'cdk8s';
import { fail } from '../core/errors';
import { noticesOf } from '../core/notices';
import { folderReadme, FolderReadmeInput } from './readme/folder-readme';
import { manifestYaml } from './manifest-yaml';
import { FOLDER_MARKER, MANIFEST_FILE, MANIFEST_SUFFIX } from './writer/output-layout';
import { placementOf } from '../stack/placement';
import { RenderedFolder } from './rendered-folder';
import { isSideFileProvider, ISideFileProvider } from '../stack/side-files';

/*
 * One output folder between rendering and writing: its objects (the guards may still
 * annotate them), its checked side files, and its text: manifests, kustomization and README.
 */

/** A folder before serialization: the guards may still annotate its objects. */
export interface Draft extends FolderReadmeInput {
  readonly objects: any[];
  readonly sideFiles: Record<string, string>;
}

export function draftOf(chart: Chart, objects: any[]): Draft {
  const provider: ISideFileProvider | undefined = isSideFileProvider(chart) ? chart : undefined;
  return {
    folder: chart.node.id,
    objects,
    sideFiles: provider ? checkedSideFiles(chart, provider.sideFiles()) : {},
    notes: provider?.readmeNotes() ?? [],
    warnings: noticesOf(chart, 'warning'),
    secrets: noticesOf(chart, 'secret'),
    placement: placementOf(chart),
  };
}

/** A side file name: a plain file name, no folders, no leading dot. */
const SIDE_FILE_NAME = /^[A-Za-z0-9_][A-Za-z0-9._-]*$/;

/** Names the library writes into every folder (compared case-insensitively: some file systems do). */
const RESERVED_FILES = [MANIFEST_FILE, FOLDER_MARKER, 'README.md'];

/**
 * A chart's side files, checked before anything is written: plain file names that stay
 * in the chart's folder and replace none of the files the library writes there.
 */
function checkedSideFiles(chart: Chart, files: unknown): Record<string, string> {
  const prop = 'sideFiles()';
  if (files === null || typeof files !== 'object' || Array.isArray(files)) {
    fail(chart, prop, files, 'expected a map of file name to file content');
  }
  for (const [name, content] of Object.entries(files)) {
    const at = `${prop}[${JSON.stringify(name)}]`;
    if (!SIDE_FILE_NAME.test(name) || name.includes('..') || name.length > 255) {
      fail(chart, `${prop} file name`, name, 'expected a plain file name in the chart\'s folder: letters, digits, ".", "_", "-", no "/", no "..", no leading dot');
    }
    if (RESERVED_FILES.some((r) => r.toLowerCase() === name.toLowerCase()) || name.toLowerCase().endsWith(MANIFEST_SUFFIX)) {
      fail(chart, `${prop} file name`, name, `expected a name the library does not write itself: ${RESERVED_FILES.join(', ')} and *.k8s.yaml are the folder's own files`);
    }
    if (typeof content !== 'string') fail(chart, at, typeof content, 'expected the file content as a string');
  }
  return files as Record<string, string>;
}

/** The manifest files of a folder's objects: none for a folder without objects. */
export function manifestFilesOf(objects: readonly any[]): Record<string, string> {
  return objects.length ? { [MANIFEST_FILE]: manifestYaml(objects) } : {};
}

export function serialize(d: Draft): RenderedFolder {
  const files: Record<string, string> = manifestFilesOf(d.objects);
  const resources = Object.keys(files);
  files[FOLDER_MARKER] = manifestYaml([{
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    resources,
  }]);
  Object.assign(files, d.sideFiles);
  files['README.md'] = folderReadme(d);
  return { folder: d.folder, files, objects: d.objects, warnings: d.warnings };
}

/** A folder as the writer takes it: rendered, with the Kubernetes cluster (its delivery's key) it is applied to. */
export interface SerializedFolder extends RenderedFolder {
  /** @default - the only one */
  readonly cluster?: string;
}

/** Serializes each draft when the writer asks for it and lets go of its objects: a large app's peak memory stays bounded. */
export function* serializeOneByOne(drafts: Draft[]): Generator<SerializedFolder> {
  for (let i = 0; i < drafts.length; i++) {
    const draft = drafts[i];
    delete drafts[i];
    yield { ...serialize(draft), cluster: draft.placement?.clusterKey };
  }
}
