// Worker threads start as plain JavaScript: register tsx, then load the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./render-worker.ts');
