import { describe, expect, it } from 'vitest';
import { customMinutes } from '../../../renderer/src/components/frequency-field.js';
import { BLANK_FREQUENCY_MESSAGE, frequencySchema } from '../../../shared/frequency.js';
import { merchantInputSchema } from '../../../shared/contract.js';
import { validate } from '../../../renderer/src/components/form-errors.js';

describe('a custom frequency left blank', () => {
  it('is an error that says what to enter, never a silent Off', () => {
    // It was taken for null, and the job was saved Off without a word.
    expect(customMinutes('')).toBeNaN();
    expect(customMinutes('  ')).toBeNaN();
    expect(customMinutes('45')).toBe(45);
    const checked = validate(merchantInputSchema, { name: 'Acme', code: 'ACME', schedules: { order_delivery: customMinutes(''), shipment_pickup: 30, inventory_pickup: null } });
    expect(checked).toEqual({ ok: false, errors: { 'schedules.order_delivery': BLANK_FREQUENCY_MESSAGE } });
    expect(BLANK_FREQUENCY_MESSAGE).toBe('Enter how often this runs, in minutes, or choose Off');
  });

  it('still accepts Off, and refuses a fraction or a value out of range in words', () => {
    const schema = frequencySchema('order_delivery');
    expect(schema.safeParse(null).success).toBe(true);
    expect(schema.safeParse(2.5).error?.issues[0].message).toBe('Enter a whole number of minutes');
    expect(schema.safeParse(2).error?.issues[0].message).toMatch(/choose every 5 min to once a day, or off/);
  });
});
