/**
 * What a bundle file is served as, wherever it is served (polycourse serve, the CMS's /bundles,
 * S3): its content type by extension (with charset for text), and its Cache-Control.
 */

/** `_assets/` names hold their content's hash: they never change. */
export const immutableCache = 'public, max-age=31536000, immutable';
/** Everything else (pages, service workers, the manifest) is revalidated on every use. */
export const revalidateCache = 'no-cache';

/** Content types of what bundles hold (pages, theme, runtime, media, captions). */
export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.vtt': 'text/vtt; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.mp4': 'video/mp4',
  '.m4v': 'video/mp4',
  '.webm': 'video/webm',
  '.ogv': 'video/ogg',
  '.mp3': 'audio/mpeg',
  '.m4a': 'audio/mp4',
  '.ogg': 'audio/ogg',
  '.oga': 'audio/ogg',
  '.opus': 'audio/ogg',
  '.wav': 'audio/wav',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.zip': 'application/zip',
};

/** The content type of a file by its extension; `application/octet-stream` when unknown. */
export function contentTypeOf(filePath: string): string {
  const ext = /\.[^./]+$/.exec(filePath)?.[0].toLowerCase() ?? '';
  return contentTypes[ext] ?? 'application/octet-stream';
}

/** Immutable under `_assets/` (at any depth), else `no-cache`. */
export function cacheControlOf(filePath: string): string {
  return filePath.split(/[\\/]/).includes('_assets') ? immutableCache : revalidateCache;
}
