import path from 'node:path';

/** Where "Publish bundles" writes: POLYCOURSE_BUNDLES_DIR, default data/bundles. */
export const bundlesDir = () => path.resolve(process.env.POLYCOURSE_BUNDLES_DIR ?? 'data/bundles');

/**
 * Where previews of drafts are built: POLYCOURSE_PREVIEWS_DIR, default `previews` beside the
 * bundles.
 */
export const previewsDir = () =>
  path.resolve(
    process.env.POLYCOURSE_PREVIEWS_DIR ?? path.join(path.dirname(bundlesDir()), 'previews'),
  );
