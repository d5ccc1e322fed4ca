import type { EngineContext } from './engine-context.js';
import type { Handlers, MethodsOf } from './handler-types.js';
import { DockhandError } from '../../../shared/errors.js';

/** The consent flow of a marketplace cart (main/engine/oauth/consent-flows.ts), one call each. */
function flows(ctx: EngineContext) {
  if (!ctx.consent) throw new DockhandError('internal', 'The consent flow is not available in this engine');
  return ctx.consent;
}

export const consentHandlers: Handlers<MethodsOf<'consent'>> = {
  async 'consent.start'(input, ctx) {
    return flows(ctx).start(input.cartId, { shared: input.share });
  },
  async 'consent.complete'(input, ctx) {
    return flows(ctx).complete(input.cartId, input.landing);
  },
  async 'consent.status'(input, ctx) {
    return flows(ctx).status(input.cartId);
  },
  async 'consent.cancel'(input, ctx) {
    return flows(ctx).cancel(input.cartId);
  },
};
