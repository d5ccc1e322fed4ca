import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function FirstRunScreen(_props: object) {
  return <Empty title="FirstRunScreen: coming soon" />;
}
