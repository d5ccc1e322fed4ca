import { formatDecimal, parseDecimal } from './decimal-text.js';
import { TransformError, type TransformDefinition } from './transform.js';

/**
 * A decimal number in a style. Out: a value that is not a number is written as it is (a field mapped by
 * mistake should not vanish). In: it is a row problem, named.
 */
export const numberTransform: TransformDefinition<'number'> = {
  kind: 'number',
  compile(t, ctx) {
    if (ctx.direction === 'in') {
      return (value) => {
        if (value === '') return '';
        const plain = parseDecimal(value, t);
        if (plain === null) throw new TransformError(`"${value}" is not a number written as ${example(t)}`);
        return t.decimals === undefined ? plain : (formatDecimal(plain, { ...t, decimalSeparator: '.', thousands: '' }) ?? plain);
      };
    }
    return (value) => (value === '' ? '' : (formatDecimal(value, t) ?? value));
  },
};

export function example(t: { decimalSeparator: '.' | ','; thousands: string; decimals?: number }): string {
  return formatDecimal('1234.5', { ...t, decimals: t.decimals ?? 2 }) ?? '1234.50';
}
