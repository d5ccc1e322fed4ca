import { joinRelative, tempNameFor } from './remote-path.js';
import type { Transport } from './transport.js';

/**
 * What is left at the destination of a `writeAtomic` whose outcome is unknown (the writer stopped
 * after the temporary file was complete, around the rename):
 * - 'final': the file is under its final name (renamed, and not taken away yet);
 * - 'temporary': only the temporary file is there: the rename never happened;
 * - 'none': neither. If the temporary file was known to be complete, the rename happened and a reader
 *   took the file away since (a WMS imports a file, then deletes or moves it).
 */
export type AtomicWriteTrace = 'final' | 'temporary' | 'none';

/**
 * The final name is looked at first. Should the rename land between the two looks (a late command of a
 * writer that was killed), the temporary file is then gone too and the answer is 'none': the file was
 * published, which is right. Looking at the temporary file first could find it and then the final
 * file as well, which says nothing.
 */
export async function traceAtomicWrite(transport: Transport, dir: string, name: string): Promise<AtomicWriteTrace> {
  if (await transport.exists(joinRelative(dir, name))) return 'final';
  if (await transport.exists(joinRelative(dir, tempNameFor(name)))) return 'temporary';
  return 'none';
}
