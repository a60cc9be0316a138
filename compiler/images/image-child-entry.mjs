// Child process entry for image encoding: register tsx, then run the TypeScript child.
import { register } from 'tsx/esm/api';

register();
await import('./image-child.ts');
