import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`forum_threads\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`course_id\` text NOT NULL,
  	\`module_id\` text NOT NULL,
  	\`locale\` text NOT NULL,
  	\`title\` text NOT NULL,
  	\`author_id\` integer,
  	\`author_name\` text,
  	\`status\` text DEFAULT 'visible' NOT NULL,
  	\`replies\` numeric DEFAULT 0,
  	\`last_post_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`learners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_threads_author_idx\` ON \`forum_threads\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_status_idx\` ON \`forum_threads\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_updated_at_idx\` ON \`forum_threads\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_threads_created_at_idx\` ON \`forum_threads\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`courseId_moduleId_locale_status_lastPostAt_idx\` ON \`forum_threads\` (\`course_id\`,\`module_id\`,\`locale\`,\`status\`,\`last_post_at\`);`)
  await db.run(sql`CREATE TABLE \`forum_posts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`thread_id\` integer NOT NULL,
  	\`course_id\` text NOT NULL,
  	\`first\` integer DEFAULT false,
  	\`author_id\` integer,
  	\`author_name\` text,
  	\`status\` text DEFAULT 'visible' NOT NULL,
  	\`reports\` numeric DEFAULT 0,
  	\`body\` text NOT NULL,
  	\`html\` text,
  	\`excerpt\` text,
  	\`edited_at\` text,
  	\`moderated_by_id\` integer,
  	\`moderated_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`thread_id\`) REFERENCES \`forum_threads\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`author_id\`) REFERENCES \`learners\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`moderated_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_posts_thread_idx\` ON \`forum_posts\` (\`thread_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_author_idx\` ON \`forum_posts\` (\`author_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_status_idx\` ON \`forum_posts\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_moderated_by_idx\` ON \`forum_posts\` (\`moderated_by_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_updated_at_idx\` ON \`forum_posts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_posts_created_at_idx\` ON \`forum_posts\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`thread_status_createdAt_idx\` ON \`forum_posts\` (\`thread_id\`,\`status\`,\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`author_status_idx\` ON \`forum_posts\` (\`author_id\`,\`status\`);`)
  await db.run(sql`CREATE TABLE \`forum_reports\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`post_id\` integer NOT NULL,
  	\`reporter_id\` integer NOT NULL,
  	\`reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`post_id\`) REFERENCES \`forum_posts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`reporter_id\`) REFERENCES \`learners\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`forum_reports_post_idx\` ON \`forum_reports\` (\`post_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_reports_reporter_idx\` ON \`forum_reports\` (\`reporter_id\`);`)
  await db.run(sql`CREATE INDEX \`forum_reports_updated_at_idx\` ON \`forum_reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`forum_reports_created_at_idx\` ON \`forum_reports\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`post_reporter_idx\` ON \`forum_reports\` (\`post_id\`,\`reporter_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`forum_threads_id\` integer REFERENCES forum_threads(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`forum_posts_id\` integer REFERENCES forum_posts(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`forum_reports_id\` integer REFERENCES forum_reports(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forum_threads_id_idx\` ON \`payload_locked_documents_rels\` (\`forum_threads_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forum_posts_id_idx\` ON \`payload_locked_documents_rels\` (\`forum_posts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_forum_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`forum_reports_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`forum_threads\`;`)
  await db.run(sql`DROP TABLE \`forum_posts\`;`)
  await db.run(sql`DROP TABLE \`forum_reports\`;`)
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
  	\`learners_id\` integer,
  	\`learner_events_id\` integer,
  	\`learner_scores_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`courses_id\`) REFERENCES \`courses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`modules_id\`) REFERENCES \`modules\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`units_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`publish_jobs_id\`) REFERENCES \`publish_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`translations_id\`) REFERENCES \`translations\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`questionnaire_responses_id\`) REFERENCES \`questionnaire_responses\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`learners_id\`) REFERENCES \`learners\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`learner_events_id\`) REFERENCES \`learner_events\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`learner_scores_id\`) REFERENCES \`learner_scores\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "users_id", "courses_id", "modules_id", "units_id", "media_id", "publish_jobs_id", "translations_id", "questionnaire_responses_id", "learners_id", "learner_events_id", "learner_scores_id") SELECT "id", "order", "parent_id", "path", "users_id", "courses_id", "modules_id", "units_id", "media_id", "publish_jobs_id", "translations_id", "questionnaire_responses_id", "learners_id", "learner_events_id", "learner_scores_id" FROM \`payload_locked_documents_rels\`;`)
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
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_learners_id_idx\` ON \`payload_locked_documents_rels\` (\`learners_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_learner_events_id_idx\` ON \`payload_locked_documents_rels\` (\`learner_events_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_learner_scores_id_idx\` ON \`payload_locked_documents_rels\` (\`learner_scores_id\`);`)
}
