import { useState } from 'react';
import type { AccountView, MerchantView } from '../../../../shared/api-types.js';
import { call } from '../../api/client.js';
import { useApi } from '../../api/hooks.js';
import { useQueryClient } from '@tanstack/react-query';
import { Link, navigate } from '../../app/router.js';
import { ArrowLeft, Trash2 } from 'lucide-react';
import { ActionsMenu, ActionsMenuItem } from '../../components/actions-menu.js';
import { Empty, QueryView } from '../../components/states.js';
import { toast } from '../../components/toaster.js';
import { DeleteMerchantDialog } from './delete-merchant-dialog.js';
import { MerchantCarts } from './merchant-carts.js';
import { merchantDraftFrom, newMerchantDraft } from './merchant-draft.js';
import { MerchantForm } from './merchant-form.js';

/** `#/merchants/new` and `#/merchants/:id`: the merchant form, its carts, and delete. */
export function MerchantScreen({ id, account }: { id: number | null; account: AccountView }) {
  const single = account.mode === 'single_merchant';
  return id === null ? <NewMerchant single={single} /> : <EditMerchant id={id} single={single} />;
}

function NewMerchant({ single }: { single: boolean }) {
  const client = useQueryClient();
  const merchants = useApi('merchants.list', {});
  const title = single ? 'Your business' : 'New merchant';
  return (
    <div className="merchant-screen">
      <BackLink single={single} />
      <h1>{title}</h1>
      <QueryView query={merchants} what="Loading">
        {(list) =>
          single && list.length > 0 ? (
            <Empty title="Your business is already set up">
              This account runs in single-merchant mode. <Link to={`/merchants/${list[0].id}`}>Open {list[0].name}</Link>
            </Empty>
          ) : (
            <MerchantForm
              initial={newMerchantDraft()}
              submitLabel={single ? 'Save' : 'Add merchant'}
              apiPrefix=""
              onSave={async (input) => {
                const created = await call('merchants.create', input);
                await client.invalidateQueries();
                toast(`${created.name} saved. Connect a cart next, so Dockhand can download its orders.`);
                navigate(`/merchants/${created.id}`);
              }}
            />
          )
        }
      </QueryView>
    </div>
  );
}

function EditMerchant({ id, single }: { id: number; single: boolean }) {
  const merchant = useApi('merchants.get', { id });
  return (
    <div className="merchant-screen">
      <BackLink single={single} />
      <QueryView query={merchant} what="Loading the merchant">
        {(m) => <MerchantDetail key={m.id} merchant={m} single={single} />}
      </QueryView>
    </div>
  );
}

function MerchantDetail({ merchant, single }: { merchant: MerchantView; single: boolean }) {
  const client = useQueryClient();
  const [deleting, setDeleting] = useState(false);
  const carts = useApi('carts.list', { merchantId: merchant.id });
  return (
    <>
      <div className="page-header">
        <h1>{single ? `Your business: ${merchant.name}` : merchant.name}</h1>
        <ActionsMenu>
          <ActionsMenuItem danger icon={<Trash2 size={16} aria-hidden="true" />} onSelect={() => setDeleting(true)}>
            Delete merchant…
          </ActionsMenuItem>
        </ActionsMenu>
      </div>
      <MerchantForm
        initial={merchantDraftFrom(merchant)}
        submitLabel="Save changes"
        apiPrefix="merchant."
        onSave={async (input) => {
          await call('merchants.update', { id: merchant.id, merchant: input });
          await client.invalidateQueries();
        }}
      />
      <MerchantCarts merchantId={merchant.id} />
      {deleting ? <DeleteMerchantDialog merchant={merchant} cartCount={carts.data?.length ?? 0} onClose={() => setDeleting(false)} /> : null}
    </>
  );
}

function BackLink({ single }: { single: boolean }) {
  return (
    <p className="merchant-screen__back">
      <Link to="/merchants" className="back-link">
        <ArrowLeft size={16} aria-hidden="true" />
        {single ? 'Your business' : 'All merchants'}
      </Link>
    </p>
  );
}
