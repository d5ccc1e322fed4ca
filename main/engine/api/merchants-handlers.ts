import { MERCHANT_SERVICES } from '../../../shared/domain.js';
import { DockhandError } from '../../../shared/errors.js';
import { checkFormatIds } from '../formats/format-ids.js';
import { getAccount } from '../store/repositories/account-repo.js';
import { setMerchantFormatIds } from '../store/repositories/file-formats-repo.js';
import { listCarts } from '../store/repositories/carts-repo.js';
import {
  deleteMerchant,
  findMerchantByNameOrCode,
  insertMerchant,
  listMerchants,
  updateMerchant,
} from '../store/repositories/merchants-repo.js';
import { setScheduleMinutes } from '../store/repositories/schedules-repo.js';
import type { SqlReader, SqlRunner } from '../store/sql.js';
import type { FormatIds } from '../../../shared/schemas/file-format.js';
import { CART_SERVICES } from '../../../shared/domain.js';
import type { Handlers, MethodsOf } from './handler-types.js';
import { merchantView, requireMerchant } from './views.js';

function checkUnique(db: SqlReader, name: string, code: string, exceptId?: number): void {
  const fields: Record<string, string> = {};
  for (const m of findMerchantByNameOrCode(db, name, code)) {
    if (m.id === exceptId) continue;
    if (m.name.toLowerCase() === name.toLowerCase()) fields.name = `A merchant named "${m.name}" already exists`;
    if (m.code.toLowerCase() === code.toLowerCase()) fields.code = `The code "${m.code}" is already used by ${m.name}`;
  }
  if (Object.keys(fields).length) throw new DockhandError('validation', 'The merchant could not be saved', { fields });
}

/** A merchant's file format overrides, each checked to name a saved format of its kind. */
function setFormats(db: SqlRunner, merchantId: number, ids: FormatIds, field: string): void {
  checkFormatIds(db, ids, field);
  setMerchantFormatIds(db, merchantId, ids);
}

export const merchantsHandlers: Handlers<MethodsOf<'merchants'>> = {
  async 'merchants.list'(_input, ctx) {
    return ctx.store.read((db) => listMerchants(db).map((m) => merchantView(db, m)));
  },
  async 'merchants.get'(input, ctx) {
    return ctx.store.read((db) => merchantView(db, requireMerchant(db, input.id)));
  },
  async 'merchants.create'(input, ctx) {
    const id = await ctx.store.write((db) => {
      checkUnique(db, input.name, input.code);
      if (getAccount(db)?.mode === 'single_merchant' && listMerchants(db).length >= 1) {
        throw new DockhandError('conflict', 'This account is in single-merchant mode and already has its merchant');
      }
      const id = insertMerchant(db, input, ctx.nowIso());
      if (input.fileFormats) setFormats(db, id, input.fileFormats, 'fileFormats');
      for (const s of MERCHANT_SERVICES) setScheduleMinutes(db, s, id, input.schedules[s]);
      return id;
    });
    for (const s of MERCHANT_SERVICES) await ctx.jobs.sync(s, id);
    return ctx.store.read((db) => merchantView(db, requireMerchant(db, id)));
  },
  async 'merchants.update'(input, ctx) {
    const m = input.merchant;
    await ctx.store.write((db) => {
      requireMerchant(db, input.id);
      checkUnique(db, m.name, m.code, input.id);
      updateMerchant(db, input.id, m, ctx.nowIso());
      if (m.fileFormats) setFormats(db, input.id, m.fileFormats, 'merchant.fileFormats');
      for (const s of MERCHANT_SERVICES) setScheduleMinutes(db, s, input.id, m.schedules[s]);
    });
    for (const s of MERCHANT_SERVICES) await ctx.jobs.sync(s, input.id);
    // The merchant's folders may be what a config failure asked to fix.
    await ctx.jobs.settingsSaved({ kind: 'merchant', id: input.id });
    return ctx.store.read((db) => merchantView(db, requireMerchant(db, input.id)));
  },
  async 'merchants.delete'(input, ctx) {
    const cartIds = await ctx.store.write((db) => {
      const m = requireMerchant(db, input.id);
      if (input.confirmName.trim() !== m.name) {
        throw new DockhandError('validation', 'Type the merchant name to confirm', {
          fields: { confirmName: `Type "${m.name}" to delete this merchant` },
        });
      }
      const carts = listCarts(db, m.id).map((c) => c.id);
      deleteMerchant(db, m.id);
      return carts;
    });
    for (const s of MERCHANT_SERVICES) ctx.jobs.forget(s, input.id);
    for (const id of cartIds) for (const s of CART_SERVICES) ctx.jobs.forget(s, id);
    return { deleted: true as const };
  },
};
