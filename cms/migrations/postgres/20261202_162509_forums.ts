import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_forum_threads_status" AS ENUM('visible', 'held', 'hidden', 'deleted');
  CREATE TYPE "public"."enum_forum_posts_status" AS ENUM('visible', 'held', 'hidden', 'deleted');
  ALTER TYPE "public"."enum_users_roles" ADD VALUE 'moderator';
  CREATE TABLE "forum_threads" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_id" varchar NOT NULL,
  	"module_id" varchar NOT NULL,
  	"locale" varchar NOT NULL,
  	"title" varchar NOT NULL,
  	"author_id" integer,
  	"author_name" varchar,
  	"status" "enum_forum_threads_status" DEFAULT 'visible' NOT NULL,
  	"replies" numeric DEFAULT 0,
  	"last_post_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "forum_posts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"thread_id" integer NOT NULL,
  	"course_id" varchar NOT NULL,
  	"first" boolean DEFAULT false,
  	"author_id" integer,
  	"author_name" varchar,
  	"status" "enum_forum_posts_status" DEFAULT 'visible' NOT NULL,
  	"reports" numeric DEFAULT 0,
  	"body" varchar NOT NULL,
  	"html" varchar,
  	"excerpt" varchar,
  	"edited_at" timestamp(3) with time zone,
  	"moderated_by_id" integer,
  	"moderated_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "forum_reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"post_id" integer NOT NULL,
  	"reporter_id" integer NOT NULL,
  	"reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "forum_threads_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "forum_posts_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "forum_reports_id" integer;
  ALTER TABLE "forum_threads" ADD CONSTRAINT "forum_threads_author_id_learners_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."learners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_thread_id_forum_threads_id_fk" FOREIGN KEY ("thread_id") REFERENCES "public"."forum_threads"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_author_id_learners_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."learners"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_posts" ADD CONSTRAINT "forum_posts_moderated_by_id_users_id_fk" FOREIGN KEY ("moderated_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_reports" ADD CONSTRAINT "forum_reports_post_id_forum_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."forum_posts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "forum_reports" ADD CONSTRAINT "forum_reports_reporter_id_learners_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."learners"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "forum_threads_author_idx" ON "forum_threads" USING btree ("author_id");
  CREATE INDEX "forum_threads_status_idx" ON "forum_threads" USING btree ("status");
  CREATE INDEX "forum_threads_updated_at_idx" ON "forum_threads" USING btree ("updated_at");
  CREATE INDEX "forum_threads_created_at_idx" ON "forum_threads" USING btree ("created_at");
  CREATE INDEX "courseId_moduleId_locale_status_lastPostAt_idx" ON "forum_threads" USING btree ("course_id","module_id","locale","status","last_post_at");
  CREATE INDEX "forum_posts_thread_idx" ON "forum_posts" USING btree ("thread_id");
  CREATE INDEX "forum_posts_author_idx" ON "forum_posts" USING btree ("author_id");
  CREATE INDEX "forum_posts_status_idx" ON "forum_posts" USING btree ("status");
  CREATE INDEX "forum_posts_moderated_by_idx" ON "forum_posts" USING btree ("moderated_by_id");
  CREATE INDEX "forum_posts_updated_at_idx" ON "forum_posts" USING btree ("updated_at");
  CREATE INDEX "forum_posts_created_at_idx" ON "forum_posts" USING btree ("created_at");
  CREATE INDEX "thread_status_createdAt_idx" ON "forum_posts" USING btree ("thread_id","status","created_at");
  CREATE INDEX "author_status_idx" ON "forum_posts" USING btree ("author_id","status");
  CREATE INDEX "forum_reports_post_idx" ON "forum_reports" USING btree ("post_id");
  CREATE INDEX "forum_reports_reporter_idx" ON "forum_reports" USING btree ("reporter_id");
  CREATE INDEX "forum_reports_updated_at_idx" ON "forum_reports" USING btree ("updated_at");
  CREATE INDEX "forum_reports_created_at_idx" ON "forum_reports" USING btree ("created_at");
  CREATE UNIQUE INDEX "post_reporter_idx" ON "forum_reports" USING btree ("post_id","reporter_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forum_threads_fk" FOREIGN KEY ("forum_threads_id") REFERENCES "public"."forum_threads"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forum_posts_fk" FOREIGN KEY ("forum_posts_id") REFERENCES "public"."forum_posts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_forum_reports_fk" FOREIGN KEY ("forum_reports_id") REFERENCES "public"."forum_reports"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_forum_threads_id_idx" ON "payload_locked_documents_rels" USING btree ("forum_threads_id");
  CREATE INDEX "payload_locked_documents_rels_forum_posts_id_idx" ON "payload_locked_documents_rels" USING btree ("forum_posts_id");
  CREATE INDEX "payload_locked_documents_rels_forum_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("forum_reports_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "forum_threads" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "forum_posts" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "forum_reports" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "forum_threads" CASCADE;
  DROP TABLE "forum_posts" CASCADE;
  DROP TABLE "forum_reports" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_forum_threads_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_forum_posts_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_forum_reports_fk";
  
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_users_roles";
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'author', 'translator', 'reviewer', 'evaluator');
  ALTER TABLE "users_roles" ALTER COLUMN "value" SET DATA TYPE "public"."enum_users_roles" USING "value"::"public"."enum_users_roles";
  DROP INDEX "payload_locked_documents_rels_forum_threads_id_idx";
  DROP INDEX "payload_locked_documents_rels_forum_posts_id_idx";
  DROP INDEX "payload_locked_documents_rels_forum_reports_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "forum_threads_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "forum_posts_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "forum_reports_id";
  DROP TYPE "public"."enum_forum_threads_status";
  DROP TYPE "public"."enum_forum_posts_status";`)
}
