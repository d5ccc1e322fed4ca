import { DockhandError } from '../../../../shared/errors.js';
import type { OrderFieldName } from '../../../../shared/schemas/csv-profile.js';
import { fieldGetter } from '../writer/order-fields.js';
import type { TransformDefinition } from './transform.js';

/**
 * The value followed by the listed fields, empty ones skipped, with the separator. A list that starts
 * with the column's own field does not repeat it, so [firstName, lastName] on a firstName column and
 * [lastName] on it both give "Ann Lee".
 */
export const joinTransform: TransformDefinition<'join'> = {
  kind: 'join',
  compile(t, ctx) {
    if (ctx.direction === 'in') throw new DockhandError('config', 'The "join" transform reads order fields, so only order file columns can use it');
    const fields = t.fields as OrderFieldName[];
    const rest = (fields[0] === ctx.own ? fields.slice(1) : fields).map(fieldGetter);
    return (value, scope) => {
      if (!scope) return value;
      return [value, ...rest.map((get) => get(scope))].filter((v) => v !== '').join(t.separator);
    };
  },
};
