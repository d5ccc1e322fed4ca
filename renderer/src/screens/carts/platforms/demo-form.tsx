import { demoSettingsSchema } from '../../../../../shared/schemas/demo.js';
import { TextField } from '../../../components/field.js';
import type { PlatformForm, PlatformSectionProps } from '../platform-form.js';

/** The built-in Demo store: no account, just how many orders it invents per download. */

interface DemoDraft {
  ordersPerRun: string;
  seed: string;
}

function DemoOptions({ draft, change, errors }: PlatformSectionProps<DemoDraft>) {
  return (
    <>
      <TextField
        label="Orders per download"
        type="number"
        min={0}
        value={draft.ordersPerRun}
        onValue={(ordersPerRun) => change({ ordersPerRun })}
        error={errors['settings.ordersPerRun']}
        hint="How many new orders the demo shop invents each time orders are downloaded (0 stops new ones)."
      />
      <TextField
        label="Seed"
        type="number"
        value={draft.seed}
        onValue={(seed) => change({ seed })}
        error={errors['settings.seed']}
        hint="The same seed invents the same orders, so a demo can be repeated."
      />
    </>
  );
}

const toNumber = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

export const demoForm: PlatformForm<DemoDraft> = {
  platform: 'demo',
  newDraft: () => ({ ordersPerRun: '5', seed: '1' }),
  draftFromSaved(settings) {
    const parsed = demoSettingsSchema.safeParse(settings);
    const s = parsed.success ? parsed.data : demoSettingsSchema.parse({});
    return { ordersPerRun: String(s.ordersPerRun), seed: String(s.seed) };
  },
  toInput: (draft) => ({ settings: { ordersPerRun: toNumber(draft.ordersPerRun), seed: toNumber(draft.seed) } }),
  checkCredentials: () => ({}),
  shownFields: ['settings.ordersPerRun', 'settings.seed'],
  Options: DemoOptions,
  noCredentialsText: 'The Demo store needs no account or credentials.',
};
