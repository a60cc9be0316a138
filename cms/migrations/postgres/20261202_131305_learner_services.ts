import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_learner_events_type" AS ENUM('unit-viewed', 'video-watched', 'quiz-attempt', 'challenge-done');
  CREATE TABLE "learners_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "learners" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"display_name" varchar,
  	"leaderboard" boolean DEFAULT false,
  	"evaluation_key" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar,
  	"username" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "learner_events" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"learner_id" integer NOT NULL,
  	"course_id" varchar NOT NULL,
  	"event_id" varchar NOT NULL,
  	"type" "enum_learner_events_type" NOT NULL,
  	"locale" varchar,
  	"unit" varchar NOT NULL,
  	"answers" jsonb,
  	"correct" numeric,
  	"total" numeric,
  	"passed" boolean,
  	"done" boolean,
  	"at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "learner_scores" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"learner_id" integer NOT NULL,
  	"course_id" varchar NOT NULL,
  	"locale" varchar,
  	"name" varchar,
  	"listed" boolean DEFAULT false,
  	"points" numeric DEFAULT 0 NOT NULL,
  	"week" varchar,
  	"week_points" numeric DEFAULT 0,
  	"week_base" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "learners_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "learner_events_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "learner_scores_id" integer;
  ALTER TABLE "payload_preferences_rels" ADD COLUMN "learners_id" integer;
  ALTER TABLE "learners_sessions" ADD CONSTRAINT "learners_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "learner_events" ADD CONSTRAINT "learner_events_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "learner_scores" ADD CONSTRAINT "learner_scores_learner_id_learners_id_fk" FOREIGN KEY ("learner_id") REFERENCES "public"."learners"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "learners_sessions_order_idx" ON "learners_sessions" USING btree ("_order");
  CREATE INDEX "learners_sessions_parent_id_idx" ON "learners_sessions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "learners_evaluation_key_idx" ON "learners" USING btree ("evaluation_key");
  CREATE INDEX "learners_updated_at_idx" ON "learners" USING btree ("updated_at");
  CREATE INDEX "learners_created_at_idx" ON "learners" USING btree ("created_at");
  CREATE UNIQUE INDEX "learners_email_idx" ON "learners" USING btree ("email");
  CREATE UNIQUE INDEX "learners_username_idx" ON "learners" USING btree ("username");
  CREATE INDEX "learner_events_learner_idx" ON "learner_events" USING btree ("learner_id");
  CREATE INDEX "learner_events_updated_at_idx" ON "learner_events" USING btree ("updated_at");
  CREATE INDEX "learner_events_created_at_idx" ON "learner_events" USING btree ("created_at");
  CREATE UNIQUE INDEX "learner_courseId_eventId_idx" ON "learner_events" USING btree ("learner_id","course_id","event_id");
  CREATE INDEX "learner_scores_learner_idx" ON "learner_scores" USING btree ("learner_id");
  CREATE INDEX "learner_scores_updated_at_idx" ON "learner_scores" USING btree ("updated_at");
  CREATE INDEX "learner_scores_created_at_idx" ON "learner_scores" USING btree ("created_at");
  CREATE UNIQUE INDEX "learner_courseId_idx" ON "learner_scores" USING btree ("learner_id","course_id");
  CREATE INDEX "courseId_listed_points_idx" ON "learner_scores" USING btree ("course_id","listed","points");
  CREATE INDEX "courseId_listed_week_weekPoints_idx" ON "learner_scores" USING btree ("course_id","listed","week","week_points");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_learners_fk" FOREIGN KEY ("learners_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_learner_events_fk" FOREIGN KEY ("learner_events_id") REFERENCES "public"."learner_events"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_learner_scores_fk" FOREIGN KEY ("learner_scores_id") REFERENCES "public"."learner_scores"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_learners_fk" FOREIGN KEY ("learners_id") REFERENCES "public"."learners"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_learners_id_idx" ON "payload_locked_documents_rels" USING btree ("learners_id");
  CREATE INDEX "payload_locked_documents_rels_learner_events_id_idx" ON "payload_locked_documents_rels" USING btree ("learner_events_id");
  CREATE INDEX "payload_locked_documents_rels_learner_scores_id_idx" ON "payload_locked_documents_rels" USING btree ("learner_scores_id");
  CREATE INDEX "payload_preferences_rels_learners_id_idx" ON "payload_preferences_rels" USING btree ("learners_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "learners_sessions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "learners" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "learner_events" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "learner_scores" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "learners_sessions" CASCADE;
  DROP TABLE "learners" CASCADE;
  DROP TABLE "learner_events" CASCADE;
  DROP TABLE "learner_scores" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_learners_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_learner_events_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_learner_scores_fk";
  
  ALTER TABLE "payload_preferences_rels" DROP CONSTRAINT "payload_preferences_rels_learners_fk";
  
  DROP INDEX "payload_locked_documents_rels_learners_id_idx";
  DROP INDEX "payload_locked_documents_rels_learner_events_id_idx";
  DROP INDEX "payload_locked_documents_rels_learner_scores_id_idx";
  DROP INDEX "payload_preferences_rels_learners_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "learners_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "learner_events_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "learner_scores_id";
  ALTER TABLE "payload_preferences_rels" DROP COLUMN "learners_id";
  DROP TYPE "public"."enum_learner_events_type";`)
}
