/**
 * The "Set up myself" checklist: the steps a new warehouse takes before orders flow, in order. The
 * engine decides which are done (setup.progress); the screens show each with its link.
 */
export const SETUP_STEPS = ['warehouse', 'merchant', 'store', 'ship_methods', 'services'] as const;
export type SetupStep = (typeof SETUP_STEPS)[number];

export interface SetupStepText {
  title: string;
  /** What to do, in one line. */
  hint: string;
}

export const SETUP_STEP_TEXT: Record<SetupStep, SetupStepText> = {
  warehouse: { title: 'Set up the warehouse', hint: 'How Dockhand reaches your WMS: its folders, server or e-mail, and the file formats.' },
  merchant: { title: 'Add your first merchant', hint: 'The business whose orders you fulfil.' },
  store: { title: 'Connect the first store and pass its Test', hint: 'The merchant\'s online store; press Test on the saved store until it passes.' },
  ship_methods: { title: 'Map ship methods', hint: 'List the WMS ship methods and map every code the stores send to one of them.' },
  services: { title: 'Turn the services on', hint: 'Schedule the store\'s order download and the merchant\'s order delivery.' },
};

/** A merchant running its own warehouse sets up its business, not "a first merchant". */
export function setupStepText(step: SetupStep, singleMerchant: boolean): SetupStepText {
  if (singleMerchant && step === 'merchant') return { title: 'Set up your business', hint: 'Its name and code, and its warehouse schedules.' };
  if (singleMerchant && step === 'store') return { title: 'Connect your store and pass its Test', hint: 'Your online store; press Test on the saved store until it passes.' };
  return SETUP_STEP_TEXT[step];
}
