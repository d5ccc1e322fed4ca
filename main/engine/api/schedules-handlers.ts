import { CART_SERVICES, MERCHANT_SERVICES, SERVICE_NAMES } from '../../../shared/domain.js';
import { DockhandError } from '../../../shared/errors.js';
import { checkFrequency } from '../../../shared/frequency.js';
import { getCart } from '../store/repositories/carts-repo.js';
import { getMerchant } from '../store/repositories/merchants-repo.js';
import { setScheduleMinutes } from '../store/repositories/schedules-repo.js';
import type { Handlers, MethodsOf } from './handler-types.js';
import { cartPlugin } from '../connectors/carts/registry.js';

type JobRef = { service?: (typeof CART_SERVICES)[number] | (typeof MERCHANT_SERVICES)[number]; targetId?: number };

function oneOrAll(input: JobRef) {
  if (input.service && input.targetId) return { service: input.service, targetId: input.targetId };
  if (input.service || input.targetId) {
    throw new DockhandError('validation', 'Give both service and targetId, or neither for all jobs', {
      fields: input.service ? { targetId: 'Required with service' } : { service: 'Required with targetId' },
    });
  }
  return undefined;
}

export const schedulesHandlers: Handlers<MethodsOf<'schedules' | 'services'>> = {
  async 'schedules.list'(_input, ctx) {
    // In the order of the loop (download, delivery, confirmations, upload, inventory), as people read it.
    const jobs = await ctx.jobs.list();
    return jobs.sort((a, b) => SERVICE_NAMES.indexOf(a.service) - SERVICE_NAMES.indexOf(b.service) || a.targetId - b.targetId);
  },
  async 'schedules.set'(input, ctx) {
    const problem = checkFrequency(input.service, input.minutes);
    if (problem) throw new DockhandError('validation', problem, { fields: { minutes: problem } });
    await ctx.store.write((db) => {
      if ((CART_SERVICES as readonly string[]).includes(input.service)) {
        const cart = getCart(db, input.targetId);
        if (!cart) throw new DockhandError('not_found', `Cart connection ${input.targetId} does not exist`);
        const caps = cartPlugin(cart.platform)?.manifest.capabilities;
        const unsupported =
          (input.service === 'shipment_upload' && !caps?.shipments) || (input.service === 'inventory_upload' && !caps?.inventory);
        if (unsupported && input.minutes !== null) {
          throw new DockhandError('validation', `${cart.name} does not support ${input.service.replace('_', ' ')}`, {
            fields: { minutes: 'Not supported by this cart' },
          });
        }
      } else if (!getMerchant(db, input.targetId)) {
        throw new DockhandError('not_found', `Merchant ${input.targetId} does not exist`);
      }
      setScheduleMinutes(db, input.service, input.targetId, input.minutes);
    });
    await ctx.jobs.sync(input.service, input.targetId);
    const jobs = await ctx.jobs.list();
    return jobs.find((j) => j.service === input.service && j.targetId === input.targetId)!;
  },
  async 'services.runNow'(input, ctx) {
    return ctx.jobs.runNow(input.service, input.targetId);
  },
  async 'services.pause'(input, ctx) {
    return { paused: await ctx.jobs.pause(oneOrAll(input)) };
  },
  async 'services.resume'(input, ctx) {
    return { resumed: await ctx.jobs.resume(oneOrAll(input)) };
  },
};
