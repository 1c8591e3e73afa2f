/** One rendered output folder. */
export interface RenderedFolder {
  /** Folder name under the output directory (the chart id). */
  readonly folder: string;
  /** File name to content. */
  readonly files: Record<string, string>;
  /** The objects of the folder's manifest file. */
  readonly objects: readonly any[];
  /** Warnings of the chart's constructs. */
  readonly warnings: readonly string[];
}
