import type { INestApplication } from '@nestjs/common';
import { pino } from 'pino';
import { ConfigError, loadConfig } from './config/config.js';
import { seedDemoContent } from './demo/demo-content-seed.js';
import { seedDemoWebinar } from './demo/demo-webinar-seed.js';
import { seedDemoCases } from './demo/demo-cases-seed.js';
import { demoPassword, seedDemoData } from './demo/demo-data.js';
import { startServices } from './runtime/start-services.js';
import { loadWebHandler, WEB_BODY_SIZE_LIMIT } from './runtime/web-handler.js';

const bootStarted = Date.now();

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const logger = pino({ level: config.logLevel });
  const services = await startServices(config, logger);
  const { runtime } = services;

  let app: INestApplication | undefined;
  let shuttingDown = false;
  /** Stop taking requests, let those in flight finish, then stop the embedded servers; give up after 20 s. */
  const shutdown = async (reason: string, exitCode: number) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`${reason}: shutting down`);
    setTimeout(() => {
      logger.error('shutdown took longer than 20 s; exiting anyway');
      process.exit(1);
    }, 20_000).unref();
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'app close failed'));
    await services.stop();
    process.exit(exitCode);
  };
  process.once('SIGINT', () => void shutdown('SIGINT', 0));
  process.once('SIGTERM', () => void shutdown('SIGTERM', 0));

  // adapter-node reads ORIGIN when its handler module loads; the web calls the API over loopback.
  process.env.ORIGIN ??= runtime.publicUrl;
  // Form actions forward uploads (webinar slides, up to 50 MB) to the API; adapter-node's default is 512 KB.
  process.env.BODY_SIZE_LIMIT ??= WEB_BODY_SIZE_LIMIT;
  // Behind a proxy, SvelteKit takes the person's address from X-Forwarded-For, as the API does.
  if (runtime.trustProxy) {
    process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
    process.env.XFF_DEPTH ??= '1';
  }
  const listenHost = runtime.host && runtime.host !== '0.0.0.0' && runtime.host !== '::' ? runtime.host : '127.0.0.1';
  process.env.INFRAFORUM_API_URL ??= `http://${listenHost}:${runtime.port}`;

  try {
    const { createApp } = await import('./app.js');
    const webHandler = await loadWebHandler();
    if (!webHandler) logger.warn('web/build is missing: serving the API only. Run `npm run build` to build the web app.');
    const nest = await createApp(runtime, { logger, ...(webHandler ? { webHandler } : {}) });
    app = nest;
    if (runtime.host) await nest.listen(runtime.port, runtime.host);
    else await nest.listen(runtime.port);
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    console.error(`Infraforum could not start: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown('start-up failure', 1);
    return;
  }

  const lines = [`Infraforum kører på ${runtime.publicUrl} (startet på ${((Date.now() - bootStarted) / 1000).toFixed(1)} s)`];
  if (runtime.demoData) {
    const password = demoPassword(runtime.dataDir);
    const accounts = await seedDemoData(app, password);
    await seedDemoContent(app);
    await seedDemoWebinar(app);
    await seedDemoCases(app);
    lines.push('', `Demokonti (adgangskode for alle: ${password}):`);
    for (const account of accounts) lines.push(`  ${account.email.padEnd(28)} ${account.role.padEnd(10)} ${account.organizationCode}`);
    if (!runtime.smtpUrl) lines.push('', `Mails (bekræftelse, nulstilling) ses i dev-indbakken: ${runtime.publicUrl}/api/dev/mail`);
  }
  lines.push(`API-dokumentation: ${runtime.publicUrl}/api/docs`, 'Stop med Ctrl+C.');
  console.log('\n' + lines.join('\n') + '\n');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
