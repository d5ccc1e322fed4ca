import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function OrderScreen(_props: { id: number }) {
  return <Empty title="OrderScreen: coming soon" />;
}
