import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`courses\` ADD \`questionnaire_consent_version\` text;`)
  await db.run(sql`ALTER TABLE \`courses_locales\` ADD \`questionnaire_consent\` text;`)
  await db.run(sql`ALTER TABLE \`_courses_v\` ADD \`version_questionnaire_consent_version\` text;`)
  await db.run(sql`ALTER TABLE \`_courses_v_locales\` ADD \`version_questionnaire_consent\` text;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`courses\` DROP COLUMN \`questionnaire_consent_version\`;`)
  await db.run(sql`ALTER TABLE \`courses_locales\` DROP COLUMN \`questionnaire_consent\`;`)
  await db.run(sql`ALTER TABLE \`_courses_v\` DROP COLUMN \`version_questionnaire_consent_version\`;`)
  await db.run(sql`ALTER TABLE \`_courses_v_locales\` DROP COLUMN \`version_questionnaire_consent\`;`)
}
