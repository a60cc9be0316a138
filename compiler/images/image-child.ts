/**
 * Encodes the images it is sent into the cache, reporting each one; the parent reads results from
 * the cache.
 */
import { processImage } from './process-images.ts';

process.once(
  'message',
  async (message: { cacheDir: string; images: { file: string; src: string }[] }) => {
    for (const { file, src } of message.images) {
      const result = await processImage(file, src, message.cacheDir);
      process.send!({ src, diagnostic: 'severity' in result ? result : undefined });
    }
    process.disconnect();
  },
);
