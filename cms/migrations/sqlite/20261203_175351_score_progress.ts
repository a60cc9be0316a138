import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`learner_scores\` ADD \`progress\` text;`)
  await db.run(sql`ALTER TABLE \`learner_scores\` ADD \`last_at\` text;`)
  await db.run(sql`ALTER TABLE \`learner_scores\` ADD \`revision\` numeric DEFAULT 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`learner_scores\` DROP COLUMN \`progress\`;`)
  await db.run(sql`ALTER TABLE \`learner_scores\` DROP COLUMN \`last_at\`;`)
  await db.run(sql`ALTER TABLE \`learner_scores\` DROP COLUMN \`revision\`;`)
}
