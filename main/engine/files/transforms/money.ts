import { formatDecimal, parseDecimal } from './decimal-text.js';
import { example } from './number.js';
import { TransformError, type TransformDefinition } from './transform.js';

/**
 * An amount: a number with a fixed count of decimals and a currency symbol or code at the start or end
 * ("$12.50", "12,50 EUR"; a space is added after or before a symbol of letters). In: the symbol is optional.
 */
export const moneyTransform: TransformDefinition<'money'> = {
  kind: 'money',
  compile(t, ctx) {
    const gap = /^[A-Za-z]+$/.test(t.symbol) ? ' ' : '';
    if (ctx.direction === 'in') {
      return (value) => {
        if (value === '') return '';
        let text = value.trim();
        if (t.symbol) {
          if (t.symbolAt === 'start' && text.startsWith(t.symbol)) text = text.slice(t.symbol.length);
          if (t.symbolAt === 'end' && text.endsWith(t.symbol)) text = text.slice(0, -t.symbol.length);
        }
        const plain = parseDecimal(text, t);
        if (plain === null) throw new TransformError(`"${value}" is not an amount written as ${withSymbol(example(t))}`);
        return formatDecimal(plain, { ...t, decimalSeparator: '.', thousands: '' }) ?? plain;
      };
    }
    function withSymbol(amount: string): string {
      if (!t.symbol) return amount;
      return t.symbolAt === 'start' ? `${t.symbol}${gap}${amount}` : `${amount}${gap}${t.symbol}`;
    }
    return (value) => {
      if (value === '') return '';
      const amount = formatDecimal(value, t);
      return amount === null ? value : withSymbol(amount);
    };
  },
};
