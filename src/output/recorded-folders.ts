import { SerializedFolder } from './folder-draft';
import { gitBlobId } from './memory/blob-id';
import { FolderMemory, serializeMemory } from './memory/output-memory';
import { FolderChanges } from './plan/plan';
import { MANIFEST_SUFFIX } from './writer/output-layout';
import { OutputFolder } from './writer/output-writer';

/** The folders of the new output as the writer takes them, recording each one's memory and changes on the way. */
export interface RecordedFolders extends Iterable<OutputFolder> {
  /** How many folders were written. */
  count(): number;
  /** The memory file's text, once every folder is written. */
  memoryFile(): string;
}

/**
 * Passes the serialised folders to the writer one at a time and, for each, records its
 * Kubernetes cluster and its manifests' blob ids (the memory written beside the folders)
 * and hands it to the plan's folder changes, so no folder's text is held longer than its write.
 */
export function recordedFolders(folders: Iterable<SerializedFolder>, changes: FolderChanges): RecordedFolders {
  const memory = new Map<string, FolderMemory>();
  return {
    *[Symbol.iterator]() {
      for (const f of folders) {
        const manifests = manifestBlobIds(f.files);
        memory.set(f.folder, { cluster: f.cluster, manifests });
        changes.add(f.folder, f.cluster, manifests, Object.entries(f.files).find(([n]) => n.endsWith(MANIFEST_SUFFIX))?.[1], f.objects);
        yield f;
      }
    },
    count: () => memory.size,
    memoryFile: () => serializeMemory({ folders: memory }),
  };
}

/** The git blob id of each manifest file among a folder's files. */
export function manifestBlobIds(files: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(files).filter(([name]) => name.endsWith(MANIFEST_SUFFIX)).map(([name, text]) => [name, gitBlobId(text)]));
}
