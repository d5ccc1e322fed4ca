import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function OrdersScreen(_props: { query: URLSearchParams }) {
  return <Empty title="OrdersScreen: coming soon" />;
}
