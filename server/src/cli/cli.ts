import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Email, USER_ROLES, type UserRole } from '@infraforum/shared';
import { Command, InvalidArgumentError } from 'commander';
import { pino } from 'pino';
import { AppModule } from '../app.module.js';
import { hashPassword } from '../auth/password-hasher.js';
import { passwordProblem } from '../auth/password-policy.js';
import { PinoNestLogger } from '../common/pino-logger.js';
import { loadConfig } from '../config/config.js';
import { startServices } from '../runtime/start-services.js';
import { runningEmbeddedPostgresUrl } from '../database/embedded-postgres.js';
import { UsersService } from '../users/users.service.js';
import { SearchEngine } from '../search/search-engine.js';
import { SearchMaintenance } from '../search/search-maintenance.js';
import { SearchOutboxRepository } from '../search/search-outbox.repository.js';
import cliProgress from 'cli-progress';

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

const program = new Command('infraforum').description(
  'Operator commands for Infraforum. Uses DATABASE_URL, or the embedded PostgreSQL under DATA_DIR (also while the app runs).',
);

program
  .command('create-user')
  .description('Create an active, verified account, e.g. the first admin')
  .requiredOption('--email <email>', 'e-mail address')
  .requiredOption('--org <code>', 'kommunekode (e.g. 0159) or KOMBIT')
  .option('--name <name>', 'full name', '')
  .option(
    '--role <role>',
    `one of ${USER_ROLES.join(', ')}`,
    (value: string) => {
      if (!(USER_ROLES as readonly string[]).includes(value)) throw new InvalidArgumentError(`must be one of ${USER_ROLES.join(', ')}`);
      return value;
    },
    'member',
  )
  .option('--password-stdin', 'read the password from standard input instead of generating one')
  .action(async (options: { email: string; org: string; name: string; role: UserRole; passwordStdin?: boolean }) => {
    const email = Email.safeParse(options.email);
    if (!email.success) throw new Error(`Not a valid e-mail address: ${options.email}`);
    options.email = email.data;
    const config = loadConfig();
    const logger = pino({ level: 'warn' });
    const password = options.passwordStdin ? await readStdin() : randomBytes(12).toString('base64url');
    const weak = passwordProblem(password, { email: options.email, name: options.name });
    if (weak) throw new Error(weak);
    const services = await startServices(config, logger, { reuseRunning: true, withSearch: false });
    const app = await NestFactory.createApplicationContext(AppModule.forRoot(services.runtime), { logger: new PinoNestLogger(logger) });
    try {
      const users = app.get(UsersService);
      if (await users.findByEmail(options.email)) throw new Error(`An account with ${options.email} already exists`);
      const orgCode = options.org.toUpperCase() === 'KOMBIT' ? 'KOMBIT' : options.org.padStart(4, '0');
      const user = await users.createActiveUser({
        email: options.email,
        name: options.name || options.email.split('@')[0] || options.email,
        passwordHash: await hashPassword(password),
        organizationCode: orgCode,
        role: options.role,
      });
      console.log(`Created ${user.role} ${user.email} (${user.id}) in ${orgCode}.`);
      if (!options.passwordStdin) console.log(`Password (shown once): ${password}`);
    } finally {
      await app.close();
      await services.stop();
    }
  });

program
  .command('db-url')
  .description('Print the connection URL of the database in use (for pg_dump / psql); the embedded one must be running')
  .action(async () => {
    const config = loadConfig();
    if (config.databaseUrl) {
      console.log(config.databaseUrl);
      return;
    }
    const url = runningEmbeddedPostgresUrl(path.join(config.dataDir, 'postgres'));
    if (!url) throw new Error(`The embedded PostgreSQL under ${config.dataDir} is not running: start the app (npm start) first`);
    console.log(url);
  });

/** The app's services without its HTTP server or outbox worker, with Meilisearch ready. */
async function withSearch<T>(run: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>): Promise<T> {
  const config = { ...loadConfig(), searchWorker: false };
  const logger = pino({ level: 'warn' });
  const services = await startServices(config, logger, { reuseRunning: true });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(services.runtime), { logger: new PinoNestLogger(logger) });
  try {
    const engine = app.get(SearchEngine);
    if (!engine.configured) throw new Error('No Meilisearch: set MEILI_URL and MEILI_MASTER_KEY, or run where the embedded binary exists');
    if (!(await engine.probe())) throw new Error(`Meilisearch at ${services.runtime.meili?.url} does not answer`);
    return await run(app);
  } finally {
    await app.close();
    await services.stop();
  }
}

program
  .command('search:rebuild')
  .description('Build a fresh search index from PostgreSQL and swap it in with no downtime')
  .action(async () => {
    await withSearch(async (app) => {
      const bar = new cliProgress.SingleBar(
        { format: 'Indexing {bar} {percentage}% | {value}/{total} documents | {eta_formatted} left', hideCursor: true },
        cliProgress.Presets.shades_classic,
      );
      const report = await app.get(SearchMaintenance).rebuild({
        start: (total) => bar.start(total, 0),
        advance: (count) => bar.increment(count),
        stop: () => bar.stop(),
      });
      console.log(
        `Rebuilt the search index: ${report.documents} documents in ${report.seconds.toFixed(1)} s.` +
          (report.requeued > 0 ? ` ${report.requeued} changed during the rebuild and are queued for the worker.` : ''),
      );
    });
  });

program
  .command('search:check')
  .description('Compare ids and versions in PostgreSQL with the search index; exit code 1 when they differ')
  .option('--fix', 'queue the missing, stale and extra documents for the outbox worker')
  .action(async (options: { fix?: boolean }) => {
    await withSearch(async (app) => {
      const report = await app.get(SearchMaintenance).check({ fix: options.fix ?? false });
      const outbox = await app.get(SearchOutboxRepository).stats();
      const sample = (ids: string[]) => (ids.length > 0 ? ` (${ids.slice(0, 10).join(', ')}${ids.length > 10 ? ', …' : ''})` : '');
      console.log(`PostgreSQL: ${report.expected} searchable documents; Meilisearch: ${report.indexed}.`);
      console.log(`Missing: ${report.missing.length}${sample(report.missing)}`);
      console.log(`Stale: ${report.stale.length}${sample(report.stale)}`);
      console.log(`Not in PostgreSQL any more: ${report.extra.length}${sample(report.extra)}`);
      console.log(`Outbox: ${outbox.backlog} changes waiting${outbox.lastError ? ` (last error: ${outbox.lastError})` : ''}.`);
      const differences = report.missing.length + report.stale.length + report.extra.length;
      if (differences > 0 && options.fix) console.log(`Queued ${differences} documents; the running app's worker updates them.`);
      if (differences > 0 && !options.fix) process.exitCode = 1;
    });
  });

program.parseAsync().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
