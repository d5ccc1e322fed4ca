/**
 * Shopify's search syntax, the part the connector uses: `field:value`, comparisons (`updated_at:>='...'`),
 * quoted values ('...' or "..." with backslash escapes), AND (or plain spaces) and OR between terms.
 * Parsed into AND-of-OR groups: "a:1 OR a:2 b:3" -> [[a=1, a=2], [b=3]].
 */

export type SearchOp = '=' | '>' | '>=' | '<' | '<=';

export interface SearchTerm {
  field: string;
  op: SearchOp;
  value: string;
}

export type SearchQuery = SearchTerm[][];

export function parseSearchQuery(text: string | null | undefined): SearchQuery {
  if (!text) return [];
  const tokens = tokenize(text);
  const groups: SearchQuery = [];
  let joinNext = false;
  for (const token of tokens) {
    if (token === 'AND') continue;
    if (token === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    const term = parseTerm(token);
    if (joinNext) groups[groups.length - 1].push(term);
    else groups.push([term]);
    joinNext = false;
  }
  return groups;
}

function tokenize(text: string): string[] {
  const tokens: string[] = [];
  let i = 0;
  while (i < text.length) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (i >= text.length) break;
    let token = '';
    while (i < text.length && !/\s/.test(text[i])) {
      const ch = text[i];
      if (ch === '"' || ch === "'") {
        token += ch;
        i++;
        while (i < text.length && text[i] !== ch) {
          if (text[i] === '\\' && i + 1 < text.length) {
            token += text[i] + text[i + 1];
            i += 2;
          } else token += text[i++];
        }
        token += ch;
        i++;
      } else token += text[i++];
    }
    tokens.push(token);
  }
  return tokens;
}

function parseTerm(token: string): SearchTerm {
  const colon = token.indexOf(':');
  if (colon < 0) return { field: 'default', op: '=', value: unquote(token) };
  const field = token.slice(0, colon).toLowerCase();
  let rest = token.slice(colon + 1);
  let op: SearchOp = '=';
  const m = /^(>=|<=|>|<)/.exec(rest);
  if (m) {
    op = m[1] as SearchOp;
    rest = rest.slice(m[1].length);
  }
  return { field, op, value: unquote(rest) };
}

function unquote(value: string): string {
  if (value.length >= 2 && (value[0] === '"' || value[0] === "'") && value[value.length - 1] === value[0]) {
    return value.slice(1, -1).replace(/\\(.)/g, '$1');
  }
  return value;
}

/** Shopify reads a timestamp without a zone in the shop's time zone. */
export function parseSearchTime(value: string, shopOffsetMinutes: number): number {
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(value);
  const ms = Date.parse(hasZone ? value : `${value.length === 10 ? `${value}T00:00:00` : value}Z`);
  return hasZone ? ms : ms - shopOffsetMinutes * 60_000;
}

export function compare(actual: number | string, op: SearchOp, expected: number | string): boolean {
  switch (op) {
    case '=':
      return actual === expected;
    case '>':
      return actual > expected;
    case '>=':
      return actual >= expected;
    case '<':
      return actual < expected;
    case '<=':
      return actual <= expected;
  }
}
