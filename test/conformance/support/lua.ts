import { execFileSync } from 'child_process';

/** A JSON value as a Lua table constructor, the shape Argo CD hands a health script as `obj`. */
export function luaValue(value: unknown): string {
  if (value === null || value === undefined) return 'nil';
  if (Array.isArray(value)) return `{ ${value.map(luaValue).join(', ')} }`;
  if (typeof value === 'object') return `{ ${Object.entries(value).map(([k, v]) => `[${JSON.stringify(k)}] = ${luaValue(v)}`).join(', ')} }`;
  if (typeof value === 'string') return JSON.stringify(value);
  return String(value);
}

/** What a health script returned for one object. */
export interface LuaHealth {
  readonly status: string;
  readonly message: string;
}

/**
 * Runs an Argo CD health script on each object with Debian's `lua5.1` (Argo CD embeds a
 * Lua 5.1 interpreter, gopher-lua): the script is a chunk that reads the global `obj`
 * and returns `{ status, message }`. One interpreter run for all objects.
 */
export function runHealthLua(script: string, objects: readonly unknown[]): LuaHealth[] {
  const program = [
    `local check = assert(loadstring(${JSON.stringify(script)}))`,
    ...objects.map((o) => [
      `obj = ${luaValue(o)}`,
      'do local hs = check(); io.write(tostring(hs.status), "\\t", tostring(hs.message), "\\n") end',
    ].join('\n')),
  ].join('\n');
  const out = execFileSync('lua5.1', ['-'], { input: program, encoding: 'utf8' });
  return out.split('\n').filter((l) => l !== '').map((l) => {
    const [status, message] = l.split('\t');
    return { status, message };
  });
}
