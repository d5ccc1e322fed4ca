import { Empty } from '../../components/states.js';

/** Placeholder until the screen lands. */
export function ActivityScreen(_props: { query: URLSearchParams }) {
  return <Empty title="ActivityScreen: coming soon" />;
}
