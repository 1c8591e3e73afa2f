/** Major, minor and patch of "v1.2.3" / "1.2.3"; prerelease and build suffixes are ignored. The library's one version parser. */
export function parseVersion(v: string): [number, number, number] {
  const [major, minor, patch] = v.replace(/^v/, '').split(/[-+]/)[0].split('.').map(Number);
  return [major, minor ?? 0, patch ?? 0];
}

/** Compares two versions numerically: negative, zero or positive. */
export function compareVersions(a: string, b: string): number {
  const [pa, pb] = [parseVersion(a), parseVersion(b)];
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return pa[i] - pb[i];
  return 0;
}
