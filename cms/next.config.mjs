// The Payload admin and REST API as a Next.js app (`next build cms`, `next start cms`).
import { withPayload } from '@payloadcms/next/withPayload';

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Bundles under /bundles/ are folders with index.html: their pages link `…/fr/` with the slash,
  // which Next would strip and the bundles route would add back. The admin's routes have no
  // trailing slash.
  skipTrailingSlashRedirect: true,
  // sharp and the database drivers (and Redis's) are native or large: load them from node_modules
  // at run time.
  serverExternalPackages: [
    'sharp',
    'better-sqlite3',
    '@libsql/client',
    'libsql',
    'pg',
    'esbuild',
    'ioredis',
  ],
};

export default withPayload(nextConfig, { devBundleServerPackages: false });
