import type { z } from 'zod';
import type { wmsInputSchema } from '../../../shared/contract.js';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import { createCsvWmsConnector } from '../connectors/wms/csv/index.js';
import { sealJson, unsealJson } from '../connector-source.js';
import { listMerchants } from '../store/repositories/merchants-repo.js';
import { getWms, saveWms } from '../store/repositories/wms-repo.js';
import { MERCHANT_SERVICES } from '../../../shared/domain.js';
import type { EngineContext } from './engine-context.js';
import type { Handlers, MethodsOf } from './handler-types.js';

type WmsInput = z.output<typeof wmsInputSchema>;

async function resolveWmsInput(ctx: EngineContext, input: WmsInput): Promise<{ settings: WmsInput['settings']; password?: string }> {
  const saved = await ctx.store.read((db) => getWms(db));
  const savedSecrets = saved ? unsealJson(ctx.secrets, saved.secretsSealed, 'WMS password') : {};
  const password = input.secrets.password ?? (savedSecrets.password as string | undefined);
  if (input.settings.transport.kind === 'ftp' && !password) {
    throw new DockhandError('validation', 'The FTP password is missing', { fields: { 'secrets.password': 'Enter the FTP password' } });
  }
  return { settings: input.settings, password };
}

export const wmsHandlers: Handlers<MethodsOf<'wms'>> = {
  async 'wms.get'(_input, ctx) {
    const row = await ctx.store.read((db) => getWms(db));
    return { configured: row !== undefined, settings: row?.settings ?? null, hasPassword: row?.secretsSealed != null };
  },
  async 'wms.save'(input, ctx) {
    const { settings, password } = await resolveWmsInput(ctx, input);
    const merchants = await ctx.store.write((db) => {
      saveWms(db, settings, sealJson(ctx.secrets, { password }), ctx.nowIso());
      return listMerchants(db);
    });
    for (const m of merchants) for (const s of MERCHANT_SERVICES) await ctx.jobs.sync(s, m.id);
    // Saved WMS settings are a person's fix: lift pauses (and alerts) of a login or config failure.
    await ctx.jobs.settingsSaved({ kind: 'wms' });
    return { configured: true, settings, hasPassword: password !== undefined };
  },
  async 'wms.test'(input, ctx) {
    let settings;
    let password: string | undefined;
    if (input.wms) {
      ({ settings, password } = await resolveWmsInput(ctx, input.wms));
    } else {
      const row = await ctx.store.read((db) => getWms(db));
      if (!row) return { ok: false, message: 'No WMS is set up yet' };
      settings = row.settings;
      password = unsealJson(ctx.secrets, row.secretsSealed, 'WMS password').password as string | undefined;
    }
    const merchants = await ctx.store.read((db) => listMerchants(db));
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DockhandError('transient', 'The test took longer than 60 s')), 60_000);
    const connector = createCsvWmsConnector(settings, { password }, { clock: ctx.clock, log: ctx.log, signal: controller.signal });
    try {
      return await connector.testConnection(merchants.map((m) => ({ merchantId: m.id, code: m.code, folders: m.folders ?? undefined })));
    } catch (err) {
      if (isDockhandError(err)) return { ok: false, message: err.message, details: { kind: err.kind } };
      throw err;
    } finally {
      clearTimeout(timer);
      await connector.close().catch(() => {});
    }
  },
};
