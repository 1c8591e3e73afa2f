import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/** A fresh temporary directory. */
export function tmp(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
