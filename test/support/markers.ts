/**
 * Secrets planted by the tests that try the plaintext routes: none of them may show up
 * in an error, a warning, stderr or a written file.
 */
export const PLANTED_SECRET = 'pl4nted-s3cret-7Qx';
/** An access key in Qdrant's format (`<uuid>|<secret>`) around the planted secret. */
export const PLANTED_ACCESS_KEY = `0b9f4e2a-5c1d-4e8b-9a7f-3d2c1b0a9e8f|${PLANTED_SECRET}`;

/** Every place a planted secret could leak through: message, problems, warnings and files. */
export function leaksIn(texts: readonly string[]): string[] {
  return texts.filter((t) => t.includes(PLANTED_SECRET));
}
