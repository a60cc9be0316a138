// Child process entry for image encoding: the prebuilt child when it is up to date (../cli/prebuilt.mjs),
// else register tsx and run the TypeScript child.
import { loadPrebuilt } from '../prebuilt/prebuilt.mjs';

if (!(await loadPrebuilt('image-child'))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./image-child.ts');
}
