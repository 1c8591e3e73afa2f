/**
 * What kubeseal writes for one value: base64 of a 2-byte length, the session key wrapped
 * with the controller's RSA key (256, 384 or 512 bytes for 2048- to 4096-bit keys) and
 * the AES-GCM ciphertext of the value (its length plus a 16-byte tag). A plain password,
 * a base64-encoded one or a truncated paste does not have that form.
 */
const WRAPPED_KEY_LENGTHS: ReadonlySet<number> = new Set([256, 384, 512]);
const GCM_TAG_LENGTH = 16;
/** Standard base64 with padding, as kubeseal prints it (one pass, no backtracking). */
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Whether `value` has the form of one kubeseal ciphertext. */
export function isKubesealCiphertext(value: unknown): boolean {
  if (typeof value !== 'string' || value.length % 4 !== 0 || !BASE64.test(value)) return false;
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length < 2) return false;
  const wrapped = bytes.readUInt16BE(0);
  return WRAPPED_KEY_LENGTHS.has(wrapped) && bytes.length >= 2 + wrapped + GCM_TAG_LENGTH;
}

/** The command that seals `key` of the Secret `namespace/name` (of `type`), for the error that refuses a value kubeseal did not write. */
export function kubesealCommand(namespace: string, name: string, type: string, key: string, scope?: string): string {
  const create = type === 'Opaque'
    ? `kubectl create secret generic ${name} --namespace ${namespace} --from-literal=${key}=... --dry-run=client -o json`
    : `kubectl create secret generic ${name} --namespace ${namespace} --type ${type} --from-file=${key}=... --dry-run=client -o json`;
  return `${create} | kubeseal --namespace ${namespace} --name ${name}${scope && scope !== 'strict' ? ` --scope ${scope}` : ''} -o yaml`;
}
