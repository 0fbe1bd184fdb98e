import type { IncomingMessage } from 'node:http';
import type { Me } from '@infraforum/shared';
import type { ApiClient } from '$lib/server/api';

declare global {
  namespace App {
    interface Locals {
      /** The logged-in user, resolved from the API once per request; null when anonymous. */
      user: Me | null;
      /** The typed API client bound to this request's session cookie. */
      api: ApiClient;
    }
    interface PageData {
      user: Me | null;
    }
    /** adapter-node passes the Node request (pino-http has given it an id). */
    interface Platform {
      req: IncomingMessage;
    }
  }
}

export {};
