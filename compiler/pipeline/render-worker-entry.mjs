// Worker threads start as plain JavaScript: the prebuilt worker when it is up to date
// (../prebuilt/prebuilt.mjs), else register tsx and load the TypeScript worker.
import { loadPrebuilt } from '../prebuilt/prebuilt.mjs';

if (!(await loadPrebuilt('render-worker'))) {
  const { register } = await import('tsx/esm/api');
  register();
  await import('./render-worker.ts');
}
