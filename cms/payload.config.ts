/** Payload configuration: collections, locales from the compiler's table, the database from DATABASE_URI. */
import path from 'node:path';
import crypto from 'node:crypto';
import { buildConfig, type DatabaseAdapterObj } from 'payload';
import sharp from 'sharp';
import { Users } from './collections/Users.ts';
import { Courses } from './collections/Courses.ts';
import { Modules } from './collections/Modules.ts';
import { Units } from './collections/Units.ts';
import { Media } from './collections/Media.ts';
import { PublishJobs } from './collections/PublishJobs.ts';
import { Translations } from './collections/Translations.ts';
import { createFirstAdmin } from './first-admin.ts';
import { cmsLocales } from './locales.ts';
import { cmsDir, databaseAdapter } from './database-adapter.ts';

export function polycourseConfig(options: { db?: DatabaseAdapterObj; secret?: string; mediaDir?: string } = {}) {
  const media = { ...Media, upload: { ...(Media.upload as object), staticDir: options.mediaDir ?? process.env.POLYCOURSE_MEDIA_DIR ?? path.resolve('data/media') } };
  return buildConfig({
    // A per-process random secret when none is configured: sessions then last until a restart.
    secret: options.secret ?? process.env.PAYLOAD_SECRET ?? crypto.randomBytes(32).toString('hex'),
    db: options.db ?? databaseAdapter(),
    sharp,
    admin: { user: Users.slug, avatar: 'default', importMap: { baseDir: cmsDir, importMapFile: path.join(cmsDir, 'app/(payload)/admin/importMap.js') } },
    collections: [Users, Courses, Modules, Units, media, PublishJobs, Translations],
    onInit: createFirstAdmin,
    localization: { locales: cmsLocales(), defaultLocale: 'en', fallback: true },
    typescript: { outputFile: path.join(cmsDir, 'payload-types.ts'), autoGenerate: false },
    telemetry: false,
    // Logs go to stderr: stdout belongs to the CLI's output (--json).
    logger: { options: { level: process.env.PAYLOAD_LOG_LEVEL ?? 'warn' }, destination: process.stderr },
  });
}

export default polycourseConfig();
