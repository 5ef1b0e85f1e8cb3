import type Database from "better-sqlite3";

/** Schema migrations, applied in order; `user_version` records how many ran. */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE resources (key TEXT PRIMARY KEY, seq INTEGER NOT NULL, body TEXT NOT NULL);
   CREATE INDEX resources_seq ON resources (seq);
   CREATE TABLE principals (client_id TEXT PRIMARY KEY, secret TEXT NOT NULL, display_name TEXT NOT NULL, created_at TEXT NOT NULL);
   CREATE TABLE operations (id TEXT PRIMARY KEY, body TEXT NOT NULL);
   CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);`,
  // Completed operations are pruned by their end time (operations.ts).
  `ALTER TABLE operations ADD COLUMN ended_at TEXT;
   UPDATE operations SET ended_at = json_extract(body, '$.endTime');
   CREATE INDEX operations_ended_at ON operations (ended_at) WHERE ended_at IS NOT NULL;`,
];

export function migrate(db: Database.Database): void {
  const current = db.pragma("user_version", { simple: true }) as number;
  for (let v = current; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v]);
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
}
