import { Inject, Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import nodemailer, { type Transporter } from 'nodemailer';
import type { Repository } from 'typeorm';
import type { RuntimeConfig } from '../config/runtime-config.js';
import { APP_CONFIG } from '../config/config.js';
import { DevMailEntity } from './dev-mail.entity.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Extra headers, e.g. List-Unsubscribe. */
  headers?: Record<string, string>;
}

/** Sends through SMTP_URL; without it (outside production) keeps mails in the dev inbox at /api/dev/mail. */
@Injectable()
export class MailService implements OnModuleInit {
  private readonly logger = new Logger(MailService.name);
  private transporter: Transporter | undefined;

  constructor(
    @Inject(APP_CONFIG) private readonly config: RuntimeConfig,
    @InjectRepository(DevMailEntity) private readonly devMail: Repository<DevMailEntity>,
  ) {}

  onModuleInit(): void {
    if (this.config.smtpUrl) {
      this.transporter = nodemailer.createTransport(this.config.smtpUrl);
    } else if (this.config.isProduction) {
      this.logger.error('SMTP_URL is not set: verification and password-reset mails cannot be sent.');
    }
  }

  get usesDevInbox(): boolean {
    return !this.transporter && !this.config.isProduction;
  }

  /**
   * Never throws: callers send after their change is committed, and a mail server being down must not
   * turn a change that happened into a 500 (a retried sign-up would then meet "already registered").
   * A failure is logged with subject and recipient, never the body (it carries one-time links).
   */
  async send(mail: OutgoingMail): Promise<void> {
    try {
      if (this.transporter) {
        await this.transporter.sendMail({ from: this.config.mailFrom, ...mail });
        return;
      }
      if (this.usesDevInbox) {
        await this.devMail.insert({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null });
        this.logger.log(`Dev inbox: "${mail.subject}" to ${mail.to}`);
        return;
      }
      this.logger.error(`Mail "${mail.subject}" to ${mail.to} not sent: no SMTP_URL`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.error(`Mail "${mail.subject}" to ${mail.to} not sent: ${reason}`);
    }
  }

  /**
   * For the mail queue: throws when the mail could not be handed over, so the job is retried later
   * (send() above swallows failures for mails sent straight after a request).
   */
  async deliver(mail: OutgoingMail): Promise<void> {
    if (this.transporter) {
      await this.transporter.sendMail({ from: this.config.mailFrom, ...mail });
      return;
    }
    if (this.usesDevInbox) {
      await this.devMail.insert({ to: mail.to, subject: mail.subject, text: mail.text, html: mail.html ?? null });
      return;
    }
    throw new Error('No SMTP_URL: mail cannot be sent');
  }

  listDevInbox(to?: string): Promise<DevMailEntity[]> {
    return this.devMail.find({ where: to ? { to: to.toLowerCase() } : {}, order: { id: 'DESC' }, take: 200 });
  }

  /** Absolute link into the web app for a mail. */
  link(pathWithQuery: string): string {
    return `${this.config.publicUrl}${pathWithQuery}`;
  }
}
