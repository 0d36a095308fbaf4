/** `npm start`: opens the database (embedded unless DATABASE_URL is set), migrates, seeds the demo, serves. */

import { createAssistantServices } from './ai/services.js';
import { loadConfig } from './config.js';
import { createDataServices } from './data/services.js';
import { migrate } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { DEMO_EMAIL, DEMO_PASSWORD, seedDemoWorkspace } from './demo/seed.js';
import { setUpAuth } from './server/accounts/setup.js';
import { buildApp } from './server/app.js';

const config = loadConfig();
const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
await migrate(db);
const data = createDataServices(config.dataDir, { maxUploadBytes: config.maxUploadBytes });
const ai = await createAssistantServices(db);
// Uploads that never became datasets are removed after a day.
const sweepUploads = () => void data.storage.sweepUploads(24 * 3600_000).catch(() => {});
sweepUploads();
setInterval(sweepUploads, 3600_000).unref();
const demoUserId = config.seedDemo ? await seedDemoWorkspace(db, data) : undefined;

const app = await buildApp({
  db,
  data,
  ai,
  auth: await setUpAuth(config.auth, db),
  demoUserId,
  publicUrl: config.publicUrl,
  logLevel: config.logLevel,
  trustProxy: config.trustProxy,
  corsOrigins: config.corsOrigins,
});
const address = await app.listen({ host: config.host, port: config.port });
// The configured public address, else where the server really listens (PORT=0 picks a free port).
const url = config.publicUrl ?? address.replace('://0.0.0.0:', '://localhost:');
console.log(
  `\nOCP is running at ${url}  (database: ${config.databaseUrl ? 'PostgreSQL' : `embedded, in ${config.dataDir}`})`,
);
if (demoUserId && config.auth.mode === 'ocp')
  console.log(`Demo workspace: sign in as ${DEMO_EMAIL} / ${DEMO_PASSWORD}`);
console.log('');

// Finish the requests in flight, then release the database.
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    if (stopping) return;
    stopping = true;
    await app.close();
    data.close();
    await db.close();
    process.exit(0);
  });
}
