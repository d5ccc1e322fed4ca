/**
 * Engine-level order filters: the cart's settings say which orders go to the warehouse, and an order they
 * leave out still reaches the service with a skip reason (a cancellation of an order we already hold must
 * arrive, and a person asking "why was #1001 not sent?" reads the reason). A filter is a list of named
 * rules; the first that refuses an order gives the reason, in plain words.
 *
 * Generic over what a rule reads (`O`): the canonical order, or the order plus platform facts the
 * canonical order does not carry (Shopify's closed flag).
 */
export interface OrderRule<O> {
  /** Names the rule for people and tests ("test orders", "financial status"). */
  name: string;
  /** Why the order is left out, or undefined when this rule lets it through. */
  refuses(order: O): string | undefined;
}

/** The reason of the first rule that refuses the order, or undefined when every rule lets it through. */
export function skipReason<O>(order: O, rules: readonly OrderRule<O>[]): string | undefined {
  for (const rule of rules) {
    const reason = rule.refuses(order);
    if (reason) return reason;
  }
  return undefined;
}

/**
 * A rule that lets through orders whose value (read by `read`) is one of `allowed`; an empty list allows
 * every value (the setting left blank). Refuses with "<what> <value> is not in the filter (<allowed>)".
 */
export function allowedValues<O>(what: string, read: (order: O) => string, allowed: readonly string[]): OrderRule<O> {
  return {
    name: what,
    refuses(order) {
      if (allowed.length === 0) return undefined;
      const value = read(order);
      return allowed.includes(value) ? undefined : `${what} ${value} is not in the filter (${allowed.join(', ')})`;
    },
  };
}

/** A rule from a test: refuses with `reason` when `when(order)` is true. */
export function refuseWhen<O>(name: string, when: (order: O) => boolean, reason: string | ((order: O) => string)): OrderRule<O> {
  return {
    name,
    refuses: (order) => (when(order) ? (typeof reason === 'string' ? reason : reason(order)) : undefined),
  };
}
