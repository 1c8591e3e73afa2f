import { EMPTY_STATE, GuardState } from './guards/guard-state';
import { MANIFEST_SUFFIX } from './writer/output-layout';
import { FolderChanges } from './plan/plan';
import { SerializedFolder } from './folder-draft';
import { OutputFolder } from './writer/output-writer';
import { gitBlobId } from './memory/blob-id';
import { FolderMemory, serializeMemory } from './memory/output-memory';

/** The folders of the new output as the writer takes them, recording each one's memory and changes on the way. */
export interface RecordedFolders extends Iterable<OutputFolder> {
  /** The memory of every folder written so far. */
  written(): Readonly<Record<string, FolderMemory>>;
  /** The memory file's text, once every folder is written. */
  memoryFile(): string;
}

/**
 * Passes the serialised folders to the writer one at a time and, for each, records its
 * manifests' blob ids with its guard records (the memory written beside the folders) and
 * hands it to the plan's folder changes, so no folder's text is held longer than its write.
 */
export function recordedFolders(folders: Iterable<SerializedFolder>, next: GuardState, changes: FolderChanges): RecordedFolders {
  const states = statesByFolder(next);
  const memory: Record<string, FolderMemory> = {};
  return {
    *[Symbol.iterator]() {
      for (const f of folders) {
        const manifests: Record<string, string> = {};
        for (const [name, text] of Object.entries(f.files)) if (name.endsWith(MANIFEST_SUFFIX)) manifests[name] = gitBlobId(text);
        memory[f.folder] = { cluster: f.cluster, manifests, state: states.get(f.folder) ?? EMPTY_STATE };
        changes.add(f.folder, f.cluster, manifests, Object.entries(f.files).find(([n]) => n.endsWith(MANIFEST_SUFFIX))?.[1], f.objects);
        yield f;
      }
    },
    written: () => memory,
    memoryFile: () => serializeMemory({ folders: memory }),
  };
}

/** The records of a state grouped by the folder they were written to. */
function statesByFolder(state: GuardState): Map<string, GuardState> {
  const byFolder = new Map<string, { [K in keyof GuardState]: GuardState[K][number][] }>();
  for (const list of Object.keys(EMPTY_STATE) as (keyof GuardState)[]) {
    for (const record of state[list]) {
      const folder = (record as { folder: string }).folder;
      if (!byFolder.has(folder)) byFolder.set(folder, { regions: [], operators: [], namespaces: [], clusters: [], snapshots: [], restores: [] });
      (byFolder.get(folder)![list] as unknown[]).push(record);
    }
  }
  return byFolder;
}
