/**
 * Payload configuration: collections, locales from the compiler's table, the database from
 * DATABASE_URI.
 */
import path from 'node:path';
import crypto from 'node:crypto';
import { buildConfig, type Config, type DatabaseAdapterObj } from 'payload';
import pinoPretty from 'pino-pretty';
import sharp from 'sharp';
import { Users } from './collections/Users.ts';
import { Courses } from './collections/Courses.ts';
import { Modules } from './collections/Modules.ts';
import { Units } from './collections/Units.ts';
import { Media } from './collections/Media.ts';
import { PublishJobs } from './collections/PublishJobs.ts';
import { Translations } from './collections/Translations.ts';
import { QuestionnaireResponses } from './collections/QuestionnaireResponses.ts';
import { Learners } from './collections/Learners.ts';
import { LearnerEvents, LearnerScores } from './collections/LearnerProgress.ts';
import { ForumPosts, ForumReports, ForumThreads } from './collections/Forums.ts';
import { learnerEndpoints } from './endpoints/learner-api.ts';
import { forumEndpoints } from './endpoints/forum-api.ts';
import { createFirstAdmin } from './first-admin.ts';
import { warmBodyChecker } from './hooks/check-body-in-worker.ts';
import { keepErrorData } from './hooks/keepErrorData.ts';
import { cmsLocales } from './locales.ts';
import { adminLanguages, adminTranslations } from './admin-languages.ts';
import { cmsDir, databaseAdapter } from './database-adapter.ts';
import { widenGeneratedTypes } from './widen-generated-types.ts';

const loopbackNames = ['localhost', '127.0.0.1', '[::1]'];

/**
 * The origins whose browsers may act with a signed-in user's cookie (Payload's `csrf`: a cookie
 * sent with any other `Origin` is ignored) and read the API cross-origin (`cors`): the server's own
 * URL (PAYLOAD_PUBLIC_SERVER_URL, default http://localhost:$PORT; on a loopback host every loopback
 * name of it) plus POLYCOURSE_ALLOWED_ORIGINS, comma-separated. API keys and `Authorization`
 * headers work from anywhere.
 */
export function allowedOrigins(env: NodeJS.ProcessEnv = process.env): string[] {
  const own = new URL(env.PAYLOAD_PUBLIC_SERVER_URL || `http://localhost:${env.PORT || 3000}`);
  const origins = new Set([own.origin]);
  if (loopbackNames.includes(own.hostname))
    for (const name of loopbackNames)
      origins.add(`${own.protocol}//${name}${own.port ? `:${own.port}` : ''}`);
  for (const entry of (env.POLYCOURSE_ALLOWED_ORIGINS ?? '')
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean)) {
    let origin: string;
    try {
      origin = new URL(entry).origin;
    } catch {
      origin = 'null';
    }
    if (origin === 'null')
      throw new Error(
        `POLYCOURSE_ALLOWED_ORIGINS: "${entry}" is not an origin; ` +
          'write origins like https://cms.example.org, separated by commas.',
      );
    origins.add(origin);
  }
  return [...origins];
}

export function polycourseConfig(
  options: { db?: DatabaseAdapterObj; secret?: string; mediaDir?: string } = {},
) {
  const media = {
    ...Media,
    upload: {
      ...(Media.upload as object),
      staticDir: options.mediaDir ?? process.env.POLYCOURSE_MEDIA_DIR ?? path.resolve('data/media'),
    },
  };
  return buildConfig({
    // A per-process random secret when none is configured: sessions then last until a restart.
    secret: options.secret ?? process.env.PAYLOAD_SECRET ?? crypto.randomBytes(32).toString('hex'),
    db: options.db ?? databaseAdapter(),
    sharp,
    admin: {
      user: Users.slug,
      avatar: 'default',
      importMap: {
        baseDir: cmsDir,
        importMapFile: path.join(cmsDir, 'app/(payload)/admin/importMap.js'),
      },
    },
    collections: [
      Users,
      Courses,
      Modules,
      Units,
      media,
      PublishJobs,
      Translations,
      QuestionnaireResponses,
      Learners,
      LearnerEvents,
      LearnerScores,
      ForumThreads,
      ForumPosts,
      ForumReports,
    ],
    // The learner services' API for the bundles (Bearer tokens, no cookies).
    endpoints: [...learnerEndpoints, ...forumEndpoints],
    onInit: async (payload) => {
      // In the admin server (not in CLI processes): the MDX check's worker starts now, not on the
      // first save.
      if (process.env.NEXT_RUNTIME === 'nodejs') warmBodyChecker();
      await createFirstAdmin(payload);
    },
    // Cookie-authenticated requests from other sites are anonymous; preflights from them get no
    // CORS headers.
    // Refused saves keep their field problems in the response (cms/hooks/keepErrorData.ts).
    hooks: { afterError: [keepErrorData] },
    csrf: allowedOrigins(),
    cors: allowedOrigins(),
    localization: { locales: cmsLocales(), defaultLocale: 'en', fallback: true },
    // The admin's own language (not the content's): Payload's screens and our panels.
    i18n: {
      supportedLanguages: adminLanguages,
      fallbackLanguage: 'en',
      translations: adminTranslations() as NonNullable<Config['i18n']>['translations'],
    },
    // `npm run cms:types` writes cms/payload-types.ts (committed; test/cms/payload-types.test.ts
    // fails when it is stale).
    typescript: {
      outputFile: path.join(cmsDir, 'payload-types.ts'),
      autoGenerate: false,
      schema: [widenGeneratedTypes],
    },
    telemetry: false,
    // Logs go to stderr (stdout belongs to the CLI's output, --json), one line a person reads per
    // event (time, level, message); POLYCOURSE_LOG_FORMAT=json keeps pino's JSON lines for a log
    // collector.
    logger: {
      options: { level: process.env.PAYLOAD_LOG_LEVEL ?? 'warn' },
      destination:
        process.env.POLYCOURSE_LOG_FORMAT === 'json'
          ? process.stderr
          : pinoPretty({
              destination: 2,
              sync: true,
              colorize: false,
              singleLine: true,
              ignore: 'pid,hostname',
              translateTime: 'SYS:yyyy-mm-dd HH:MM:ss',
            }),
    },
  });
}

export default polycourseConfig();
