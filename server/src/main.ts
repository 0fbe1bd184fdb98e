import { pino } from 'pino';
import { ConfigError, loadConfig } from './config/config.js';
import { demoPassword, seedDemoData } from './demo/demo-data.js';
import { startServices } from './runtime/start-services.js';
import { loadWebHandler } from './runtime/web-handler.js';

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
  const logger = pino({ level: config.logLevel, ...(config.isProduction ? {} : { transport: undefined }) });
  const services = await startServices(config, logger);
  const { runtime } = services;

  let shuttingDown = false;
  const shutdown = async (signal: string, app?: { close(): Promise<void> }) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`${signal}: shutting down`);
    await app?.close().catch((error: unknown) => logger.error({ err: error }, 'app close failed'));
    await services.stop();
    process.exit(0);
  };
  // Until the app exists, a signal still stops the embedded servers.
  const early = (signal: NodeJS.Signals) => void shutdown(signal);
  process.once('SIGINT', early);
  process.once('SIGTERM', early);

  // adapter-node reads ORIGIN when its handler module loads; the web calls the API over loopback.
  process.env.ORIGIN ??= runtime.publicUrl;
  // Behind a proxy, SvelteKit takes the person's address from X-Forwarded-For, as the API does.
  if (runtime.trustProxy) {
    process.env.ADDRESS_HEADER ??= 'x-forwarded-for';
    process.env.XFF_DEPTH ??= '1';
  }
  const listenHost = runtime.host && runtime.host !== '0.0.0.0' && runtime.host !== '::' ? runtime.host : '127.0.0.1';
  process.env.INFRAFORUM_API_URL ??= `http://${listenHost}:${runtime.port}`;

  const { createApp } = await import('./app.js');
  const webHandler = await loadWebHandler();
  if (!webHandler) logger.warn('web/build is missing: serving the API only. Run `npm run build` to build the web app.');
  const app = await createApp(runtime, { logger, ...(webHandler ? { webHandler } : {}) });

  process.removeListener('SIGINT', early);
  process.removeListener('SIGTERM', early);
  process.once('SIGINT', () => void shutdown('SIGINT', app));
  process.once('SIGTERM', () => void shutdown('SIGTERM', app));

  if (runtime.host) await app.listen(runtime.port, runtime.host);
  else await app.listen(runtime.port);

  const lines = [`Infraforum kører på ${runtime.publicUrl} (startet på ${((Date.now() - bootStarted) / 1000).toFixed(1)} s)`];
  if (runtime.demoData) {
    const password = demoPassword(runtime.dataDir);
    const accounts = await seedDemoData(app, password);
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
