import { getAccount, setAccountMode } from '../store/repositories/account-repo.js';
import type { Handlers, MethodsOf } from './handler-types.js';

export const accountHandlers: Handlers<MethodsOf<'account'>> = {
  async 'account.get'(_input, ctx) {
    const account = await ctx.store.read((db) => getAccount(db));
    return { configured: account !== undefined, mode: account?.mode ?? null };
  },
  async 'account.setup'(input, ctx) {
    await ctx.store.write((db) => setAccountMode(db, input.mode, ctx.nowIso()));
    return { configured: true, mode: input.mode };
  },
};
