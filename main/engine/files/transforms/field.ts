import { DockhandError } from '../../../../shared/errors.js';
import type { OrderFieldName } from '../../../../shared/schemas/csv-profile.js';
import { fieldGetter } from '../writer/order-fields.js';
import type { TransformDefinition } from './transform.js';

/** The value becomes another order field's (only when empty, with onlyWhenEmpty: a fallback field). */
export const fieldTransform: TransformDefinition<'field'> = {
  kind: 'field',
  compile(t, ctx) {
    if (ctx.direction === 'in') throw new DockhandError('config', 'The "field" transform reads order fields, so only order file columns can use it');
    const get = fieldGetter(t.field as OrderFieldName);
    if (t.onlyWhenEmpty) return (value, scope) => (value === '' && scope ? get(scope) : value);
    return (_value, scope) => (scope ? get(scope) : '');
  },
};
