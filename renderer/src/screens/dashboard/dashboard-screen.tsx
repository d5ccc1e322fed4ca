import { Empty } from '../../components/states.js';
import type { AccountView } from '../../../../shared/api-types.js';
/** Placeholder until the screen lands. */
export function DashboardScreen(_props: { account: AccountView }) {
  return <Empty title="DashboardScreen: coming soon" />;
}
