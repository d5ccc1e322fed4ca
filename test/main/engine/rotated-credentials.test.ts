import { afterEach, describe, expect, it } from 'vitest';
import type { CartContext } from '../../../main/engine/connectors/carts/cart-connector.js';
import { sealBound, secretToSend } from '../../../main/engine/saved-secret.js';
import { getCart, type CartRow } from '../../../main/engine/store/repositories/carts-repo.js';
import { scriptedWorld, type ScriptedCredentials, type ScriptedWorld } from './services/scripted-cart.js';

const ROTATED = 'rt-rotated-5b1f0c';

describe('a connector saves the credentials its platform rotated', () => {
  let w: ScriptedWorld;
  afterEach(async () => w.close());

  /** A cart whose download runs `during` with its context; the credentials each run got are in w.built. */
  async function cart(during: (ctx: CartContext, credentials: ScriptedCredentials) => Promise<void> = async () => {}) {
    w = await scriptedWorld({
      connector: (ctx, credentials) => ({
        testConnection: async () => ({ ok: true, message: 'ok' }),
        async *fetchOrders() {
          await during(ctx, credentials);
          yield { orders: [], invalid: [], cursor: 'c' };
        },
      }),
    });
  }
  const saved = async (): Promise<CartRow> => (await w.store.read((db) => getCart(db, w.cartId)))!;
  /** A connector built from the cart as saved now, as the next run's would be. */
  const connect = async () => w.deps.connectors.cart(await saved(), { signal: new AbortController().signal });

  it('seals them like saved cart credentials, bound to the same address, and the next run is built with them', async () => {
    let answer: boolean | undefined;
    await cart(async (ctx, credentials) => {
      if (credentials.refreshToken === 'rt-1') answer = await ctx.credentials!.save({ refreshToken: ROTATED });
    });
    expect((await w.run('order_download')).run.status).toBe('ok');
    expect(answer).toBe(true);

    const sealed = (await saved()).credentialsSealed!;
    expect(sealed).not.toContain(ROTATED);
    // Bound to the shop's address: opened there, refused anywhere else.
    expect(secretToSend(w.cipher, { sealed, address: 'https://acme.example' }, 'credentials')).toEqual({ accessToken: 'at-1', refreshToken: ROTATED });
    expect(() => secretToSend(w.cipher, { sealed, address: 'https://evil.example' }, 'credentials')).toThrow(/only to the address it was saved for/);

    await w.run('order_download');
    expect(w.built.map((b) => b.credentials)).toEqual([
      { accessToken: 'at-1', refreshToken: 'rt-1' },
      { accessToken: 'at-1', refreshToken: ROTATED },
    ]);
  });

  it('never hands the values to the logger, only the names of the fields', async () => {
    await cart(async (ctx) => void (await ctx.credentials!.save({ refreshToken: ROTATED, accessToken: 'at-rotated-77' })));
    await w.run('order_download');
    const logged = w.log.lines.join('\n');
    expect(logged).toContain('Saved the credentials the platform rotated');
    expect(logged).toContain('refreshToken');
    expect(logged).not.toContain(ROTATED);
    expect(logged).not.toContain('at-rotated-77');
  });

  it('keeps what a person entered meanwhile, and drops the rotated ones', async () => {
    await cart();
    await connect();
    const ctx = w.built.at(-1)!.ctx;
    const person = sealBound(w.cipher, { accessToken: 'at-person', refreshToken: 'rt-person' }, 'https://acme.example');
    await w.store.write((db) => db.run('UPDATE cart_connections SET credentials_sealed = ? WHERE id = ?', [person, w.cartId]));

    expect(await ctx.credentials!.save({ refreshToken: ROTATED })).toBe(false);
    expect(secretToSend(w.cipher, { sealed: (await saved()).credentialsSealed, address: 'https://acme.example' }, 'c')).toEqual({
      accessToken: 'at-person',
      refreshToken: 'rt-person',
    });
    expect(w.log.lines.join('\n')).not.toContain(ROTATED);
  });

  it('drops them when the cart was moved to another address meanwhile', async () => {
    await cart();
    await connect();
    const ctx = w.built.at(-1)!.ctx;
    const moved = sealBound(w.cipher, { accessToken: 'at-1', refreshToken: 'rt-1' }, 'https://other.example');
    await w.store.write((db) => db.run(`UPDATE cart_connections SET settings_json = '{"shop":"other.example"}', credentials_sealed = ? WHERE id = ?`, [moved, w.cartId]));
    expect(await ctx.credentials!.save({ refreshToken: ROTATED })).toBe(false);
  });

  it('lets the upload save a rotation after the download of the same cart saved one: the same lineage, not a person', async () => {
    await cart();
    await connect();
    await connect();
    const [download, upload] = w.built.map((b) => b.ctx);
    expect(await download.credentials!.save({ refreshToken: 'rt-2' })).toBe(true);
    expect(await upload.credentials!.save({ refreshToken: 'rt-3' })).toBe(true);
    await connect();
    expect(w.built.at(-1)!.credentials.refreshToken).toBe('rt-3');
  });

  it('refuses values that do not fit the platform credentials, saving nothing', async () => {
    await cart();
    await connect();
    const ctx = w.built.at(-1)!.ctx;
    const before = (await saved()).credentialsSealed;
    await expect(ctx.credentials!.save({ refreshToken: 42 as unknown as string })).rejects.toThrow(/do not fit/);
    expect((await saved()).credentialsSealed).toBe(before);
  });

  it('keeps rotations of a Test of unsaved settings in memory only', async () => {
    await cart();
    const row = { ...(await saved()), id: 0 };
    const before = (await saved()).credentialsSealed;
    w.deps.connectors.cart(row, { signal: new AbortController().signal });
    expect(await w.built.at(-1)!.ctx.credentials!.save({ refreshToken: ROTATED })).toBe(true);
    expect((await saved()).credentialsSealed).toBe(before);
  });
});
