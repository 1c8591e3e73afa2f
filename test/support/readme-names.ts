import { RenderedFolder } from '../../src/output/rendered-folder';

/**
 * What a generated README names must exist in the output: a folder README's notes,
 * warnings and "Secrets to provide" name folders, files and objects in backticks, and
 * the fleet README links to folders. Returns one line per name the output lacks.
 */
export function readmeNameProblems(folders: readonly RenderedFolder[], fleetReadme?: string): string[] {
  const folderNames = new Set(folders.map((f) => f.folder));
  const known = new Set<string>(folderNames);
  for (const f of folders) {
    Object.keys(f.files).forEach((n) => known.add(n));
    f.objects.forEach((o) => collectStrings(o, known));
    for (const [name, content] of Object.entries(f.files)) {
      if (!name.endsWith('.md')) content.split(/[^A-Za-z0-9./_-]+/).forEach((w) => known.add(w));
    }
  }
  const problems: string[] = [];
  for (const f of folders) {
    const text = f.files['README.md'].split('\n## Picture')[0];
    for (const line of text.split('\n')) {
      // A Secret created out of band (its name and keys) is the user's to create: the output only names it.
      if (line.endsWith('created out of band')) continue;
      for (const [, token] of line.matchAll(/`([^`]+)`/g)) {
        const problem = tokenProblem(token, f, folderNames, known);
        if (problem) problems.push(`${f.folder}/README.md: ${problem}`);
      }
    }
  }
  for (const [, target] of (fleetReadme ?? '').matchAll(/\]\(([^)]+)\)/g)) {
    const [folder, file] = target.split('/');
    const found = folders.find((f) => f.folder === folder);
    if (!found || !(file in found.files)) problems.push(`README.md: links to ${target}, which the output lacks`);
  }
  return problems;
}

/** Names of folders the library writes besides the stack folders. */
const FOLDER_LIKE = /(^flux-|-entry$|-prerequisites$|^argocd-bootstrap$)/;
const FILE_LIKE = /\.(json|ya?ml|md|pem)$/;
const NAME_LIKE = /^[a-z0-9][a-z0-9._-]*$/;

function tokenProblem(token: string, f: RenderedFolder, folders: ReadonlySet<string>, known: ReadonlySet<string>): string | undefined {
  if (/\s/.test(token)) return undefined;
  if (token.startsWith('./') || token.startsWith('dist/') || folders.has(token.split('/').pop()!)) {
    const folder = token.replace(/\/+$/, '').split('/').pop()!;
    return folders.has(folder) ? undefined : `names the path ${token}, but there is no folder ${folder}`;
  }
  const parts = token.split('/');
  if (parts.length === 2 && parts.every((p) => NAME_LIKE.test(p))) {
    // namespace/name of an object (a Secret to provide, a snapshot).
    return parts.every((p) => known.has(p)) ? undefined : `names ${token}, which no object of the output has`;
  }
  if (parts.length > 1) return undefined;
  if (FILE_LIKE.test(token)) return token in f.files ? undefined : `names the file ${token}, which its folder lacks`;
  if (!NAME_LIKE.test(token)) return undefined;
  if (FOLDER_LIKE.test(token) && !folders.has(token) && !known.has(token)) return `names ${token}, which is no folder of the output`;
  return known.has(token) ? undefined : `names ${token}, which the output does not contain`;
}

function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') {
    into.add(value);
    value.split(/[^A-Za-z0-9._-]+/).forEach((w) => into.add(w));
  } else if (Array.isArray(value)) {
    value.forEach((v) => collectStrings(v, into));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      collectStrings(v, into);
    }
  }
}
