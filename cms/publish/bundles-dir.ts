import path from 'node:path';

/** Where "Publish bundles" writes: POLYCOURSE_BUNDLES_DIR, default data/bundles. */
export const bundlesDir = () => path.resolve(process.env.POLYCOURSE_BUNDLES_DIR ?? 'data/bundles');
