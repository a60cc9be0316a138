import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "courses" ADD COLUMN "questionnaire_consent_version" varchar;
  ALTER TABLE "courses_locales" ADD COLUMN "questionnaire_consent" varchar;
  ALTER TABLE "_courses_v" ADD COLUMN "version_questionnaire_consent_version" varchar;
  ALTER TABLE "_courses_v_locales" ADD COLUMN "version_questionnaire_consent" varchar;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "courses" DROP COLUMN "questionnaire_consent_version";
  ALTER TABLE "courses_locales" DROP COLUMN "questionnaire_consent";
  ALTER TABLE "_courses_v" DROP COLUMN "version_questionnaire_consent_version";
  ALTER TABLE "_courses_v_locales" DROP COLUMN "version_questionnaire_consent";`)
}
