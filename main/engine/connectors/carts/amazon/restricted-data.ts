import type { Clock, Logger } from '../../../platform/ports.js';
import { restrictedDataTokenReplySchema } from './schemas.js';
import type { SpApiClient } from './sp-client.js';
import { AmazonApiError } from './sp-errors.js';

/**
 * The Restricted Data Token that lets getOrders return the buyer's name, street and e-mail
 * (POST /tokens/2021-03-01/restrictedDataToken for GET /orders/v0/orders with the dataElements
 * shippingAddress and buyerInfo). An app without the Restricted Data role is refused (403,
 * Unauthorized): that is not a failure of the run, the orders flow without those fields and say so.
 * Kept for its life (an hour) less a margin, per connector.
 */

export const RESTRICTED_ORDERS_RESOURCE = { method: 'GET', path: '/orders/v0/orders', dataElements: ['buyerInfo', 'shippingAddress'] } as const;

export class RestrictedOrdersToken {
  private cached: { token: string; renewAtMs: number } | undefined;
  /** Learnt from a refusal: the app has no role, asked again by the next connector (the next run). */
  private refused = false;

  constructor(
    private readonly client: SpApiClient,
    private readonly clock: Clock,
    private readonly log: Logger,
  ) {}

  /** The token, or null when the app has no Restricted Data role (the orders come without PII). */
  async token(): Promise<string | null> {
    if (this.refused) return null;
    const now = this.clock.now().getTime();
    if (this.cached && now < this.cached.renewAtMs) return this.cached.token;
    try {
      const reply = await this.client.call('createRestrictedDataToken', 'POST', '/tokens/2021-03-01/restrictedDataToken', restrictedDataTokenReplySchema, {
        what: 'a Restricted Data Token for the orders',
        body: { restrictedResources: [RESTRICTED_ORDERS_RESOURCE] },
        idempotent: true,
      });
      const lifeMs = reply.expiresIn * 1000;
      this.cached = { token: reply.restrictedDataToken, renewAtMs: now + lifeMs - Math.min(5 * 60_000, lifeMs / 10) };
      return reply.restrictedDataToken;
    } catch (err) {
      if (!(err instanceof AmazonApiError) || err.status !== 403) throw err;
      this.refused = true;
      this.log.log('warn', `${this.client.label} refused a Restricted Data Token (${err.amazonMessage ?? 'HTTP 403'}): orders are downloaded without the buyer's name and street address`);
      return null;
    }
  }

  /** The token was refused by getOrders (it expired early): the next token() asks for a new one. */
  forget(): void {
    this.cached = undefined;
  }
}
