import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function WmsScreen(_props: object) {
  return <Empty title="WmsScreen: coming soon" />;
}
