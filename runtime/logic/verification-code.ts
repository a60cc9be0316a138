/**
 * A certificate's verification code: derived from the course, the learner's name and the completion
 * date, so the same completion always gives the same code and a changed name or date does not.
 * FNV-1a (64-bit, via BigInt) is enough to detect edits; it is not a signature.
 */
export function verificationCode(courseId: string, name: string, completedOn: string): string {
  const input = `${courseId}\n${name.trim().normalize('NFC')}\n${completedOn}`;
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(input)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U
  let code = '';
  for (let i = 0; i < 12; i++) {
    code += alphabet[Number(hash & 31n)];
    hash >>= 5n;
  }
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`;
}
