import { describe, expect, it } from 'vitest';
import { demoSettingsSchema } from '../../../../../shared/schemas/demo.js';
import { validate } from '../../../../../renderer/src/components/form-errors.js';
import { demoForm } from '../../../../../renderer/src/screens/carts/platforms/demo-form.js';

describe('the Demo store form', () => {
  it('starts with 5 orders per download and seed 1, which the API accepts', () => {
    expect(demoForm.newDraft()).toEqual({ ordersPerRun: '5', seed: '1' });
    expect(demoSettingsSchema.parse(demoForm.toInput(demoForm.newDraft()).settings)).toEqual({ ordersPerRun: 5, seed: 1 });
  });

  it('needs no credentials, and sends none', () => {
    expect(demoForm.checkCredentials(demoForm.newDraft(), false)).toEqual({});
    expect(demoForm.toInput(demoForm.newDraft()).credentials).toBeUndefined();
  });

  it('shows a saved connection as saved, and falls back to the defaults when its settings do not read', () => {
    expect(demoForm.draftFromSaved({ ordersPerRun: 0, seed: 42 })).toEqual({ ordersPerRun: '0', seed: '42' });
    expect(demoForm.draftFromSaved({ ordersPerRun: 'many' })).toEqual({ ordersPerRun: '5', seed: '1' });
  });

  it('rejects a blank or fractional number of orders on its field instead of sending 0', () => {
    const blank = validate(demoSettingsSchema, demoForm.toInput({ ordersPerRun: ' ', seed: '1' }).settings);
    expect(blank.ok ? [] : Object.keys(blank.errors)).toEqual(['ordersPerRun']);
    const fraction = validate(demoSettingsSchema, demoForm.toInput({ ordersPerRun: '2.5', seed: '1' }).settings);
    expect(fraction.ok ? [] : Object.keys(fraction.errors)).toEqual(['ordersPerRun']);
  });
});
