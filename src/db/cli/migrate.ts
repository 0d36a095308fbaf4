/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database). */
import { migrate } from '../migrate.js';
import { openDatabaseFromEnv } from '../open.js';

const db = await openDatabaseFromEnv();
try {
  const { applied } = await migrate(db);
  const target = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'the embedded database';
  console.log(
    applied.length === 0
      ? `${target} is up to date.`
      : `Applied ${applied.length} migration(s) to ${target}:\n  ${applied.join('\n  ')}`,
  );
} finally {
  await db.close();
}
