/** Content fingerprints: hex sha256 of what a file, page or input set is made of. */
import crypto from 'node:crypto';

/** Hex sha256 of strings/buffers, fed in order. */
export function sha256(...parts: (string | Buffer | Uint8Array)[]): string {
  const hash = crypto.createHash('sha256');
  for (const p of parts) hash.update(p);
  return hash.digest('hex');
}
