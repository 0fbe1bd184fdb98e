import { Logger } from '@nestjs/common';
import type { Repository } from 'typeorm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/config.js';
import type { RuntimeConfig } from '../config/runtime-config.js';
import type { DevMailEntity } from './dev-mail.entity.js';
import { MailService } from './mail.service.js';

const MAIL = {
  to: 'mette@gladsaxe.dk',
  subject: 'Nulstil din adgangskode',
  text: 'Åbn https://infraforum.dk/nulstil-adgangskode?token=hemmelig-engangskode',
};

function serviceWith(env: Record<string, string>, devMail: Partial<Repository<DevMailEntity>> = {}): MailService {
  const config = { ...loadConfig(env), publicUrl: 'https://infraforum.dk' } as RuntimeConfig;
  const service = new MailService(config, devMail as Repository<DevMailEntity>);
  service.onModuleInit();
  return service;
}

describe('MailService.send when the mail cannot go out', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it.each([
    ['the SMTP server is unreachable', () => serviceWith({ SMTP_URL: 'smtp://127.0.0.1:1' })],
    ['the dev inbox cannot be written', () => serviceWith({}, { insert: () => Promise.reject(new Error('connection terminated')) })],
  ])('resolves when %s, and logs the subject and recipient but not the body', async (_, service) => {
    const logged = vi.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    await expect(service().send(MAIL)).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(1);
    const line = String(logged.mock.calls[0]?.[0]);
    expect(line).toContain(MAIL.subject);
    expect(line).toContain(MAIL.to);
    expect(line).not.toContain('hemmelig-engangskode');
  });
});
