import { Empty } from '../../components/states.js';
import type { AccountView } from '../../../../shared/api-types.js';
/** Placeholder until the screen lands. */
export function MerchantScreen(_props: { id: number | null; account: AccountView }) {
  return <Empty title="MerchantScreen: coming soon" />;
}
