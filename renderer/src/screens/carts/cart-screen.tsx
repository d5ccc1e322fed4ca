import { useState } from 'react';
import type { CartView, MerchantView } from '../../../../shared/api-types.js';
import { useApi } from '../../api/hooks.js';
import { ArrowLeft, Settings, Stethoscope, Trash2 } from 'lucide-react';
import { Tabs } from 'radix-ui';
import { Link, navigate } from '../../app/router.js';
import { ActionsMenu, ActionsMenuItem } from '../../components/actions-menu.js';
import { SelectField } from '../../components/field.js';
import { Banner, Empty, QueryView } from '../../components/states.js';
import { CartForm, type PlatformInfo } from './cart-form.js';
import { DeleteCartDialog } from './delete-cart-dialog.js';
import { PlatformChoice } from './platform-choice.js';
import { platformForm } from './platforms/index.js';
import { SyncPosition } from './sync-position.js';
import { ConnectionBox } from './connection/connection-box.js';
import { ConsentComesNext } from './connection/consent-comes-next.js';

/** `#/carts/new?merchant=:id` and `#/carts/:id`: connect a shop to a merchant, test it, save it. */
export function CartScreen({ id, merchantId, tab }: { id: number | null; merchantId: number | null; tab?: string | null }) {
  const platforms = useApi('carts.platforms', {});
  return (
    <div className="cart-screen">
      <QueryView query={platforms} what="Loading platforms">
        {(list) => (id === null ? <NewCart merchantId={merchantId} platforms={list} /> : <EditCart id={id} platforms={list} tab={tab === 'diagnostics' ? 'diagnostics' : 'settings'} />)}
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
            {merchant && info?.oauth ? <ConsentComesNext platformName={info.displayName} oauth={info.oauth} /> : null}
            {merchant && info && form ? <CartForm key={info.platform} cart={null} merchantId={merchant.id} info={info} form={form} /> : null}
            {merchant && info && !form ? <Banner kind="warning">{info.displayName} cannot be set up from this screen yet.</Banner> : null}
            {!merchant ? <p className="muted">Choose the merchant this shop belongs to.</p> : !platform ? <p className="muted">Choose the shop's platform to continue.</p> : null}
          </>
        );
      }}
    </QueryView>
  );
}

type CartTab = 'settings' | 'diagnostics';

function EditCart({ id, platforms, tab }: { id: number; platforms: PlatformInfo[]; tab: CartTab }) {
  const cart = useApi('carts.get', { id });
  return (
    <QueryView query={cart} what="Loading the cart connection">
      {(c) => <CartDetail key={c.id} cart={c} platforms={platforms} tab={tab} />}
    </QueryView>
  );
}

function CartDetail({ cart, platforms, tab }: { cart: CartView; platforms: PlatformInfo[]; tab: CartTab }) {
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
        <ActionsMenu>
          <ActionsMenuItem danger icon={<Trash2 size={16} aria-hidden="true" />} onSelect={() => setDeleting(true)}>
            Remove connection…
          </ActionsMenuItem>
        </ActionsMenu>
      </div>
      {cart.authError && !info.oauth ? (
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
      {/* The tab is in the address (?tab=diagnostics), so an alert or a person can link straight to it. */}
      <Tabs.Root value={tab} onValueChange={(value) => navigate(value === 'diagnostics' ? `/carts/${cart.id}?tab=diagnostics` : `/carts/${cart.id}`)}>
        <Tabs.List className="tabs__list" aria-label="Cart connection">
          <Tabs.Trigger className="tabs__trigger" value="settings">
            <Settings size={16} aria-hidden="true" />
            Settings
          </Tabs.Trigger>
          <Tabs.Trigger className="tabs__trigger" value="diagnostics">
            <Stethoscope size={16} aria-hidden="true" />
            Diagnostics
          </Tabs.Trigger>
        </Tabs.List>
        {/* Kept mounted while Diagnostics shows, so unsaved edits survive a look at the sync position. */}
        <Tabs.Content value="settings" forceMount hidden={tab !== 'settings'}>
          {info.oauth ? <ConnectionBox cartId={cart.id} platformName={info.displayName} /> : null}
          {form ? <CartForm cart={cart} merchantId={cart.merchantId} info={info} form={form} /> : <Banner kind="warning">{info.displayName} cannot be edited from this screen yet.</Banner>}
        </Tabs.Content>
        <Tabs.Content value="diagnostics">
          <SyncPosition cart={cart} />
        </Tabs.Content>
      </Tabs.Root>
      {deleting ? <DeleteCartDialog cart={cart} onClose={() => setDeleting(false)} /> : null}
    </>
  );
}

function BackToMerchant({ id, name }: { id: number; name: string }) {
  return (
    <p className="cart-screen__back">
      <Link to={`/merchants/${id}`} className="back-link">
        <ArrowLeft size={16} aria-hidden="true" />
        {name}
      </Link>
    </p>
  );
}
