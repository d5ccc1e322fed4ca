import { Empty } from '../../components/states.js';
import type { AccountView } from '../../../../shared/api-types.js';
/** Placeholder until the screen lands. */
export function MerchantsScreen(_props: { account: AccountView }) {
  return <Empty title="MerchantsScreen: coming soon" />;
}
