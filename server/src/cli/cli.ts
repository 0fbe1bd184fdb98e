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

program.parseAsync().catch((error: unknown) => {
  console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
