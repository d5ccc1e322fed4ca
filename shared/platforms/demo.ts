import { demoCredentialsSchema, demoSettingsSchema } from '../schemas/demo.js';
import type { CartPlatform } from './cart-platform.js';
import { notStartedText, parseJsonObject, UNREADABLE_POSITION, type SyncPositionText } from './sync-position.js';

/** The Demo store's position: {"issued":n} or a bare count; null when it is neither. */
function demoIssued(position: string): number | null {
  const text = position.trim();
  const value = /^\d+$/.test(text) ? Number(text) : parseJsonObject(text)?.issued;
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : null;
}

function describeDemoPosition(position: string | null, earliestOrderDate: string): SyncPositionText {
  const editHint = 'How many orders the Demo store has handed out, like 12.';
  if (position === null) return { summary: notStartedText(earliestOrderDate), unreadable: false, editHint, editValue: '0' };
  const issued = demoIssued(position);
  if (issued === null) return { summary: UNREADABLE_POSITION, unreadable: true, editHint, editValue: position };
  const handed = issued === 1 ? '1 order' : `${issued} orders`;
  return { summary: `The Demo store has handed out ${handed}; the next download starts at order ${issued + 1}.`, unreadable: false, editHint, editValue: String(issued) };
}

export const demoPlatform = {
  platform: 'demo',
  displayName: 'Demo store',
  blurb: 'A built-in shop that invents realistic orders: try the whole loop without an account.',
  capabilities: { shipments: true, inventory: true, tracking: 'per_line' },
  settingsSchema: demoSettingsSchema,
  credentialsSchema: demoCredentialsSchema,
  // No credentials, so none is ever saved or sent.
  secretAddress: () => null,
  requiredCredentials: () => ({}),
  secretPatterns: [],
  // The Demo store takes any carrier; it keeps the warehouse's own names.
  carriers: { names: {}, custom: 'name_and_url' },
  linkSites: [],
  describeSyncPosition: describeDemoPosition,
} satisfies CartPlatform<'demo', typeof demoSettingsSchema, typeof demoCredentialsSchema>;
