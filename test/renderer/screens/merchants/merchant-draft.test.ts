import { describe, expect, it } from 'vitest';
import { merchantInputSchema } from '../../../../shared/contract.js';
import { validate } from '../../../../renderer/src/components/form-errors.js';
import {
  DEFAULT_MERCHANT_SCHEDULES,
  foldContactErrors,
  merchantDraftFrom,
  merchantInputFrom,
  newMerchantDraft,
  splitContacts,
  type MerchantDraft,
} from '../../../../renderer/src/screens/merchants/merchant-draft.js';
import { merchantView } from '../../../support/api-views.js';

const draft = (overrides: Partial<MerchantDraft> = {}): MerchantDraft => ({ ...newMerchantDraft(), name: 'Acme Outdoor', code: 'ACME', ...overrides });

describe('the error contacts a user types', () => {
  it('may be one per line, or separated by commas, semicolons or spaces', () => {
    expect(splitContacts('ops@acme.test\nboss@acme.test')).toEqual(['ops@acme.test', 'boss@acme.test']);
    expect(splitContacts('ops@acme.test, boss@acme.test;it@acme.test  night@acme.test')).toEqual([
      'ops@acme.test',
      'boss@acme.test',
      'it@acme.test',
      'night@acme.test',
    ]);
  });

  it('ignore blank lines and stray separators', () => {
    expect(splitContacts('\n  ops@acme.test ,,\n\n')).toEqual(['ops@acme.test']);
    expect(splitContacts('   ')).toEqual([]);
  });
});

describe('a new merchant form', () => {
  it('starts blank with the default WMS schedules', () => {
    const fresh = newMerchantDraft();
    expect(fresh).toMatchObject({ name: '', code: '', contacts: '', folders: { orders: '', confirmations: '', inventory: '' } });
    expect(fresh.schedules).toEqual({ order_delivery: 15, shipment_pickup: 30, inventory_pickup: 60 });
  });

  it('sends each shipment to the cart as it comes unless the user chooses to wait for the whole order', () => {
    expect(newMerchantDraft().partialShipments).toBe('as_shipped');
    expect(merchantInputFrom(draft({ partialShipments: 'when_complete' })).partialShipments).toBe('when_complete');
  });

  it('does not share its schedules with the defaults, so editing one form leaves the next one clean', () => {
    newMerchantDraft().schedules.order_delivery = 60;
    expect(DEFAULT_MERCHANT_SCHEDULES.order_delivery).toBe(15);
    expect(newMerchantDraft().schedules.order_delivery).toBe(15);
  });
});

describe('the merchant sent to the API', () => {
  it('is accepted by the API schema as the user filled it in', () => {
    const input = merchantInputFrom(draft({ contacts: 'ops@acme.test\nboss@acme.test' }));
    const checked = validate(merchantInputSchema, input);
    expect(checked.ok).toBe(true);
    expect(input.errorContacts).toEqual(['ops@acme.test', 'boss@acme.test']);
  });

  it('has no folder override when every folder is left blank, so the WMS folders apply', () => {
    expect(merchantInputFrom(draft({ folders: { orders: '  ', confirmations: '', inventory: '' } })).folders).toBeNull();
  });

  it('overrides only the folders the user filled in, trimmed', () => {
    expect(merchantInputFrom(draft({ folders: { orders: ' acme/in ', confirmations: '', inventory: 'acme/stock' } })).folders).toEqual({
      orders: 'acme/in',
      inventory: 'acme/stock',
    });
  });

  it('carries a schedule switched off as off', () => {
    const input = merchantInputFrom(draft({ schedules: { order_delivery: 5, shipment_pickup: null, inventory_pickup: 1440 } }));
    expect(input.schedules).toEqual({ order_delivery: 5, shipment_pickup: null, inventory_pickup: 1440 });
  });
});

describe('editing a saved merchant', () => {
  const saved = merchantView({
    name: 'Acme Outdoor',
    code: 'ACME',
    folders: { orders: 'acme/in' },
    errorContacts: ['ops@acme.test', 'boss@acme.test'],
    schedules: { order_delivery: 30, shipment_pickup: null, inventory_pickup: 120 },
    partialShipments: 'when_complete',
  });

  it('shows its contacts one per line and its unset folders blank', () => {
    const form = merchantDraftFrom(saved);
    expect(form.contacts).toBe('ops@acme.test\nboss@acme.test');
    expect(form.folders).toEqual({ orders: 'acme/in', confirmations: '', inventory: '' });
  });

  it('saves back what was saved when nothing is changed', () => {
    const input = merchantInputFrom(merchantDraftFrom(saved));
    expect(input).toEqual({
      name: saved.name,
      code: saved.code,
      folders: saved.folders,
      errorContacts: saved.errorContacts,
      schedules: saved.schedules,
      partialShipments: 'when_complete',
      fileFormats: {},
    });
  });

  it('sends the merchant\'s file format overrides back as saved, and none for a new merchant', () => {
    expect(merchantInputFrom(merchantDraftFrom(merchantView({ fileFormats: { order: 7 } }))).fileFormats).toEqual({ order: 7 });
    expect(merchantInputFrom(newMerchantDraft()).fileFormats).toEqual({});
  });

  it('saves a merchant without folder overrides back without them', () => {
    expect(merchantInputFrom(merchantDraftFrom(merchantView({ folders: null }))).folders).toBeNull();
  });

  it("does not change the saved merchant's schedules while the form is edited", () => {
    const form = merchantDraftFrom(saved);
    form.schedules.order_delivery = 5;
    expect(saved.schedules.order_delivery).toBe(30);
  });
});

describe('a bad error contact', () => {
  it('is shown on the contacts field, naming the address that is wrong', () => {
    const form = draft({ contacts: 'ops@acme.test\nnot-an-address' });
    const checked = validate(merchantInputSchema, merchantInputFrom(form));
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors).toHaveProperty(['errorContacts.1']);
    expect(foldContactErrors(checked.errors, form)).toEqual({ errorContacts: 'Enter a valid e-mail address: "not-an-address"' });
  });

  it('shows only the first of several bad addresses, and leaves other fields\' messages alone', () => {
    const form = draft({ contacts: 'one, two' });
    expect(foldContactErrors({ 'errorContacts.0': 'Bad', 'errorContacts.1': 'Bad', code: 'Enter a code' }, form)).toEqual({
      errorContacts: 'Bad: "one"',
      code: 'Enter a code',
    });
  });

  it('is still shown when the address it names is no longer in the field', () => {
    expect(foldContactErrors({ 'errorContacts.4': 'Enter a valid e-mail address' }, draft({ contacts: 'ops@acme.test' }))).toEqual({
      errorContacts: 'Enter a valid e-mail address',
    });
  });
});
