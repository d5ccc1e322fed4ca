import { DockhandError } from '../../../shared/errors.js';
import {
  listMappings,
  listShipMethods,
  replaceShipMethods,
  setShipCodeMapping,
  shipMethodExists,
} from '../store/repositories/ship-methods-repo.js';
import type { Handlers, MethodsOf } from './handler-types.js';
import { requireCart } from './views.js';

export const shipMethodsHandlers: Handlers<MethodsOf<'shipMethods'>> = {
  async 'shipMethods.list'(_input, ctx) {
    return ctx.store.read((db) => listShipMethods(db));
  },
  async 'shipMethods.save'(input, ctx) {
    const seen = new Set<string>();
    const fields: Record<string, string> = {};
    input.methods.forEach((m, i) => {
      if (seen.has(m.code)) fields[`methods.${i}.code`] = `The code ${m.code} is listed twice`;
      seen.add(m.code);
    });
    if (Object.keys(fields).length) throw new DockhandError('validation', 'Ship method codes must be unique', { fields });
    await ctx.store.write((db) => replaceShipMethods(db, input.methods));
    return ctx.store.read((db) => listShipMethods(db));
  },
  async 'shipMethods.mappings'(input, ctx) {
    return ctx.store.read((db) => listMappings(db, input.cartId));
  },
  async 'shipMethods.map'(input, ctx) {
    await ctx.store.write((db) => {
      requireCart(db, input.cartId);
      if (input.wmsCode !== null && !shipMethodExists(db, input.wmsCode)) {
        throw new DockhandError('validation', `${input.wmsCode} is not in the WMS ship method list`, {
          fields: { wmsCode: 'Choose a ship method from the WMS list' },
        });
      }
      setShipCodeMapping(db, input.cartId, input.cartCode, input.wmsCode, ctx.nowIso());
    });
    const all = await ctx.store.read((db) => listMappings(db, input.cartId));
    return all.find((m) => m.cartCode === input.cartCode)!;
  },
};
