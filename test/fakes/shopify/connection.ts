/** Relay-style connections over an in-memory list, with opaque base64 cursors. */

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Connection<T> {
  nodes: T[];
  edges: () => { node: T; cursor: string }[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64');
}

export function decodeCursor(cursor: string): unknown {
  try {
    return JSON.parse(Buffer.from(cursor, 'base64').toString('utf8'));
  } catch {
    return undefined;
  }
}

/**
 * Builds a connection from already-selected nodes and their cursor keys. Only the first and last
 * cursors are encoded up front (pageInfo); the others only if edges are selected.
 */
export function connectionOf<T>(nodes: T[], keys: unknown[], hasNextPage: boolean, hasPreviousPage: boolean): Connection<T> {
  const last = keys.length - 1;
  const startCursor = last >= 0 ? encodeCursor(keys[0]) : null;
  const endCursor = last > 0 ? encodeCursor(keys[last]) : startCursor;
  return {
    nodes,
    edges: () => nodes.map((node, i) => ({ node, cursor: i === 0 ? (startCursor as string) : i === last ? (endCursor as string) : encodeCursor(keys[i]) })),
    pageInfo: { hasNextPage, hasPreviousPage, startCursor, endCursor },
  };
}

/** Pages a small list by position. */
export function listConnection<T>(items: T[], args: PageArgs): Connection<T> {
  const start = args.after ? Number(decodeCursor(args.after)) + 1 : 0;
  const from = Number.isInteger(start) && start > 0 ? start : 0;
  const first = args.first ?? items.length;
  const slice = items.slice(from, from + first);
  return connectionOf(
    slice,
    slice.map((_, i) => from + i),
    from + first < items.length,
    from > 0,
  );
}
