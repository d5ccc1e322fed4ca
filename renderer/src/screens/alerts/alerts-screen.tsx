import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function AlertsScreen(_props: object) {
  return <Empty title="AlertsScreen: coming soon" />;
}
