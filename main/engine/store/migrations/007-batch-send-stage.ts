import type { SqlRunner } from '../sql.js';

/**
 * Records how far the latest send of each batch got, so a send cut short (a crash, a drop) is resolved
 * by what it may have done at the WMS instead of by sending again blindly (see batches-repo.ts,
 * BatchSendStage). The file name is recorded at the publishing step too (file_name already exists).
 *
 * A batch left with an unconcluded send by an older Dockhand (more sends begun than concluded) did not
 * record how far it got: it is marked 'unknown', which looks at the WMS like 'publishing' does but,
 * when the file is nowhere, sends again as the older version would have (it may never have left).
 */
export const batchSendStage = {
  version: 7,
  name: 'batch send stage',
  up(db: SqlRunner): void {
    db.run('ALTER TABLE batches ADD COLUMN send_stage TEXT');
    db.run(`UPDATE batches SET send_stage = 'unknown' WHERE status = 'pending' AND sends_started > attempts`);
  },
};
