import { describe, expect, it } from 'vitest';
import type { FormatSampleView } from '../../../../shared/api-types.js';
import { presetByKey, presetProfile } from '../../../../shared/format-presets.js';
import type { OrderFileProfile } from '../../../../shared/schemas/csv-profile.js';
import type { FormatProfiles } from '../../../../shared/schemas/file-format.js';

type FormatProfilesOf<K extends keyof FormatProfiles> = FormatProfiles[K];
import {
  checkDraft,
  inboundColumnOf,
  isDirty,
  isShownPath,
  moveItem,
  newOrderColumn,
  newTransform,
  saveInputOf,
  transformKindsFor,
  withInboundColumn,
  withOrderColumns,
  type FormatDraft,
  type InboundDraft,
  type OrderDraft,
} from '../../../../renderer/src/screens/formats/format-draft.js';
import { doubleMapped, draftFromSample, guessDateFormat, guessMapping } from '../../../../renderer/src/screens/formats/sample-draft.js';
import { TRANSFORM_KINDS } from '../../../../shared/schemas/csv-profile.js';

const orderProfile: OrderFileProfile = {
  name: 'Orders',
  delimiter: ',',
  headerRow: true,
  layout: 'vertical',
  maxItemsPerRow: 10,
  lineEnding: 'crlf',
  formulaGuard: true,
  encoding: 'utf-8',
  columns: [
    { header: 'Order', source: { kind: 'field', field: 'orderNumber' }, transforms: [] },
    { header: 'SKU', source: { kind: 'field', field: 'line.sku' }, transforms: [] },
  ],
};
const orderDraft: OrderDraft = { id: 7, kind: 'order', name: 'Orders', profile: orderProfile };

describe('the format designer edits a draft that the API accepts, with problems on the API’s own paths', () => {
  it('a new transform of every kind passes its schema, so adding one never starts as an error', () => {
    for (const kind of TRANSFORM_KINDS) {
      const draft = withOrderColumns(orderDraft, [{ ...orderProfile.columns[0], transforms: [newTransform(kind)] }]);
      expect(checkDraft(draft), kind).toEqual({});
    }
  });

  it('a cut of length 0 is refused on the transform’s own field, by its path in the profile', () => {
    const columns = [...orderProfile.columns, { ...newOrderColumn(orderProfile.columns), transforms: [{ kind: 'cut' as const, length: 0 }] }];
    const errors = checkDraft(withOrderColumns(orderDraft, columns));
    expect(Object.keys(errors)).toEqual(['profile.columns.2.transforms.0.length']);
  });

  it('inbound columns offer no transform that reads order fields', () => {
    expect(transformKindsFor('confirmation')).not.toContain('field');
    expect(transformKindsFor('confirmation')).not.toContain('join');
    expect(transformKindsFor('order')).toContain('join');
  });

  it('columns move, and a new column takes a header not yet used', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 2)).toEqual(['b', 'c', 'a']);
    expect(moveItem(['a', 'b', 'c'], 2, 9)).toEqual(['a', 'b', 'c']);
    const first = newOrderColumn(orderProfile.columns);
    expect(newOrderColumn([...orderProfile.columns, first]).header).toBe('New column 2');
  });

  it('the order profile is saved under the record’s name, and the draft is dirty only when it differs', () => {
    const renamed: FormatDraft = { ...orderDraft, name: ' Acme orders ' };
    expect(saveInputOf(renamed)).toMatchObject({ id: 7, kind: 'order', name: 'Acme orders', profile: { name: 'Acme orders' } });
    expect(isDirty(renamed, orderDraft)).toBe(true);
    expect(isDirty({ ...orderDraft }, orderDraft)).toBe(false);
  });

  it('an inventory format without its quantity column is refused before saving, on that field', () => {
    const preset = presetByKey('inventory-standard');
    if (!preset || preset.kind !== 'inventory') throw new Error('the inventory-standard preset is missing');
    const inventory: InboundDraft = { kind: 'inventory', id: 3, name: 'Stock', profile: presetProfile(preset) as FormatProfilesOf<'inventory'> };
    expect(checkDraft(inventory)).toEqual({});
    const without = withInboundColumn(inventory, 'quantity', undefined);
    expect(inboundColumnOf(without, 'quantity')).toBeUndefined();
    expect(Object.keys(checkDraft(without))).toEqual(['profile.columns.quantity']);
  });
});

