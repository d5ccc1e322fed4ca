import { createHash } from 'node:crypto';

/**
 * A server's SSH host key as ssh-keygen -l and OpenSSH's "The authenticity of host ... can't be
 * established" prompt show it: "SHA256:" and the unpadded base64 of the SHA-256 of the key blob. The
 * same text a person can compare with what their IT reads off the server (`ssh-keygen -lf` on the
 * server's host key), so it is the form shown, saved and compared.
 */
export function hostKeyFingerprint(keyBlob: Buffer): string {
  return `SHA256:${createHash('sha256').update(keyBlob).digest('base64').replace(/=+$/, '')}`;
}
