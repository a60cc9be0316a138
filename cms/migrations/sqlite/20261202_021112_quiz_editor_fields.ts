import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`units_questions_options\` ADD \`match\` text;`)
  await db.run(sql`ALTER TABLE \`units_questions\` ADD \`answer\` text;`)
  await db.run(sql`ALTER TABLE \`_units_v_version_questions_options\` ADD \`match\` text;`)
  await db.run(sql`ALTER TABLE \`_units_v_version_questions\` ADD \`answer\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`units_questions_options\` DROP COLUMN \`match\`;`)
  await db.run(sql`ALTER TABLE \`units_questions\` DROP COLUMN \`answer\`;`)
  await db.run(sql`ALTER TABLE \`_units_v_version_questions_options\` DROP COLUMN \`match\`;`)
  await db.run(sql`ALTER TABLE \`_units_v_version_questions\` DROP COLUMN \`answer\`;`)
}
