import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."_locales" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum_users_roles" AS ENUM('admin', 'author', 'translator', 'reviewer');
  CREATE TYPE "public"."enum_users_work_locales" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum_courses_languages" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum_courses_source_locale" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum_courses_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__courses_v_version_languages" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum__courses_v_version_source_locale" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum__courses_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__courses_v_published_locale" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum_modules_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__modules_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__modules_v_published_locale" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum_units_questions_type" AS ENUM('single', 'multiple', 'truefalse', 'ordering', 'matching');
  CREATE TYPE "public"."enum_units_kind" AS ENUM('lesson', 'video', 'infosheet', 'quiz', 'challenge');
  CREATE TYPE "public"."enum_units_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__units_v_version_questions_type" AS ENUM('single', 'multiple', 'truefalse', 'ordering', 'matching');
  CREATE TYPE "public"."enum__units_v_version_kind" AS ENUM('lesson', 'video', 'infosheet', 'quiz', 'challenge');
  CREATE TYPE "public"."enum__units_v_version_status" AS ENUM('draft', 'published');
  CREATE TYPE "public"."enum__units_v_published_locale" AS ENUM('en', 'fr', 'es', 'ar', 'zh', 'ru', 'pt', 'de', 'uk', 'hi', 'sw', 'el');
  CREATE TYPE "public"."enum_publish_jobs_state" AS ENUM('running', 'done', 'failed');
  CREATE TABLE "users_roles" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_roles",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_work_locales" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_users_work_locales",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "courses_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_courses_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "courses_glossary" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"term_id" varchar
  );
  
  CREATE TABLE "courses_glossary_locales" (
  	"term" varchar,
  	"definition" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "courses_questionnaire_scale_labels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "courses_questionnaire_scale_labels_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "courses_questionnaire_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"item_id" varchar,
  	"reversed" boolean
  );
  
  CREATE TABLE "courses_questionnaire_items_locales" (
  	"text" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "courses" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_id" varchar,
  	"source_locale" "enum_courses_source_locale" DEFAULT 'en',
  	"theme" varchar DEFAULT 'default',
  	"points_lesson_viewed" numeric DEFAULT 10,
  	"points_correct_answer" numeric DEFAULT 5,
  	"points_challenge_done" numeric DEFAULT 20,
  	"points_replay_counts_only_if_better" boolean DEFAULT true,
  	"questionnaire_questionnaire_id" varchar,
  	"questionnaire_scale" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_courses_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "courses_locales" (
  	"title" varchar,
  	"description" varchar,
  	"questionnaire_title" varchar,
  	"questionnaire_intro" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "courses_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"modules_id" integer
  );
  
  CREATE TABLE "_courses_v_version_languages" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum__courses_v_version_languages",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "_courses_v_version_glossary" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"term_id" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_courses_v_version_glossary_locales" (
  	"term" varchar,
  	"definition" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_courses_v_version_questionnaire_scale_labels" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_courses_v_version_questionnaire_scale_labels_locales" (
  	"label" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_courses_v_version_questionnaire_items" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"item_id" varchar,
  	"reversed" boolean,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_courses_v_version_questionnaire_items_locales" (
  	"text" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_courses_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_course_id" varchar,
  	"version_source_locale" "enum__courses_v_version_source_locale" DEFAULT 'en',
  	"version_theme" varchar DEFAULT 'default',
  	"version_points_lesson_viewed" numeric DEFAULT 10,
  	"version_points_correct_answer" numeric DEFAULT 5,
  	"version_points_challenge_done" numeric DEFAULT 20,
  	"version_points_replay_counts_only_if_better" boolean DEFAULT true,
  	"version_questionnaire_questionnaire_id" varchar,
  	"version_questionnaire_scale" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__courses_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__courses_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_courses_v_locales" (
  	"version_title" varchar,
  	"version_description" varchar,
  	"version_questionnaire_title" varchar,
  	"version_questionnaire_intro" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_courses_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"modules_id" integer
  );
  
  CREATE TABLE "modules" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"module_id" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_modules_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "modules_locales" (
  	"title" varchar,
  	"summary" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "modules_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"units_id" integer
  );
  
  CREATE TABLE "_modules_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_module_id" varchar,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__modules_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__modules_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_modules_v_locales" (
  	"version_title" varchar,
  	"version_summary" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_modules_v_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"units_id" integer
  );
  
  CREATE TABLE "units_captions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"locale" varchar,
  	"vtt" varchar
  );
  
  CREATE TABLE "units_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"option_id" varchar,
  	"correct" boolean
  );
  
  CREATE TABLE "units_questions_options_locales" (
  	"text" varchar,
  	"feedback" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "units_questions_targets" (
  	"_order" integer NOT NULL,
  	"_parent_id" varchar NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"target_id" varchar
  );
  
  CREATE TABLE "units_questions_targets_locales" (
  	"text" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "units_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"question_id" varchar,
  	"type" "enum_units_questions_type",
  	"correct" jsonb
  );
  
  CREATE TABLE "units_questions_locales" (
  	"prompt" varchar,
  	"correct_feedback" varchar,
  	"incorrect_feedback" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" varchar NOT NULL
  );
  
  CREATE TABLE "units" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"unit_id" varchar,
  	"kind" "enum_units_kind",
  	"src" varchar,
  	"poster" varchar,
  	"pass_mark" numeric DEFAULT 60,
  	"points" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"_status" "enum_units_status" DEFAULT 'draft'
  );
  
  CREATE TABLE "units_locales" (
  	"title" varchar,
  	"body" varchar,
  	"transcript" varchar,
  	"intro" varchar,
  	"prompt" varchar,
  	"commitment" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_units_v_version_captions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"locale" varchar,
  	"vtt" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_units_v_version_questions_options" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"option_id" varchar,
  	"correct" boolean,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_units_v_version_questions_options_locales" (
  	"text" varchar,
  	"feedback" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_units_v_version_questions_targets" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"target_id" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_units_v_version_questions_targets_locales" (
  	"text" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_units_v_version_questions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"question_id" varchar,
  	"type" "enum__units_v_version_questions_type",
  	"correct" jsonb,
  	"_uuid" varchar
  );
  
  CREATE TABLE "_units_v_version_questions_locales" (
  	"prompt" varchar,
  	"correct_feedback" varchar,
  	"incorrect_feedback" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "_units_v" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"parent_id" integer,
  	"version_unit_id" varchar,
  	"version_kind" "enum__units_v_version_kind",
  	"version_src" varchar,
  	"version_poster" varchar,
  	"version_pass_mark" numeric DEFAULT 60,
  	"version_points" numeric,
  	"version_updated_at" timestamp(3) with time zone,
  	"version_created_at" timestamp(3) with time zone,
  	"version__status" "enum__units_v_version_status" DEFAULT 'draft',
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"snapshot" boolean,
  	"published_locale" "enum__units_v_published_locale",
  	"latest" boolean
  );
  
  CREATE TABLE "_units_v_locales" (
  	"version_title" varchar,
  	"version_body" varchar,
  	"version_transcript" varchar,
  	"version_intro" varchar,
  	"version_prompt" varchar,
  	"version_commitment" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "media" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_path" varchar,
  	"sha256" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric,
  	"sizes_w480_url" varchar,
  	"sizes_w480_width" numeric,
  	"sizes_w480_height" numeric,
  	"sizes_w480_mime_type" varchar,
  	"sizes_w480_filesize" numeric,
  	"sizes_w480_filename" varchar,
  	"sizes_w960_url" varchar,
  	"sizes_w960_width" numeric,
  	"sizes_w960_height" numeric,
  	"sizes_w960_mime_type" varchar,
  	"sizes_w960_filesize" numeric,
  	"sizes_w960_filename" varchar,
  	"sizes_w1440_url" varchar,
  	"sizes_w1440_width" numeric,
  	"sizes_w1440_height" numeric,
  	"sizes_w1440_mime_type" varchar,
  	"sizes_w1440_filesize" numeric,
  	"sizes_w1440_filename" varchar
  );
  
  CREATE TABLE "media_locales" (
  	"alt" varchar,
  	"id" serial PRIMARY KEY NOT NULL,
  	"_locale" "_locales" NOT NULL,
  	"_parent_id" integer NOT NULL
  );
  
  CREATE TABLE "publish_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"course_id" varchar NOT NULL,
  	"state" "enum_publish_jobs_state" NOT NULL,
  	"done" numeric,
  	"total" numeric,
  	"output_dir" varchar,
  	"diagnostics" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer,
  	"courses_id" integer,
  	"modules_id" integer,
  	"units_id" integer,
  	"media_id" integer,
  	"publish_jobs_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "users_roles" ADD CONSTRAINT "users_roles_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_work_locales" ADD CONSTRAINT "users_work_locales_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_languages" ADD CONSTRAINT "courses_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_glossary" ADD CONSTRAINT "courses_glossary_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_glossary_locales" ADD CONSTRAINT "courses_glossary_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses_glossary"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_questionnaire_scale_labels" ADD CONSTRAINT "courses_questionnaire_scale_labels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_questionnaire_scale_labels_locales" ADD CONSTRAINT "courses_questionnaire_scale_labels_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses_questionnaire_scale_labels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_questionnaire_items" ADD CONSTRAINT "courses_questionnaire_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_questionnaire_items_locales" ADD CONSTRAINT "courses_questionnaire_items_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses_questionnaire_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_locales" ADD CONSTRAINT "courses_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_rels" ADD CONSTRAINT "courses_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "courses_rels" ADD CONSTRAINT "courses_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_languages" ADD CONSTRAINT "_courses_v_version_languages_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_glossary" ADD CONSTRAINT "_courses_v_version_glossary_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_glossary_locales" ADD CONSTRAINT "_courses_v_version_glossary_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v_version_glossary"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_questionnaire_scale_labels" ADD CONSTRAINT "_courses_v_version_questionnaire_scale_labels_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_questionnaire_scale_labels_locales" ADD CONSTRAINT "_courses_v_version_questionnaire_scale_labels_locales_par_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v_version_questionnaire_scale_labels"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_questionnaire_items" ADD CONSTRAINT "_courses_v_version_questionnaire_items_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_version_questionnaire_items_locales" ADD CONSTRAINT "_courses_v_version_questionnaire_items_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v_version_questionnaire_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v" ADD CONSTRAINT "_courses_v_parent_id_courses_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."courses"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_courses_v_locales" ADD CONSTRAINT "_courses_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_rels" ADD CONSTRAINT "_courses_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_courses_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_courses_v_rels" ADD CONSTRAINT "_courses_v_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_locales" ADD CONSTRAINT "modules_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "modules_rels" ADD CONSTRAINT "modules_rels_units_fk" FOREIGN KEY ("units_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v" ADD CONSTRAINT "_modules_v_parent_id_modules_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."modules"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_modules_v_locales" ADD CONSTRAINT "_modules_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."_modules_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_modules_v_rels" ADD CONSTRAINT "_modules_v_rels_units_fk" FOREIGN KEY ("units_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_captions" ADD CONSTRAINT "units_captions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_questions_options" ADD CONSTRAINT "units_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_questions_options_locales" ADD CONSTRAINT "units_questions_options_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units_questions_options"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_questions_targets" ADD CONSTRAINT "units_questions_targets_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_questions_targets_locales" ADD CONSTRAINT "units_questions_targets_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units_questions_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_questions" ADD CONSTRAINT "units_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_questions_locales" ADD CONSTRAINT "units_questions_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "units_locales" ADD CONSTRAINT "units_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_version_captions" ADD CONSTRAINT "_units_v_version_captions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_version_questions_options" ADD CONSTRAINT "_units_v_version_questions_options_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v_version_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_version_questions_options_locales" ADD CONSTRAINT "_units_v_version_questions_options_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v_version_questions_options"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_version_questions_targets" ADD CONSTRAINT "_units_v_version_questions_targets_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v_version_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_version_questions_targets_locales" ADD CONSTRAINT "_units_v_version_questions_targets_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v_version_questions_targets"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_version_questions" ADD CONSTRAINT "_units_v_version_questions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v_version_questions_locales" ADD CONSTRAINT "_units_v_version_questions_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v_version_questions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_units_v" ADD CONSTRAINT "_units_v_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "_units_v_locales" ADD CONSTRAINT "_units_v_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_units_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "media_locales" ADD CONSTRAINT "media_locales_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_courses_fk" FOREIGN KEY ("courses_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_modules_fk" FOREIGN KEY ("modules_id") REFERENCES "public"."modules"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_units_fk" FOREIGN KEY ("units_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_media_fk" FOREIGN KEY ("media_id") REFERENCES "public"."media"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_publish_jobs_fk" FOREIGN KEY ("publish_jobs_id") REFERENCES "public"."publish_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "users_roles_order_idx" ON "users_roles" USING btree ("order");
  CREATE INDEX "users_roles_parent_idx" ON "users_roles" USING btree ("parent_id");
  CREATE INDEX "users_work_locales_order_idx" ON "users_work_locales" USING btree ("order");
  CREATE INDEX "users_work_locales_parent_idx" ON "users_work_locales" USING btree ("parent_id");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_email_idx" ON "users" USING btree ("email");
  CREATE INDEX "courses_languages_order_idx" ON "courses_languages" USING btree ("order");
  CREATE INDEX "courses_languages_parent_idx" ON "courses_languages" USING btree ("parent_id");
  CREATE INDEX "courses_glossary_order_idx" ON "courses_glossary" USING btree ("_order");
  CREATE INDEX "courses_glossary_parent_id_idx" ON "courses_glossary" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "courses_glossary_locales_locale_parent_id_unique" ON "courses_glossary_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "courses_questionnaire_scale_labels_order_idx" ON "courses_questionnaire_scale_labels" USING btree ("_order");
  CREATE INDEX "courses_questionnaire_scale_labels_parent_id_idx" ON "courses_questionnaire_scale_labels" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "courses_questionnaire_scale_labels_locales_locale_parent_id_" ON "courses_questionnaire_scale_labels_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "courses_questionnaire_items_order_idx" ON "courses_questionnaire_items" USING btree ("_order");
  CREATE INDEX "courses_questionnaire_items_parent_id_idx" ON "courses_questionnaire_items" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "courses_questionnaire_items_locales_locale_parent_id_unique" ON "courses_questionnaire_items_locales" USING btree ("_locale","_parent_id");
  CREATE UNIQUE INDEX "courses_course_id_idx" ON "courses" USING btree ("course_id");
  CREATE INDEX "courses_updated_at_idx" ON "courses" USING btree ("updated_at");
  CREATE INDEX "courses_created_at_idx" ON "courses" USING btree ("created_at");
  CREATE INDEX "courses__status_idx" ON "courses" USING btree ("_status");
  CREATE UNIQUE INDEX "courses_locales_locale_parent_id_unique" ON "courses_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "courses_rels_order_idx" ON "courses_rels" USING btree ("order");
  CREATE INDEX "courses_rels_parent_idx" ON "courses_rels" USING btree ("parent_id");
  CREATE INDEX "courses_rels_path_idx" ON "courses_rels" USING btree ("path");
  CREATE INDEX "courses_rels_modules_id_idx" ON "courses_rels" USING btree ("modules_id");
  CREATE INDEX "_courses_v_version_languages_order_idx" ON "_courses_v_version_languages" USING btree ("order");
  CREATE INDEX "_courses_v_version_languages_parent_idx" ON "_courses_v_version_languages" USING btree ("parent_id");
  CREATE INDEX "_courses_v_version_glossary_order_idx" ON "_courses_v_version_glossary" USING btree ("_order");
  CREATE INDEX "_courses_v_version_glossary_parent_id_idx" ON "_courses_v_version_glossary" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_courses_v_version_glossary_locales_locale_parent_id_unique" ON "_courses_v_version_glossary_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_courses_v_version_questionnaire_scale_labels_order_idx" ON "_courses_v_version_questionnaire_scale_labels" USING btree ("_order");
  CREATE INDEX "_courses_v_version_questionnaire_scale_labels_parent_id_idx" ON "_courses_v_version_questionnaire_scale_labels" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_courses_v_version_questionnaire_scale_labels_locales_locale" ON "_courses_v_version_questionnaire_scale_labels_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_courses_v_version_questionnaire_items_order_idx" ON "_courses_v_version_questionnaire_items" USING btree ("_order");
  CREATE INDEX "_courses_v_version_questionnaire_items_parent_id_idx" ON "_courses_v_version_questionnaire_items" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_courses_v_version_questionnaire_items_locales_locale_parent" ON "_courses_v_version_questionnaire_items_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_courses_v_parent_idx" ON "_courses_v" USING btree ("parent_id");
  CREATE INDEX "_courses_v_version_version_course_id_idx" ON "_courses_v" USING btree ("version_course_id");
  CREATE INDEX "_courses_v_version_version_updated_at_idx" ON "_courses_v" USING btree ("version_updated_at");
  CREATE INDEX "_courses_v_version_version_created_at_idx" ON "_courses_v" USING btree ("version_created_at");
  CREATE INDEX "_courses_v_version_version__status_idx" ON "_courses_v" USING btree ("version__status");
  CREATE INDEX "_courses_v_created_at_idx" ON "_courses_v" USING btree ("created_at");
  CREATE INDEX "_courses_v_updated_at_idx" ON "_courses_v" USING btree ("updated_at");
  CREATE INDEX "_courses_v_snapshot_idx" ON "_courses_v" USING btree ("snapshot");
  CREATE INDEX "_courses_v_published_locale_idx" ON "_courses_v" USING btree ("published_locale");
  CREATE INDEX "_courses_v_latest_idx" ON "_courses_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_courses_v_locales_locale_parent_id_unique" ON "_courses_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_courses_v_rels_order_idx" ON "_courses_v_rels" USING btree ("order");
  CREATE INDEX "_courses_v_rels_parent_idx" ON "_courses_v_rels" USING btree ("parent_id");
  CREATE INDEX "_courses_v_rels_path_idx" ON "_courses_v_rels" USING btree ("path");
  CREATE INDEX "_courses_v_rels_modules_id_idx" ON "_courses_v_rels" USING btree ("modules_id");
  CREATE INDEX "modules_updated_at_idx" ON "modules" USING btree ("updated_at");
  CREATE INDEX "modules_created_at_idx" ON "modules" USING btree ("created_at");
  CREATE INDEX "modules__status_idx" ON "modules" USING btree ("_status");
  CREATE UNIQUE INDEX "modules_locales_locale_parent_id_unique" ON "modules_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "modules_rels_order_idx" ON "modules_rels" USING btree ("order");
  CREATE INDEX "modules_rels_parent_idx" ON "modules_rels" USING btree ("parent_id");
  CREATE INDEX "modules_rels_path_idx" ON "modules_rels" USING btree ("path");
  CREATE INDEX "modules_rels_units_id_idx" ON "modules_rels" USING btree ("units_id");
  CREATE INDEX "_modules_v_parent_idx" ON "_modules_v" USING btree ("parent_id");
  CREATE INDEX "_modules_v_version_version_updated_at_idx" ON "_modules_v" USING btree ("version_updated_at");
  CREATE INDEX "_modules_v_version_version_created_at_idx" ON "_modules_v" USING btree ("version_created_at");
  CREATE INDEX "_modules_v_version_version__status_idx" ON "_modules_v" USING btree ("version__status");
  CREATE INDEX "_modules_v_created_at_idx" ON "_modules_v" USING btree ("created_at");
  CREATE INDEX "_modules_v_updated_at_idx" ON "_modules_v" USING btree ("updated_at");
  CREATE INDEX "_modules_v_snapshot_idx" ON "_modules_v" USING btree ("snapshot");
  CREATE INDEX "_modules_v_published_locale_idx" ON "_modules_v" USING btree ("published_locale");
  CREATE INDEX "_modules_v_latest_idx" ON "_modules_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_modules_v_locales_locale_parent_id_unique" ON "_modules_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_modules_v_rels_order_idx" ON "_modules_v_rels" USING btree ("order");
  CREATE INDEX "_modules_v_rels_parent_idx" ON "_modules_v_rels" USING btree ("parent_id");
  CREATE INDEX "_modules_v_rels_path_idx" ON "_modules_v_rels" USING btree ("path");
  CREATE INDEX "_modules_v_rels_units_id_idx" ON "_modules_v_rels" USING btree ("units_id");
  CREATE INDEX "units_captions_order_idx" ON "units_captions" USING btree ("_order");
  CREATE INDEX "units_captions_parent_id_idx" ON "units_captions" USING btree ("_parent_id");
  CREATE INDEX "units_questions_options_order_idx" ON "units_questions_options" USING btree ("_order");
  CREATE INDEX "units_questions_options_parent_id_idx" ON "units_questions_options" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "units_questions_options_locales_locale_parent_id_unique" ON "units_questions_options_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "units_questions_targets_order_idx" ON "units_questions_targets" USING btree ("_order");
  CREATE INDEX "units_questions_targets_parent_id_idx" ON "units_questions_targets" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "units_questions_targets_locales_locale_parent_id_unique" ON "units_questions_targets_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "units_questions_order_idx" ON "units_questions" USING btree ("_order");
  CREATE INDEX "units_questions_parent_id_idx" ON "units_questions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "units_questions_locales_locale_parent_id_unique" ON "units_questions_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "units_updated_at_idx" ON "units" USING btree ("updated_at");
  CREATE INDEX "units_created_at_idx" ON "units" USING btree ("created_at");
  CREATE INDEX "units__status_idx" ON "units" USING btree ("_status");
  CREATE UNIQUE INDEX "units_locales_locale_parent_id_unique" ON "units_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_units_v_version_captions_order_idx" ON "_units_v_version_captions" USING btree ("_order");
  CREATE INDEX "_units_v_version_captions_parent_id_idx" ON "_units_v_version_captions" USING btree ("_parent_id");
  CREATE INDEX "_units_v_version_questions_options_order_idx" ON "_units_v_version_questions_options" USING btree ("_order");
  CREATE INDEX "_units_v_version_questions_options_parent_id_idx" ON "_units_v_version_questions_options" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_units_v_version_questions_options_locales_locale_parent_id_" ON "_units_v_version_questions_options_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_units_v_version_questions_targets_order_idx" ON "_units_v_version_questions_targets" USING btree ("_order");
  CREATE INDEX "_units_v_version_questions_targets_parent_id_idx" ON "_units_v_version_questions_targets" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_units_v_version_questions_targets_locales_locale_parent_id_" ON "_units_v_version_questions_targets_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_units_v_version_questions_order_idx" ON "_units_v_version_questions" USING btree ("_order");
  CREATE INDEX "_units_v_version_questions_parent_id_idx" ON "_units_v_version_questions" USING btree ("_parent_id");
  CREATE UNIQUE INDEX "_units_v_version_questions_locales_locale_parent_id_unique" ON "_units_v_version_questions_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "_units_v_parent_idx" ON "_units_v" USING btree ("parent_id");
  CREATE INDEX "_units_v_version_version_updated_at_idx" ON "_units_v" USING btree ("version_updated_at");
  CREATE INDEX "_units_v_version_version_created_at_idx" ON "_units_v" USING btree ("version_created_at");
  CREATE INDEX "_units_v_version_version__status_idx" ON "_units_v" USING btree ("version__status");
  CREATE INDEX "_units_v_created_at_idx" ON "_units_v" USING btree ("created_at");
  CREATE INDEX "_units_v_updated_at_idx" ON "_units_v" USING btree ("updated_at");
  CREATE INDEX "_units_v_snapshot_idx" ON "_units_v" USING btree ("snapshot");
  CREATE INDEX "_units_v_published_locale_idx" ON "_units_v" USING btree ("published_locale");
  CREATE INDEX "_units_v_latest_idx" ON "_units_v" USING btree ("latest");
  CREATE UNIQUE INDEX "_units_v_locales_locale_parent_id_unique" ON "_units_v_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "media_course_path_idx" ON "media" USING btree ("course_path");
  CREATE INDEX "media_sha256_idx" ON "media" USING btree ("sha256");
  CREATE INDEX "media_updated_at_idx" ON "media" USING btree ("updated_at");
  CREATE INDEX "media_created_at_idx" ON "media" USING btree ("created_at");
  CREATE UNIQUE INDEX "media_filename_idx" ON "media" USING btree ("filename");
  CREATE INDEX "media_sizes_w480_sizes_w480_filename_idx" ON "media" USING btree ("sizes_w480_filename");
  CREATE INDEX "media_sizes_w960_sizes_w960_filename_idx" ON "media" USING btree ("sizes_w960_filename");
  CREATE INDEX "media_sizes_w1440_sizes_w1440_filename_idx" ON "media" USING btree ("sizes_w1440_filename");
  CREATE UNIQUE INDEX "media_locales_locale_parent_id_unique" ON "media_locales" USING btree ("_locale","_parent_id");
  CREATE INDEX "publish_jobs_course_id_idx" ON "publish_jobs" USING btree ("course_id");
  CREATE INDEX "publish_jobs_updated_at_idx" ON "publish_jobs" USING btree ("updated_at");
  CREATE INDEX "publish_jobs_created_at_idx" ON "publish_jobs" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_courses_id_idx" ON "payload_locked_documents_rels" USING btree ("courses_id");
  CREATE INDEX "payload_locked_documents_rels_modules_id_idx" ON "payload_locked_documents_rels" USING btree ("modules_id");
  CREATE INDEX "payload_locked_documents_rels_units_id_idx" ON "payload_locked_documents_rels" USING btree ("units_id");
  CREATE INDEX "payload_locked_documents_rels_media_id_idx" ON "payload_locked_documents_rels" USING btree ("media_id");
  CREATE INDEX "payload_locked_documents_rels_publish_jobs_id_idx" ON "payload_locked_documents_rels" USING btree ("publish_jobs_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "users_roles" CASCADE;
  DROP TABLE "users_work_locales" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "courses_languages" CASCADE;
  DROP TABLE "courses_glossary" CASCADE;
  DROP TABLE "courses_glossary_locales" CASCADE;
  DROP TABLE "courses_questionnaire_scale_labels" CASCADE;
  DROP TABLE "courses_questionnaire_scale_labels_locales" CASCADE;
  DROP TABLE "courses_questionnaire_items" CASCADE;
  DROP TABLE "courses_questionnaire_items_locales" CASCADE;
  DROP TABLE "courses" CASCADE;
  DROP TABLE "courses_locales" CASCADE;
  DROP TABLE "courses_rels" CASCADE;
  DROP TABLE "_courses_v_version_languages" CASCADE;
  DROP TABLE "_courses_v_version_glossary" CASCADE;
  DROP TABLE "_courses_v_version_glossary_locales" CASCADE;
  DROP TABLE "_courses_v_version_questionnaire_scale_labels" CASCADE;
  DROP TABLE "_courses_v_version_questionnaire_scale_labels_locales" CASCADE;
  DROP TABLE "_courses_v_version_questionnaire_items" CASCADE;
  DROP TABLE "_courses_v_version_questionnaire_items_locales" CASCADE;
  DROP TABLE "_courses_v" CASCADE;
  DROP TABLE "_courses_v_locales" CASCADE;
  DROP TABLE "_courses_v_rels" CASCADE;
  DROP TABLE "modules" CASCADE;
  DROP TABLE "modules_locales" CASCADE;
  DROP TABLE "modules_rels" CASCADE;
  DROP TABLE "_modules_v" CASCADE;
  DROP TABLE "_modules_v_locales" CASCADE;
  DROP TABLE "_modules_v_rels" CASCADE;
  DROP TABLE "units_captions" CASCADE;
  DROP TABLE "units_questions_options" CASCADE;
  DROP TABLE "units_questions_options_locales" CASCADE;
  DROP TABLE "units_questions_targets" CASCADE;
  DROP TABLE "units_questions_targets_locales" CASCADE;
  DROP TABLE "units_questions" CASCADE;
  DROP TABLE "units_questions_locales" CASCADE;
  DROP TABLE "units" CASCADE;
  DROP TABLE "units_locales" CASCADE;
  DROP TABLE "_units_v_version_captions" CASCADE;
  DROP TABLE "_units_v_version_questions_options" CASCADE;
  DROP TABLE "_units_v_version_questions_options_locales" CASCADE;
  DROP TABLE "_units_v_version_questions_targets" CASCADE;
  DROP TABLE "_units_v_version_questions_targets_locales" CASCADE;
  DROP TABLE "_units_v_version_questions" CASCADE;
  DROP TABLE "_units_v_version_questions_locales" CASCADE;
  DROP TABLE "_units_v" CASCADE;
  DROP TABLE "_units_v_locales" CASCADE;
  DROP TABLE "media" CASCADE;
  DROP TABLE "media_locales" CASCADE;
  DROP TABLE "publish_jobs" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TYPE "public"."_locales";
  DROP TYPE "public"."enum_users_roles";
  DROP TYPE "public"."enum_users_work_locales";
  DROP TYPE "public"."enum_courses_languages";
  DROP TYPE "public"."enum_courses_source_locale";
  DROP TYPE "public"."enum_courses_status";
  DROP TYPE "public"."enum__courses_v_version_languages";
  DROP TYPE "public"."enum__courses_v_version_source_locale";
  DROP TYPE "public"."enum__courses_v_version_status";
  DROP TYPE "public"."enum__courses_v_published_locale";
  DROP TYPE "public"."enum_modules_status";
  DROP TYPE "public"."enum__modules_v_version_status";
  DROP TYPE "public"."enum__modules_v_published_locale";
  DROP TYPE "public"."enum_units_questions_type";
  DROP TYPE "public"."enum_units_kind";
  DROP TYPE "public"."enum_units_status";
  DROP TYPE "public"."enum__units_v_version_questions_type";
  DROP TYPE "public"."enum__units_v_version_kind";
  DROP TYPE "public"."enum__units_v_version_status";
  DROP TYPE "public"."enum__units_v_published_locale";
  DROP TYPE "public"."enum_publish_jobs_state";`)
}