describe('every problem of a format is shown: on its field, or at the top of the form', () => {
  it('knows which paths have a field on the page, and lists the rest at the top', () => {
    for (const path of ['name', 'profile.columns.3.transforms.0.length', 'profile.columns.0.header', 'profile.columns.sku', 'profile.columns.shipDate.source.column', 'profile.columns.2.transforms.1.entries.4.from', 'profile.maxItemsPerRow']) {
      expect(isShownPath(path), path).toBe(true);
    }
    for (const path of ['profile.timeZone', 'profile', '_form', 'profile.columns.0.transforms.0.fallback.x']) expect(isShownPath(path), path).toBe(false);
  });
});

const sample: FormatSampleView = {
  delimiter: ';',
  headerRow: true,
  encoding: 'windows-1252',
  lineEnding: 'crlf',
  rows: 3,
  columns: [
    { header: 'Order No', position: 1, samples: ['1001', '1002'] },
    { header: 'Tracking #', position: 2, samples: ['1Z1', '1Z2'] },
    { header: 'Ship Date', position: 3, samples: ['27.11.2026', '28.11.2026'] },
    { header: 'SKU', position: 4, samples: ['A-1', 'B-2'] },
    { header: 'Qty', position: 5, samples: ['1', '2'] },
  ],
};

describe('a new format starts from a sample file’s columns and the person’s mapping', () => {
  it('guesses each column’s field from its header, and the ship date’s format from its values', () => {
    expect(guessMapping('confirmation', sample)).toEqual({ 1: 'orderNumber', 2: 'trackingNumber', 3: 'shipDate', 4: 'sku', 5: 'quantity' });
    expect(guessDateFormat(['27.11.2026'])).toBe('DD.MM.YYYY');
    expect(guessDateFormat(['11/27/2026', '12/01/2026'])).toBe('MM/DD/YYYY');
    expect(guessDateFormat(['27/11/2026'])).toBe('DD/MM/YYYY');
  });

  it('a confirmation mapped in full is a valid format reading columns by header, in the sample’s layout', () => {
    const draft = draftFromSample('confirmation', 'WMS confirmations', sample, guessMapping('confirmation', sample));
    expect(checkDraft(draft)).toEqual({});
    expect(draft.profile).toMatchObject({ delimiter: ';', headerRow: true, encoding: 'windows-1252' });
    if (draft.kind !== 'confirmation') throw new Error('kind');
    expect(draft.profile.columns.shipDate).toEqual({ source: { kind: 'column', column: 'Ship Date' }, transforms: [{ kind: 'date', format: 'DD.MM.YYYY', timeZone: 'UTC' }] });
  });

  it('a confirmation without its order number column is refused on that field; one field on two columns is named', () => {
    const draft = draftFromSample('confirmation', 'X', sample, { 2: 'trackingNumber', 3: 'shipDate', 4: 'sku', 5: 'quantity' });
    expect(Object.keys(checkDraft(draft))).toEqual(['profile.columns.orderNumber']);
    expect(doubleMapped('confirmation', { 1: 'sku', 4: 'sku' })).toEqual(['sku']);
  });

  it('an order file from a sample keeps its headers, each filled by the chosen field or left empty', () => {
    const draft = draftFromSample('order', 'Orders out', sample, { 1: 'orderNumber', 4: 'line.sku' });
    expect(checkDraft(draft)).toEqual({});
    if (draft.kind !== 'order') throw new Error('kind');
    expect(draft.profile.columns.map((c) => [c.header, c.source])).toEqual([
      ['Order No', { kind: 'field', field: 'orderNumber' }],
      ['Tracking #', { kind: 'constant', value: '' }],
      ['Ship Date', { kind: 'constant', value: '' }],
      ['SKU', { kind: 'field', field: 'line.sku' }],
      ['Qty', { kind: 'constant', value: '' }],
    ]);
    expect(draft.profile).toMatchObject({ delimiter: ';', encoding: 'windows-1252', lineEnding: 'crlf' });
  });
});
