/**
 * Reading a remote file with several SFTP reads in flight, handed on in order.
 *
 * One read at a time costs a round trip to the server per chunk (80 for a 5 MB file at 64 KiB); keeping
 * a window of reads outstanding lets the replies stream back to back, as ssh2's fastGet does. The window
 * bounds memory: at most `window` chunks are asked for and not yet handed on, and the next ones are only
 * asked for once the consumer has taken the earlier ones.
 */

/** One positional read of an open file: the bytes from `offset`, at most `length`; none at the end. */
export type ReadAt = (offset: number, length: number) => Promise<Buffer>;

export interface ReadAheadOptions {
  /** Bytes asked for per read. The server may answer fewer; the rest is asked for again. */
  chunkSize: number;
  /** Reads outstanding at once. */
  window: number;
}

interface Pending {
  offset: number;
  length: number;
  result: Promise<Buffer>;
}

/**
 * The file's bytes in order, from offset 0 until the server reports its end. `size` (the size when it
 * was opened) only plans the reads: one read past it is asked along with the others, so the end costs no
 * extra round trip, and a file that grew meanwhile is still read to its end. The first read that comes
 * back empty ends the file there; the caller compares the bytes it got with the size it expected.
 *
 * Stopping early (return() or a throw) waits for the reads still outstanding to settle, so the caller
 * may close the handle afterwards without a reply landing on a closed one. A read that fails ends the
 * iteration with its error.
 */
export async function* readAhead(readAt: ReadAt, size: number, options: ReadAheadOptions): AsyncGenerator<Buffer> {
  const pending: Pending[] = [];
  let chunk = options.chunkSize;
  /** Next offset to ask for. */
  let next = 0;
  /** Bytes handed on so far, all from offset 0 without a gap. */
  let position = 0;
  const ask = (offset: number, length: number): Pending => {
    const result = readAt(offset, length);
    // Awaited in order below; a failure of one still outstanding when iteration stops is not news.
    result.catch(() => {});
    return { offset, length, result };
  };
  try {
    for (;;) {
      // Up to the planned size, then one read past the furthest point known (the end, or what grew).
      while (pending.length < options.window && next < Math.max(size, position) + chunk) {
        const length = next < size ? Math.min(chunk, size - next) : chunk;
        pending.push(ask(next, length));
        next += length;
      }
      const head = pending.shift();
      if (!head) return;
      const data = await head.result;
      if (data.length === 0) return; // the end of the file
      if (data.length < head.length) {
        // A short read: the server's own limit per read, or the end of the file. Ask for the rest
        // first; it comes back empty at the end. Before the planned end it is the server's limit:
        // ask that much from now on, so later reads are not split in two round trips.
        pending.unshift(ask(head.offset + data.length, head.length - data.length));
        if (head.offset + data.length < size) chunk = Math.min(chunk, data.length);
      }
      position += data.length;
      yield data;
    }
  } finally {
    await Promise.allSettled(pending.map((p) => p.result));
  }
}
