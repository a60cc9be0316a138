import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`learners_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`learners\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`learners_sessions_order_idx\` ON \`learners_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`learners_sessions_parent_id_idx\` ON \`learners_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`learners\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`display_name\` text,
  	\`leaderboard\` integer DEFAULT false,
  	\`evaluation_key\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`email\` text,
  	\`username\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`learners_evaluation_key_idx\` ON \`learners\` (\`evaluation_key\`);`)
  await db.run(sql`CREATE INDEX \`learners_updated_at_idx\` ON \`learners\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`learners_created_at_idx\` ON \`learners\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`learners_email_idx\` ON \`learners\` (\`email\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`learners_username_idx\` ON \`learners\` (\`username\`);`)
  await db.run(sql`CREATE TABLE \`learner_events\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`learner_id\` integer NOT NULL,
  	\`course_id\` text NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`type\` text NOT NULL,
  	\`locale\` text,
  	\`unit\` text NOT NULL,
  	\`answers\` text,
  	\`correct\` numeric,
  	\`total\` numeric,
  	\`passed\` integer,
  	\`done\` integer,
  	\`at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`learner_id\`) REFERENCES \`learners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`learner_events_learner_idx\` ON \`learner_events\` (\`learner_id\`);`)
  await db.run(sql`CREATE INDEX \`learner_events_updated_at_idx\` ON \`learner_events\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`learner_events_created_at_idx\` ON \`learner_events\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`learner_courseId_eventId_idx\` ON \`learner_events\` (\`learner_id\`,\`course_id\`,\`event_id\`);`)
  await db.run(sql`CREATE TABLE \`learner_scores\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`learner_id\` integer NOT NULL,
  	\`course_id\` text NOT NULL,
  	\`locale\` text,
  	\`name\` text,
  	\`listed\` integer DEFAULT false,
  	\`points\` numeric DEFAULT 0 NOT NULL,
  	\`week\` text,
  	\`week_points\` numeric DEFAULT 0,
  	\`week_base\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`learner_id\`) REFERENCES \`learners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`learner_scores_learner_idx\` ON \`learner_scores\` (\`learner_id\`);`)
  await db.run(sql`CREATE INDEX \`learner_scores_updated_at_idx\` ON \`learner_scores\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`learner_scores_created_at_idx\` ON \`learner_scores\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`learner_courseId_idx\` ON \`learner_scores\` (\`learner_id\`,\`course_id\`);`)
  await db.run(sql`CREATE INDEX \`courseId_listed_points_idx\` ON \`learner_scores\` (\`course_id\`,\`listed\`,\`points\`);`)
  await db.run(sql`CREATE INDEX \`courseId_listed_week_weekPoints_idx\` ON \`learner_scores\` (\`course_id\`,\`listed\`,\`week\`,\`week_points\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`learners_id\` integer REFERENCES learners(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`learner_events_id\` integer REFERENCES learner_events(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`learner_scores_id\` integer REFERENCES learner_scores(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_learners_id_idx\` ON \`payload_locked_documents_rels\` (\`learners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_learner_events_id_idx\` ON \`payload_locked_documents_rels\` (\`learner_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_learner_scores_id_idx\` ON \`payload_locked_documents_rels\` (\`learner_scores_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_preferences_rels\` ADD \`learners_id\` integer REFERENCES learners(id);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_learners_id_idx\` ON \`payload_preferences_rels\` (\`learners_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`learners_sessions\`;`)
  await db.run(sql`DROP TABLE \`learners\`;`)
  await db.run(sql`DROP TABLE \`learner_events\`;`)
  await db.run(sql`DROP TABLE \`learner_scores\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
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
  	\`translations_id\` integer,
  	\`questionnaire_responses_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courses_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publish_jobs_id\`) REFERENCES \`publish_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translations_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`questionnaire_responses_id\`) REFERENCES \`questionnaire_responses\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "courses_id", "modules_id", "units_id", "media_id", "publish_jobs_id", "translations_id", "questionnaire_responses_id") SELECT "id", "order", "parent_id", "path", "users_id", "courses_id", "modules_id", "units_id", "media_id", "publish_jobs_id", "translations_id", "questionnaire_responses_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_courses_id_idx\` ON \`payload_locked_documents_rels\` (\`courses_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_modules_id_idx\` ON \`payload_locked_documents_rels\` (\`modules_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_units_id_idx\` ON \`payload_locked_documents_rels\` (\`units_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_publish_jobs_id_idx\` ON \`payload_locked_documents_rels\` (\`publish_jobs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_translations_id_idx\` ON \`payload_locked_documents_rels\` (\`translations_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_questionnaire_responses_id_idx\` ON \`payload_locked_documents_rels\` (\`questionnaire_responses_id\`);`)
  await db.run(sql`CREATE TABLE \`__new_payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_preferences_rels\`("id", "order", "parent_id", "path", "users_id") SELECT "id", "order", "parent_id", "path", "users_id" FROM \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_preferences_rels\` RENAME TO \`payload_preferences_rels\`;`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
}
