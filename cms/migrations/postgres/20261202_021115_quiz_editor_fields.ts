import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_units_questions_answer" AS ENUM('is-true', 'is-false');
  CREATE TYPE "public"."enum__units_v_version_questions_answer" AS ENUM('is-true', 'is-false');
  ALTER TABLE "units_questions_options" ADD COLUMN "match" varchar;
  ALTER TABLE "units_questions" ADD COLUMN "answer" "enum_units_questions_answer";
  ALTER TABLE "_units_v_version_questions_options" ADD COLUMN "match" varchar;
  ALTER TABLE "_units_v_version_questions" ADD COLUMN "answer" "enum__units_v_version_questions_answer";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "units_questions_options" DROP COLUMN "match";
  ALTER TABLE "units_questions" DROP COLUMN "answer";
  ALTER TABLE "_units_v_version_questions_options" DROP COLUMN "match";
  ALTER TABLE "_units_v_version_questions" DROP COLUMN "answer";
  DROP TYPE "public"."enum_units_questions_answer";
  DROP TYPE "public"."enum__units_v_version_questions_answer";`)
}
