import type { FileBytes } from '../connectors/wms/wms-connector.js';
import type { RunContext } from '../services/run-context.js';
import type { KeptFileKind } from '../store/repositories/kept-files-repo.js';
import type { FileProblem } from './file-keeper.js';

export interface RunFile extends FileBytes {
  merchantId: number | null;
  cartId?: number | null;
  kind: KeptFileKind;
  name: string;
  rows: number;
  problems: readonly FileProblem[];
}

/**
 * A service's one line for keeping a file it sent or read. Nothing happens without a keeper (tests that
 * build services by hand) or without the file's bytes (a connector and wiring that give none); a file
 * the keeper could not keep is counted in the run ("filesNotKept") and the run goes on.
 */
export async function keepRunFile(rc: RunContext, direction: 'sent' | 'received', file: RunFile): Promise<void> {
  if (!rc.files || !file.content) return;
  const { content, remotePath, ...rest } = file;
  const toKeep = { ...rest, content, remotePath: remotePath ?? file.name };
  const kept = direction === 'sent' ? await rc.files.keepSent(toKeep) : await rc.files.keepReceived(toKeep);
  if (!kept) rc.report.add('filesNotKept');
}
