import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "units_questions" ALTER COLUMN "type" SET DEFAULT 'single';
  ALTER TABLE "_units_v_version_questions" ALTER COLUMN "type" SET DEFAULT 'single';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "units_questions" ALTER COLUMN "type" DROP DEFAULT;
  ALTER TABLE "_units_v_version_questions" ALTER COLUMN "type" DROP DEFAULT;`)
}
