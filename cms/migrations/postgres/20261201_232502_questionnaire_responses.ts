import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_questionnaire_responses_phase" AS ENUM('pre', 'post');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'evaluator';
  CREATE TABLE "questionnaire_responses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_id" varchar NOT NULL,
  	"learner" varchar NOT NULL,
  	"phase" "enum_questionnaire_responses_phase" NOT NULL,
  	"answers" jsonb NOT NULL,
  	"groups" jsonb,
  	"consent_version" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "questionnaire_responses_id" integer;
  CREATE INDEX "questionnaire_responses_course_id_idx" ON "questionnaire_responses" USING btree ("course_id");
  CREATE INDEX "questionnaire_responses_updated_at_idx" ON "questionnaire_responses" USING btree ("updated_at");
  CREATE INDEX "questionnaire_responses_created_at_idx" ON "questionnaire_responses" USING btree ("created_at");
  CREATE UNIQUE INDEX "courseId_learner_phase_idx" ON "questionnaire_responses" USING btree ("course_id","learner","phase");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_questionnaire_responses_fk" FOREIGN KEY ("questionnaire_responses_id") REFERENCES "public"."questionnaire_responses"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_questionnaire_responses_id_idx" ON "payload_locked_documents_rels" USING btree ("questionnaire_responses_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "questionnaire_responses" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "questionnaire_responses" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_questionnaire_responses_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'author', 'translator', 'reviewer');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  DROP INDEX "payload_locked_documents_rels_questionnaire_responses_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "questionnaire_responses_id";
  DROP TYPE "public"."enum_questionnaire_responses_phase";`)
}
