import { useState } from 'react';
import type { CartView, MerchantView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { Link } from '../../app/router.js';
import { SelectField } from '../../components/field.js';
import { Banner, Empty, QueryView } from '../../components/states.js';
import { useFlash } from '../merchants/flash.js';
import { CartForm, type PlatformInfo } from './cart-form.js';
import { DeleteCartDialog } from './delete-cart-dialog.js';
import { PlatformChoice } from './platform-choice.js';
import { platformForm } from './platforms/index.js';
import { SyncPosition } from './sync-position.js';

/** `#/carts/new?merchant=:id` and `#/carts/:id`: connect a shop to a merchant, test it, save it. */
export function CartScreen({ id, merchantId }: { id: number | null; merchantId: number | null }) {
  const platforms = useApi('carts.platforms', {});
  return (
    <div className="cart-screen">
      <QueryView query={platforms} what="Loading platforms">
        {(list) => (id === null ? <NewCart merchantId={merchantId} platforms={list} /> : <EditCart id={id} platforms={list} />)}
      </QueryView>
    </div>
  );
}

function NewCart({ merchantId, platforms }: { merchantId: number | null; platforms: PlatformInfo[] }) {
  const merchants = useApi('merchants.list', {});
  const [chosenMerchant, setChosenMerchant] = useState<number | null>(merchantId);
  const [platform, setPlatform] = useState<string | null>(platforms.length === 1 ? platforms[0].platform : null);
  const info = platforms.find((p) => p.platform === platform);
  const form = platform ? platformForm(platform) : undefined;
  return (
    <QueryView query={merchants} what="Loading merchants">
      {(list: MerchantView[]) => {
        if (list.length === 0)
          return (
            <Empty title="Add a merchant first">
              A cart connection belongs to a merchant. <Link to="/merchants/new">Add merchant</Link>
            </Empty>
          );
        const merchant = list.find((m) => m.id === chosenMerchant);
        return (
          <>
            {merchant ? <BackToMerchant id={merchant.id} name={merchant.name} /> : null}
            <h1>Connect a cart{merchant ? ` to ${merchant.name}` : ''}</h1>
            {merchantId === null || !merchant ? (
              <SelectField
                label="Merchant"
                value={chosenMerchant ? String(chosenMerchant) : ''}
                onValue={(value) => setChosenMerchant(Number(value) || null)}
                options={[{ value: '', label: 'Choose a merchant' }, ...list.map((m) => ({ value: String(m.id), label: m.name }))]}
              />
            ) : null}
            <h2>Platform</h2>
            <PlatformChoice platforms={platforms} chosen={platform} onChoose={setPlatform} />
            {merchant && info && form ? <CartForm key={info.platform} cart={null} merchantId={merchant.id} info={info} form={form} /> : null}
            {merchant && info && !form ? <Banner kind="warning">{info.displayName} cannot be set up from this screen yet.</Banner> : null}
            {!merchant ? <p className="muted">Choose the merchant this shop belongs to.</p> : !platform ? <p className="muted">Choose the shop's platform to continue.</p> : null}
          </>
        );
      }}
    </QueryView>
  );
}

function EditCart({ id, platforms }: { id: number; platforms: PlatformInfo[] }) {
  const cart = useApi('carts.get', { id });
  const flash = useFlash();
  return (
    <QueryView query={cart} what="Loading the cart connection">
      {(c) => <CartDetail key={c.id} cart={c} platforms={platforms} flash={flash} />}
    </QueryView>
  );
}

function CartDetail({ cart, platforms, flash }: { cart: CartView; platforms: PlatformInfo[]; flash: string | null }) {
  const merchant = useApi('merchants.get', { id: cart.merchantId });
  const [deleting, setDeleting] = useState(false);
  const info = platforms.find((p) => p.platform === cart.platform) ?? { platform: cart.platform, displayName: cart.platform, capabilities: cart.capabilities };
  const form = platformForm(cart.platform);
  return (
    <>
      <BackToMerchant id={cart.merchantId} name={merchant.data?.name ?? 'the merchant'} />
      <div className="page-header">
        <h1>
          {cart.name} <span className="badge">{info.displayName}</span>
        </h1>
        <button type="button" className="button button--danger" onClick={() => setDeleting(true)}>
          Remove…
        </button>
      </div>
      {flash ? <Banner kind="success">{flash}</Banner> : null}
      {cart.authError ? (
        <Banner kind="warning">
          <strong>This cart's schedules are paused: the shop refused the credentials.</strong> {cart.authError} Enter working credentials, Test, and Save to
          resume.
        </Banner>
      ) : null}
      {cart.notices.map((notice) => (
        <Banner key={notice} kind="warning">
          <strong>This cart keeps working, but a setting needs you.</strong> {notice}
        </Banner>
      ))}
      {form ? <CartForm cart={cart} merchantId={cart.merchantId} info={info} form={form} /> : <Banner kind="warning">{info.displayName} cannot be edited from this screen yet.</Banner>}
      <SyncPosition cart={cart} />
      {deleting ? <DeleteCartDialog cart={cart} onClose={() => setDeleting(false)} /> : null}
    </>
  );
}

function BackToMerchant({ id, name }: { id: number; name: string }) {
  return (
    <p className="cart-screen__back">
      <Link to={`/merchants/${id}`}>← {name}</Link>
    </p>
  );
}
