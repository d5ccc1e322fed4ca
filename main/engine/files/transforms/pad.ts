import type { TransformDefinition } from './transform.js';

/** Out: padded to `length` with `char` on `side` ("42" -> "00042"), never cut. In: that character taken off that side. */
export const padTransform: TransformDefinition<'pad'> = {
  kind: 'pad',
  compile(t, ctx) {
    if (ctx.direction === 'in') {
      return (value) => {
        let start = 0;
        let end = value.length;
        if (t.side === 'left') while (start < end && value[start] === t.char) start++;
        else while (end > start && value[end - 1] === t.char) end--;
        return value.slice(start, end);
      };
    }
    return (value) => {
      const missing = t.length - Array.from(value).length;
      if (missing <= 0) return value;
      const fill = t.char.repeat(missing);
      return t.side === 'left' ? fill + value : value + fill;
    };
  },
};
