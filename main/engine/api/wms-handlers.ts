import type { z } from 'zod';
import type { wmsInputSchema } from '../../../shared/contract.js';
import { DockhandError, isDockhandError } from '../../../shared/errors.js';
import { createCsvWmsConnector } from '../connectors/wms/csv/index.js';
import { wmsSecretAddress } from '../../../shared/schemas/wms.js';
import { transportRequiredSecrets, type TransportSecrets } from '../../../shared/transports/index.js';
import type { TestResultView } from '../../../shared/api-types.js';
import { resolveSecret, sealBound, secretToSend } from '../saved-secret.js';
import { listMerchants } from '../store/repositories/merchants-repo.js';
import { getWms, saveWms, type WmsRow } from '../store/repositories/wms-repo.js';
import { MERCHANT_SERVICES } from '../../../shared/domain.js';
import type { EngineContext } from './engine-context.js';
import type { Handlers, MethodsOf } from './handler-types.js';

type WmsInput = z.output<typeof wmsInputSchema>;

/**
 * The settings and password to test or save: the typed password, or the saved one where it may go to
 * the server the settings point at (saved-secret.ts).
 */
async function resolveWmsInput(ctx: EngineContext, input: WmsInput): Promise<{ settings: WmsInput['settings']; secrets: TransportSecrets; address: string | null }> {
  const saved = await ctx.store.read((db) => getWms(db));
  const address = wmsSecretAddress(input.settings);
  const secrets = resolveSecret(ctx.secrets, {
    provided: input.secrets,
    saved: saved ? { sealed: saved.secretsSealed, address: wmsSecretAddress(saved.settings) } : undefined,
    address,
    // The transport's descriptor says which secrets its settings need (an FTP password, an SFTP key...).
    required: address === null ? {} : transportRequiredSecrets(input.settings.transport),
    fieldPrefix: 'secrets',
    place: 'server',
    what: 'WMS password',
  });
  return { settings: input.settings, secrets: secrets as TransportSecrets, address };
}

/** The saved setup's secrets, for the server they were saved for only. */
function savedSecrets(ctx: EngineContext, row: WmsRow): TransportSecrets {
  return secretToSend(ctx.secrets, { sealed: row.secretsSealed, address: wmsSecretAddress(row.settings) }, 'WMS password') as TransportSecrets;
}

export const wmsHandlers: Handlers<MethodsOf<'wms'>> = {
  async 'wms.get'(_input, ctx) {
    const row = await ctx.store.read((db) => getWms(db));
    return { configured: row !== undefined, settings: row?.settings ?? null, hasPassword: row?.secretsSealed != null };
  },
  async 'wms.save'(input, ctx) {
    const { settings, secrets, address } = await resolveWmsInput(ctx, input);
    const sealed = sealBound(ctx.secrets, secrets, address);
    const { merchants, stored } = await ctx.store.write((db) => {
      const stored = saveWms(db, settings, sealed, ctx.nowIso());
      return { merchants: listMerchants(db), stored };
    });
    for (const m of merchants) for (const s of MERCHANT_SERVICES) await ctx.jobs.sync(s, m.id);
    // Saved WMS settings are a person's fix: lift pauses (and alerts) of a login or config failure.
    await ctx.jobs.settingsSaved({ kind: 'wms' });
    return { configured: true, settings: stored, hasPassword: sealed !== null };
  },
  async 'wms.test'(input, ctx) {
    let settings;
    let secrets: TransportSecrets;
    if (input.wms) {
      ({ settings, secrets } = await resolveWmsInput(ctx, input.wms));
    } else {
      const row = await ctx.store.read((db) => getWms(db));
      if (!row) return { ok: false, message: 'No WMS is set up yet' };
      settings = row.settings;
      try {
        secrets = savedSecrets(ctx, row);
      } catch (err) {
        if (isDockhandError(err)) return { ok: false, message: err.message, details: { kind: err.kind } };
        throw err;
      }
    }
    const merchants = await ctx.store.read((db) => listMerchants(db));
    const ofSaved = !input.wms;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new DockhandError('transient', 'The test took longer than 60 s')), 60_000);
    // A Test may meet a server whose identity (an SFTP host key) is not confirmed yet: it shows it to confirm.
    let seenFingerprint: string | undefined;
    const identity = { allowUnconfirmed: true, seen: (fingerprint: string) => (seenFingerprint = fingerprint) };
    const connector = createCsvWmsConnector(settings, secrets, { clock: ctx.clock, log: ctx.log, signal: controller.signal, identity });
    try {
      const tested = await connector.testConnection(merchants.map((m) => ({ merchantId: m.id, code: m.code, folders: m.folders ?? undefined })));
      const result = withServerIdentity(withFolderLines(tested), seenFingerprint);
      // The saved settings work: what a failure paused runs again soon, and its alert clears when it passes.
      if (result.ok && ofSaved) await ctx.jobs.settingsSaved({ kind: 'wms' });
      return result;
    } catch (err) {
      if (isDockhandError(err)) return { ok: false, message: err.message, details: { kind: err.kind } };
      throw err;
    } finally {
      clearTimeout(timer);
      await connector.close().catch(() => {});
    }
  },
};

/** Each folder's line ("ACME/confirmations: 3 files, writable") in `details.folders`, for the screen to list. */
function withFolderLines({ folders, ...result }: TestResultView & { folders?: string[] }): TestResultView {
  return folders === undefined ? result : { ...result, details: { ...result.details, folders } };
}

/**
 * The server key a Test saw, in the result (`details.hostKeyFingerprint`): the screen shows it and saves
 * it with the settings once the person confirms it (the settings say whether one is confirmed).
 */
function withServerIdentity(result: TestResultView, seen: string | undefined): TestResultView {
  return seen === undefined ? result : { ...result, details: { ...result.details, hostKeyFingerprint: seen } };
}
