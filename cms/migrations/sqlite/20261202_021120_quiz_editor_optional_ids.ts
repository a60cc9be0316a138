import { type MigrateUpArgs, type MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_units_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question_id\` text,
  	\`type\` text DEFAULT 'single',
  	\`answer\` text,
  	\`correct\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_units_questions\`("_order", "_parent_id", "id", "question_id", "type", "answer", "correct") SELECT "_order", "_parent_id", "id", "question_id", "type", "answer", "correct" FROM \`units_questions\`;`)
  await db.run(sql`DROP TABLE \`units_questions\`;`)
  await db.run(sql`ALTER TABLE \`__new_units_questions\` RENAME TO \`units_questions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`units_questions_order_idx\` ON \`units_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`units_questions_parent_id_idx\` ON \`units_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__units_v_version_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`question_id\` text,
  	\`type\` text DEFAULT 'single',
  	\`answer\` text,
  	\`correct\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__units_v_version_questions\`("_order", "_parent_id", "id", "question_id", "type", "answer", "correct", "_uuid") SELECT "_order", "_parent_id", "id", "question_id", "type", "answer", "correct", "_uuid" FROM \`_units_v_version_questions\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions\`;`)
  await db.run(sql`ALTER TABLE \`__new__units_v_version_questions\` RENAME TO \`_units_v_version_questions\`;`)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_order_idx\` ON \`_units_v_version_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_parent_id_idx\` ON \`_units_v_version_questions\` (\`_parent_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_units_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`question_id\` text,
  	\`type\` text,
  	\`answer\` text,
  	\`correct\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`units\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_units_questions\`("_order", "_parent_id", "id", "question_id", "type", "answer", "correct") SELECT "_order", "_parent_id", "id", "question_id", "type", "answer", "correct" FROM \`units_questions\`;`)
  await db.run(sql`DROP TABLE \`units_questions\`;`)
  await db.run(sql`ALTER TABLE \`__new_units_questions\` RENAME TO \`units_questions\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`units_questions_order_idx\` ON \`units_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`units_questions_parent_id_idx\` ON \`units_questions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`__new__units_v_version_questions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`question_id\` text,
  	\`type\` text,
  	\`answer\` text,
  	\`correct\` text,
  	\`_uuid\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`_units_v\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new__units_v_version_questions\`("_order", "_parent_id", "id", "question_id", "type", "answer", "correct", "_uuid") SELECT "_order", "_parent_id", "id", "question_id", "type", "answer", "correct", "_uuid" FROM \`_units_v_version_questions\`;`)
  await db.run(sql`DROP TABLE \`_units_v_version_questions\`;`)
  await db.run(sql`ALTER TABLE \`__new__units_v_version_questions\` RENAME TO \`_units_v_version_questions\`;`)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_order_idx\` ON \`_units_v_version_questions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`_units_v_version_questions_parent_id_idx\` ON \`_units_v_version_questions\` (\`_parent_id\`);`)
}
