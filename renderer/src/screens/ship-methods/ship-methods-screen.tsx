import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function ShipMethodsScreen(_props: { query: URLSearchParams }) {
  return <Empty title="ShipMethodsScreen: coming soon" />;
}
