import { z } from 'zod';
import { DockhandError } from '../../../../../shared/errors.js';

/** Sync position of the Demo store: how many orders it has handed out so far. */
const demoCursorSchema = z.object({ issued: z.number().int().min(0).max(1_000_000_000) });

/** How many orders the Demo store has handed out; null when the text is not a Demo store position. */
function issuedOf(text: string): number | null {
  const trimmed = text.trim();
  // A bare count is accepted too: people edit the position in Diagnostics.
  if (/^\d+$/.test(trimmed)) {
    const parsed = demoCursorSchema.safeParse({ issued: Number(trimmed) });
    return parsed.success ? parsed.data.issued : null;
  }
  try {
    const parsed = demoCursorSchema.safeParse(JSON.parse(trimmed));
    return parsed.success ? parsed.data.issued : null;
  } catch {
    return null;
  }
}

/** The saved position (null: nothing handed out yet). A damaged one stops the download with a config error. */
export function parseDemoCursor(text: string | null): number {
  if (text === null || text.trim() === '') return 0;
  const issued = issuedOf(text);
  if (issued === null) throw new DockhandError('config', 'The Demo store sync position is damaged; reset it in Diagnostics');
  return issued;
}

export function serializeDemoCursor(issued: number): string {
  return JSON.stringify({ issued });
}

/** Diagnostics: a typed position ("12" or {"issued":12}) in the form the download writes, or a refusal for the field. */
export function checkEditedDemoCursor(text: string): string {
  const issued = issuedOf(text);
  if (issued === null) {
    const message = 'Enter how many orders the Demo store has handed out, like 12 or {"issued":12}';
    throw new DockhandError('validation', message, { fields: { cursor: message } });
  }
  return serializeDemoCursor(issued);
}
