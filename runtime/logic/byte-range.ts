/**
 * One `Range: bytes=…` request header against a body of known size. Shared by the static server
 * (compiler/targets/static-server.ts) and the service worker, which answers a video's seek from
 * its cache.
 */

/**
 * A single `bytes` range of a file of `size` bytes (RFC 9110 §14.1.2): `a-b`, `a-` or `-n`, the end
 * clipped to the file; 'unsatisfiable' when it starts past the end (or asks for the last 0 bytes,
 * or the file is empty); undefined when the whole file is answered instead: another unit, a
 * malformed value, and several ranges (RFC 9110 §14.2 lets a server ignore Range; browsers seek
 * video with one open range, and multipart/byteranges would be code no learner needs).
 */
export function parseRange(
  header: string,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | undefined {
  const ranges = /^\s*bytes\s*=(.*)$/i.exec(header);
  if (!ranges) return undefined;
  const specs = ranges[1]
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (specs.length !== 1) return undefined;
  const spec = /^(\d*)-(\d*)$/.exec(specs[0]);
  if (!spec || (spec[1] === '' && spec[2] === '')) return undefined;
  if (spec[1] === '') {
    const suffix = Number(spec[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(spec[1]);
  const end = spec[2] === '' ? Infinity : Number(spec[2]);
  if (end < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end: Math.min(end, size - 1) };
}
