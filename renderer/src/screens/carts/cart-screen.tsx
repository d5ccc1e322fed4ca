import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function CartScreen(_props: { id: number | null; merchantId: number | null }) {
  return <Empty title="CartScreen: coming soon" />;
}
