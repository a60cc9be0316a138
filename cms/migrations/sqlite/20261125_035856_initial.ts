import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`users_roles\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_roles_order_idx\` ON \`users_roles\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_roles_parent_idx\` ON \`users_roles\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_work_locales\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_work_locales_order_idx\` ON \`users_work_locales\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_work_locales_parent_idx\` ON \`users_work_locales\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_email_idx\` ON \`users\` (\`email\`);`)
  await db.run(sql`CREATE TABLE \`courses_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`courses_languages_order_idx\` ON \`courses_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`courses_languages_parent_idx\` ON \`courses_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses_glossary\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`term_id\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`courses_glossary_order_idx\` ON \`courses_glossary\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`courses_glossary_parent_id_idx\` ON \`courses_glossary\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses_glossary_locales\` (
  	\`term\` text,
  	\`definition\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`courses_glossary\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`courses_glossary_locales_locale_parent_id_unique\` ON \`courses_glossary_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses_questionnaire_scale_labels\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`courses_questionnaire_scale_labels_order_idx\` ON \`courses_questionnaire_scale_labels\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`courses_questionnaire_scale_labels_parent_id_idx\` ON \`courses_questionnaire_scale_labels\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses_questionnaire_scale_labels_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`courses_questionnaire_scale_labels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`courses_questionnaire_scale_labels_locales_locale_parent_id_\` ON \`courses_questionnaire_scale_labels_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses_questionnaire_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`item_id\` text,
  	\`reversed\` integer,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`courses_questionnaire_items_order_idx\` ON \`courses_questionnaire_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`courses_questionnaire_items_parent_id_idx\` ON \`courses_questionnaire_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses_questionnaire_items_locales\` (
  	\`text\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`courses_questionnaire_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`courses_questionnaire_items_locales_locale_parent_id_unique\` ON \`courses_questionnaire_items_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`course_id\` text,
  	\`source_locale\` text DEFAULT 'en',
  	\`theme\` text DEFAULT 'default',
  	\`points_lesson_viewed\` numeric DEFAULT 10,
  	\`points_correct_answer\` numeric DEFAULT 5,
  	\`points_challenge_done\` numeric DEFAULT 20,
  	\`points_replay_counts_only_if_better\` integer DEFAULT true,
  	\`questionnaire_questionnaire_id\` text,
  	\`questionnaire_scale\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`courses_course_id_idx\` ON \`courses\` (\`course_id\`);`)
  await db.run(sql`CREATE INDEX \`courses_updated_at_idx\` ON \`courses\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`courses_created_at_idx\` ON \`courses\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`courses__status_idx\` ON \`courses\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`courses_locales\` (
  	\`title\` text,
  	\`description\` text,
  	\`questionnaire_title\` text,
  	\`questionnaire_intro\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`courses_locales_locale_parent_id_unique\` ON \`courses_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`courses_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`modules_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`courses_rels_order_idx\` ON \`courses_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`courses_rels_parent_idx\` ON \`courses_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`courses_rels_path_idx\` ON \`courses_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`courses_rels_modules_id_idx\` ON \`courses_rels\` (\`modules_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_version_languages\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_courses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_courses_v_version_languages_order_idx\` ON \`_courses_v_version_languages\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_languages_parent_idx\` ON \`_courses_v_version_languages\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_version_glossary\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`term_id\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_courses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_courses_v_version_glossary_order_idx\` ON \`_courses_v_version_glossary\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_glossary_parent_id_idx\` ON \`_courses_v_version_glossary\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_version_glossary_locales\` (
  	\`term\` text,
  	\`definition\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_courses_v_version_glossary\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_courses_v_version_glossary_locales_locale_parent_id_unique\` ON \`_courses_v_version_glossary_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_version_questionnaire_scale_labels\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_courses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_courses_v_version_questionnaire_scale_labels_order_idx\` ON \`_courses_v_version_questionnaire_scale_labels\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_questionnaire_scale_labels_parent_id_idx\` ON \`_courses_v_version_questionnaire_scale_labels\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_version_questionnaire_scale_labels_locales\` (
  	\`label\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_courses_v_version_questionnaire_scale_labels\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_courses_v_version_questionnaire_scale_labels_locales_locale\` ON \`_courses_v_version_questionnaire_scale_labels_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_version_questionnaire_items\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`item_id\` text,
  	\`reversed\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_courses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_courses_v_version_questionnaire_items_order_idx\` ON \`_courses_v_version_questionnaire_items\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_questionnaire_items_parent_id_idx\` ON \`_courses_v_version_questionnaire_items\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_version_questionnaire_items_locales\` (
  	\`text\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_courses_v_version_questionnaire_items\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_courses_v_version_questionnaire_items_locales_locale_parent\` ON \`_courses_v_version_questionnaire_items_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_course_id\` text,
  	\`version_source_locale\` text DEFAULT 'en',
  	\`version_theme\` text DEFAULT 'default',
  	\`version_points_lesson_viewed\` numeric DEFAULT 10,
  	\`version_points_correct_answer\` numeric DEFAULT 5,
  	\`version_points_challenge_done\` numeric DEFAULT 20,
  	\`version_points_replay_counts_only_if_better\` integer DEFAULT true,
  	\`version_questionnaire_questionnaire_id\` text,
  	\`version_questionnaire_scale\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_courses_v_parent_idx\` ON \`_courses_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_version_course_id_idx\` ON \`_courses_v\` (\`version_course_id\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_version_updated_at_idx\` ON \`_courses_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_version_created_at_idx\` ON \`_courses_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_version_version__status_idx\` ON \`_courses_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_created_at_idx\` ON \`_courses_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_updated_at_idx\` ON \`_courses_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_snapshot_idx\` ON \`_courses_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_published_locale_idx\` ON \`_courses_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_latest_idx\` ON \`_courses_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_locales\` (
  	\`version_title\` text,
  	\`version_description\` text,
  	\`version_questionnaire_title\` text,
  	\`version_questionnaire_intro\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_courses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_courses_v_locales_locale_parent_id_unique\` ON \`_courses_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_courses_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`modules_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_courses_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_courses_v_rels_order_idx\` ON \`_courses_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_rels_parent_idx\` ON \`_courses_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_rels_path_idx\` ON \`_courses_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_courses_v_rels_modules_id_idx\` ON \`_courses_v_rels\` (\`modules_id\`);`)
  await db.run(sql`CREATE TABLE \`modules\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`module_id\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE INDEX \`modules_updated_at_idx\` ON \`modules\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`modules_created_at_idx\` ON \`modules\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`modules__status_idx\` ON \`modules\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`modules_locales\` (
  	\`title\` text,
  	\`summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`modules_locales_locale_parent_id_unique\` ON \`modules_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`modules_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`units_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`modules_rels_order_idx\` ON \`modules_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`modules_rels_parent_idx\` ON \`modules_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`modules_rels_path_idx\` ON \`modules_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`modules_rels_units_id_idx\` ON \`modules_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE TABLE \`_modules_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_module_id\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_modules_v_parent_idx\` ON \`_modules_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_version_version_updated_at_idx\` ON \`_modules_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_version_version_created_at_idx\` ON \`_modules_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_version_version__status_idx\` ON \`_modules_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_created_at_idx\` ON \`_modules_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_updated_at_idx\` ON \`_modules_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_snapshot_idx\` ON \`_modules_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_published_locale_idx\` ON \`_modules_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_latest_idx\` ON \`_modules_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_modules_v_locales\` (
  	\`version_title\` text,
  	\`version_summary\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_modules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_modules_v_locales_locale_parent_id_unique\` ON \`_modules_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_modules_v_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`units_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`_modules_v\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_modules_v_rels_order_idx\` ON \`_modules_v_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_rels_parent_idx\` ON \`_modules_v_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_rels_path_idx\` ON \`_modules_v_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`_modules_v_rels_units_id_idx\` ON \`_modules_v_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE TABLE \`units_captions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`locale\` text,
  	\`vtt\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`units_captions_order_idx\` ON \`units_captions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`units_captions_parent_id_idx\` ON \`units_captions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`units_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`option_id\` text,
  	\`correct\` integer,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`units_questions_options_order_idx\` ON \`units_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`units_questions_options_parent_id_idx\` ON \`units_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`units_questions_options_locales\` (
  	\`text\` text,
  	\`feedback\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units_questions_options\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`units_questions_options_locales_locale_parent_id_unique\` ON \`units_questions_options_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`units_questions_targets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`target_id\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`units_questions_targets_order_idx\` ON \`units_questions_targets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`units_questions_targets_parent_id_idx\` ON \`units_questions_targets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`units_questions_targets_locales\` (
  	\`text\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units_questions_targets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`units_questions_targets_locales_locale_parent_id_unique\` ON \`units_questions_targets_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`units_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question_id\` text,
  	\`type\` text,
  	\`correct\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`units_questions_order_idx\` ON \`units_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`units_questions_parent_id_idx\` ON \`units_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`units_questions_locales\` (
  	\`prompt\` text,
  	\`correct_feedback\` text,
  	\`incorrect_feedback\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`units_questions_locales_locale_parent_id_unique\` ON \`units_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`units\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`unit_id\` text,
  	\`kind\` text,
  	\`src\` text,
  	\`poster\` text,
  	\`pass_mark\` numeric DEFAULT 60,
  	\`points\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft'
  );
  `)
  await db.run(sql`CREATE INDEX \`units_updated_at_idx\` ON \`units\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`units_created_at_idx\` ON \`units\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`units__status_idx\` ON \`units\` (\`_status\`);`)
  await db.run(sql`CREATE TABLE \`units_locales\` (
  	\`title\` text,
  	\`body\` text,
  	\`transcript\` text,
  	\`intro\` text,
  	\`prompt\` text,
  	\`commitment\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`units_locales_locale_parent_id_unique\` ON \`units_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_version_captions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`locale\` text,
  	\`vtt\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_units_v_version_captions_order_idx\` ON \`_units_v_version_captions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_captions_parent_id_idx\` ON \`_units_v_version_captions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_version_questions_options\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`option_id\` text,
  	\`correct\` integer,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_options_order_idx\` ON \`_units_v_version_questions_options\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_options_parent_id_idx\` ON \`_units_v_version_questions_options\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_version_questions_options_locales\` (
  	\`text\` text,
  	\`feedback\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v_version_questions_options\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_units_v_version_questions_options_locales_locale_parent_id_\` ON \`_units_v_version_questions_options_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_version_questions_targets\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`target_id\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_targets_order_idx\` ON \`_units_v_version_questions_targets\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_targets_parent_id_idx\` ON \`_units_v_version_questions_targets\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_version_questions_targets_locales\` (
  	\`text\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v_version_questions_targets\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_units_v_version_questions_targets_locales_locale_parent_id_\` ON \`_units_v_version_questions_targets_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_version_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`question_id\` text,
  	\`type\` text,
  	\`correct\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_order_idx\` ON \`_units_v_version_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_parent_id_idx\` ON \`_units_v_version_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_version_questions_locales\` (
  	\`prompt\` text,
  	\`correct_feedback\` text,
  	\`incorrect_feedback\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v_version_questions\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_units_v_version_questions_locales_locale_parent_id_unique\` ON \`_units_v_version_questions_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`_units_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_unit_id\` text,
  	\`version_kind\` text,
  	\`version_src\` text,
  	\`version_poster\` text,
  	\`version_pass_mark\` numeric DEFAULT 60,
  	\`version_points\` numeric,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`snapshot\` integer,
  	\`published_locale\` text,
  	\`latest\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`_units_v_parent_idx\` ON \`_units_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_version_updated_at_idx\` ON \`_units_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_version_created_at_idx\` ON \`_units_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_version__status_idx\` ON \`_units_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_created_at_idx\` ON \`_units_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_updated_at_idx\` ON \`_units_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_snapshot_idx\` ON \`_units_v\` (\`snapshot\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_published_locale_idx\` ON \`_units_v\` (\`published_locale\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_latest_idx\` ON \`_units_v\` (\`latest\`);`)
  await db.run(sql`CREATE TABLE \`_units_v_locales\` (
  	\`version_title\` text,
  	\`version_body\` text,
  	\`version_transcript\` text,
  	\`version_intro\` text,
  	\`version_prompt\` text,
  	\`version_commitment\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`_units_v_locales_locale_parent_id_unique\` ON \`_units_v_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`media\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`course_path\` text,
  	\`sha256\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric,
  	\`sizes_w480_url\` text,
  	\`sizes_w480_width\` numeric,
  	\`sizes_w480_height\` numeric,
  	\`sizes_w480_mime_type\` text,
  	\`sizes_w480_filesize\` numeric,
  	\`sizes_w480_filename\` text,
  	\`sizes_w960_url\` text,
  	\`sizes_w960_width\` numeric,
  	\`sizes_w960_height\` numeric,
  	\`sizes_w960_mime_type\` text,
  	\`sizes_w960_filesize\` numeric,
  	\`sizes_w960_filename\` text,
  	\`sizes_w1440_url\` text,
  	\`sizes_w1440_width\` numeric,
  	\`sizes_w1440_height\` numeric,
  	\`sizes_w1440_mime_type\` text,
  	\`sizes_w1440_filesize\` numeric,
  	\`sizes_w1440_filename\` text
  );
  `)
  await db.run(sql`CREATE INDEX \`media_course_path_idx\` ON \`media\` (\`course_path\`);`)
  await db.run(sql`CREATE INDEX \`media_sha256_idx\` ON \`media\` (\`sha256\`);`)
  await db.run(sql`CREATE INDEX \`media_updated_at_idx\` ON \`media\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`media_created_at_idx\` ON \`media\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`media_filename_idx\` ON \`media\` (\`filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w480_sizes_w480_filename_idx\` ON \`media\` (\`sizes_w480_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w960_sizes_w960_filename_idx\` ON \`media\` (\`sizes_w960_filename\`);`)
  await db.run(sql`CREATE INDEX \`media_sizes_w1440_sizes_w1440_filename_idx\` ON \`media\` (\`sizes_w1440_filename\`);`)
  await db.run(sql`CREATE TABLE \`media_locales\` (
  	\`alt\` text,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`_locale\` text NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`media_locales_locale_parent_id_unique\` ON \`media_locales\` (\`_locale\`,\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`publish_jobs\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`course_id\` text NOT NULL,
  	\`state\` text NOT NULL,
  	\`done\` numeric,
  	\`total\` numeric,
  	\`output_dir\` text,
  	\`diagnostics\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`publish_jobs_course_id_idx\` ON \`publish_jobs\` (\`course_id\`);`)
  await db.run(sql`CREATE INDEX \`publish_jobs_updated_at_idx\` ON \`publish_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`publish_jobs_created_at_idx\` ON \`publish_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	\`courses_id\` integer,
  	\`modules_id\` integer,
  	\`units_id\` integer,
  	\`media_id\` integer,
  	\`publish_jobs_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courses_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publish_jobs_id\`) REFERENCES \`publish_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_courses_id_idx\` ON \`payload_locked_documents_rels\` (\`courses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_modules_id_idx\` ON \`payload_locked_documents_rels\` (\`modules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_publish_jobs_id_idx\` ON \`payload_locked_documents_rels\` (\`publish_jobs_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`users_roles\`;`)
  await db.run(sql`DROP TABLE \`users_work_locales\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`courses_languages\`;`)
  await db.run(sql`DROP TABLE \`courses_glossary\`;`)
  await db.run(sql`DROP TABLE \`courses_glossary_locales\`;`)
  await db.run(sql`DROP TABLE \`courses_questionnaire_scale_labels\`;`)
  await db.run(sql`DROP TABLE \`courses_questionnaire_scale_labels_locales\`;`)
  await db.run(sql`DROP TABLE \`courses_questionnaire_items\`;`)
  await db.run(sql`DROP TABLE \`courses_questionnaire_items_locales\`;`)
  await db.run(sql`DROP TABLE \`courses\`;`)
  await db.run(sql`DROP TABLE \`courses_locales\`;`)
  await db.run(sql`DROP TABLE \`courses_rels\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_version_languages\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_version_glossary\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_version_glossary_locales\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_version_questionnaire_scale_labels\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_version_questionnaire_scale_labels_locales\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_version_questionnaire_items\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_version_questionnaire_items_locales\`;`)
  await db.run(sql`DROP TABLE \`_courses_v\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_courses_v_rels\`;`)
  await db.run(sql`DROP TABLE \`modules\`;`)
  await db.run(sql`DROP TABLE \`modules_locales\`;`)
  await db.run(sql`DROP TABLE \`modules_rels\`;`)
  await db.run(sql`DROP TABLE \`_modules_v\`;`)
  await db.run(sql`DROP TABLE \`_modules_v_locales\`;`)
  await db.run(sql`DROP TABLE \`_modules_v_rels\`;`)
  await db.run(sql`DROP TABLE \`units_captions\`;`)
  await db.run(sql`DROP TABLE \`units_questions_options\`;`)
  await db.run(sql`DROP TABLE \`units_questions_options_locales\`;`)
  await db.run(sql`DROP TABLE \`units_questions_targets\`;`)
  await db.run(sql`DROP TABLE \`units_questions_targets_locales\`;`)
  await db.run(sql`DROP TABLE \`units_questions\`;`)
  await db.run(sql`DROP TABLE \`units_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`units\`;`)
  await db.run(sql`DROP TABLE \`units_locales\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_captions\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions_options\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions_options_locales\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions_targets\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions_targets_locales\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions_locales\`;`)
  await db.run(sql`DROP TABLE \`_units_v\`;`)
  await db.run(sql`DROP TABLE \`_units_v_locales\`;`)
  await db.run(sql`DROP TABLE \`media\`;`)
  await db.run(sql`DROP TABLE \`media_locales\`;`)
  await db.run(sql`DROP TABLE \`publish_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
}
