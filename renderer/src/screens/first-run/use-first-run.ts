import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { AccountMode } from '../../../../shared/domain.js';
import type { ApiError } from '../../api/api-error.js';
import { call } from '../../api/client.js';
import { navigate } from '../../app/router.js';

/** The steps of "Try with demo data", shown as a checklist while they run. */
export type DemoStep = 'account' | 'demo' | 'opening';

export const DEMO_STEP_LABELS: Record<DemoStep, string> = {
  account: 'Saving how you work',
  demo: 'Creating the Demo Merchant, the Demo store, the warehouse folder and the schedules',
  opening: 'Opening the dashboard',
};

/**
 * The two ways out of the first run. Both call the API directly (not useApiMutation) and refresh the
 * queries only at the end: refreshing `account.get` swaps this screen for the app, and the demo path
 * must finish both calls and show its progress before that happens.
 */
export function useFirstRun() {
  const client = useQueryClient();
  const [step, setStep] = useState<DemoStep | null>(null);

  const finish = async (to: string) => {
    navigate(to);
    await client.invalidateQueries();
  };

  const setUpMyself = useMutation<void, ApiError, AccountMode>({
    mutationFn: async (mode) => {
      await call('account.setup', { mode });
      // The Dashboard shows the checklist of what to set up, each step linked to its screen.
      await call('setup.begin', {});
      await finish('/');
    },
  });

  const tryDemo = useMutation<void, ApiError, AccountMode>({
    mutationFn: async (mode) => {
      setStep('account');
      await call('account.setup', { mode });
      setStep('demo');
      await call('demo.setup', {});
      setStep('opening');
      await finish('/');
    },
  });

  const busy = setUpMyself.isPending || tryDemo.isPending;
  const error = setUpMyself.error ?? tryDemo.error;
  return { setUpMyself, tryDemo, step, busy, error };
}
