import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { createCore, consoleLogger, systemClock, type Platform } from '../src-main/core';
import { seedDemoData } from '../src-main/features/demo/seed';
import { DEFAULT_TIME_ZONE } from '../src-shared/domain/time';
import { databasePath, userDataDir } from '../src-main/host/paths';

// `npm run seed -- --tickets N [--seed S]`: loads demo data into the database in the
// user-data folder (SERVICELOOP_DATA_DIR overrides it), appending to what is there.
//
// There are no default accounts, and the demo engineers can never sign in. First-run setup
// counts any user as "setup done", so seeding an un-set-up desk would leave it with
// nobody able to sign in. The tool therefore asks for setup first.

const USAGE = 'usage: npm run seed -- --tickets N [--seed S]';

function positiveInt(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`--${name} must be a whole number (got ${value}). ${USAGE}`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tickets: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean' } } });
  if (values.help) {
    console.error(USAGE);
    return;
  }
  const tickets = positiveInt(values.tickets, 'tickets');
  if (tickets === undefined) {
    console.error(USAGE);
    process.exit(2);
  }
  const seed = positiveInt(values.seed, 'seed') ?? 1;

  const dataDir = userDataDir();
  fs.mkdirSync(dataDir, { recursive: true });
  const dbPath = databasePath(dataDir);
  const platform: Platform = { kind: 'web', notify() {}, timeZone: () => Intl.DateTimeFormat().resolvedOptions().timeZone };
  // Opening through createCore runs the migrations (and their automatic backup) first.
  const core = await createCore({ dbPath, clock: systemClock, platform, logger: consoleLogger(process.stderr) });
  try {
    const { sqlite } = core.deps;
    const admins = (sqlite.prepare("SELECT count(*) AS n FROM users WHERE role = 'admin'").get() as { n: number }).n;
    if (admins === 0) {
      console.error(
        `No administrator in ${dbPath} yet. Run first-run setup first (npm start or npm run web), then seed:\n` +
          'setup counts any account as "setup done", and demo engineers cannot sign in, so seeding now would lock the desk.',
      );
      process.exitCode = 1;
      return;
    }
    const setting = sqlite.prepare("SELECT value FROM settings WHERE key = 'timeZone'").get() as { value: string } | undefined;
    const timeZone = setting?.value ?? DEFAULT_TIME_ZONE;

    console.error(`Seeding ${tickets.toLocaleString('en-US')} requests (seed ${seed}, ${timeZone}) into ${dbPath}`);
    const started = performance.now();
    const result = seedDemoData(sqlite, {
      tickets,
      seed,
      now: systemClock.now(),
      timeZone,
      onProgress: (done) => {
        const s = (performance.now() - started) / 1000;
        process.stderr.write(`\r  ${done.toLocaleString('en-US')} / ${tickets.toLocaleString('en-US')}  ${Math.round(done / s).toLocaleString('en-US')} rows/s   `);
      },
    });
    const loaded = (performance.now() - started) / 1000;
    process.stderr.write('\n');
    // Fresh statistics so the planner knows the new shape of the tables.
    sqlite.exec('ANALYZE');
    const total = (performance.now() - started) / 1000;
    console.error(
      `Done: ${result.tickets} requests, ${result.customers} customers, ${result.contacts} contacts, ${result.products} products, ` +
        `${result.engineers} engineers in ${loaded.toFixed(1)} s (${Math.round(result.tickets / Math.max(loaded, 0.001))} rows/s; ${total.toFixed(1)} s with ANALYZE).`,
    );
  } finally {
    core.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
