import { describe, expect, it } from 'vitest';
import { merchantInputSchema } from '../../../shared/contract.js';
import { ApiError } from '../../../renderer/src/api/api-error.js';
import { apiFieldErrors, unshownErrors, validate } from '../../../renderer/src/components/form-errors.js';

describe('form validation with the API schemas', () => {
  it('puts each message on its dotted field path, the first message per field', () => {
    const result = validate(merchantInputSchema, { name: '', code: 'bad code!', schedules: { order_delivery: 3, shipment_pickup: 30, inventory_pickup: 60 } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.name).toBe('Enter the merchant name');
    expect(result.errors.code).toMatch(/letters, digits/);
    expect(result.errors['schedules.order_delivery']).toMatch(/not allowed for order delivery: choose every 5 min to once a day, or off/);
  });

  it('passes valid input through with the schema defaults applied', () => {
    const result = validate(merchantInputSchema, { name: 'Acme', code: 'ACME' });
    expect(result).toMatchObject({ ok: true, data: { name: 'Acme', code: 'ACME', errorContacts: [] } });
  });

  it('maps API field errors back onto the form, without the update wrapper', () => {
    const err = new ApiError('validation', 'Invalid input', { 'merchant.code': 'Taken', other: 'x' });
    expect(apiFieldErrors(err, 'merchant')).toEqual({ code: 'Taken', other: 'x' });
    expect(apiFieldErrors(new Error('plain'))).toEqual({});
  });

  it('lists the messages of fields a form does not show, so none is lost', () => {
    expect(unshownErrors({ name: 'a', _form: 'b', hidden: 'c' }, ['name'])).toEqual(['b', 'hidden: c']);
  });
});
