import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "learner_scores" ADD COLUMN "progress" jsonb;
  ALTER TABLE "learner_scores" ADD COLUMN "last_at" timestamp(3) with time zone;
  ALTER TABLE "learner_scores" ADD COLUMN "revision" numeric DEFAULT 0;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "learner_scores" DROP COLUMN "progress";
  ALTER TABLE "learner_scores" DROP COLUMN "last_at";
  ALTER TABLE "learner_scores" DROP COLUMN "revision";`)
}
