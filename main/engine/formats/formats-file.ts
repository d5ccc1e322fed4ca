import type { z } from 'zod';
import { PLAIN } from '../../../shared/plain-messages.js';
import {
  FORMAT_PROFILE_SCHEMAS,
  FORMATS_EXPORT_VERSION,
  exportedFormatSchema,
  formatsExportSchema,
  type ExportedFormat,
  type FormatsExportFile,
} from '../../../shared/schemas/file-format.js';
import type { FileFormatRow } from '../store/repositories/file-formats-repo.js';

/** The export file of formats.export: versioned, so a later layout can still read this one. */
export function formatsFile(rows: FileFormatRow[], exportedAt: string): FormatsExportFile {
  return {
    version: FORMATS_EXPORT_VERSION,
    app: 'dockhand',
    exportedAt,
    formats: rows.map((r) => ({ kind: r.kind, name: r.name, preset: r.preset, profile: r.profile as ExportedFormat['profile'] })),
  };
}

export interface RefusedFormat {
  index: number;
  kind: string | null;
  name: string | null;
  reasons: string[];
}

/** Problems in plain words, each with where it is ("columns.2.header: Enter text"). */
function reasonsOf(error: z.ZodError, prefix = ''): string[] {
  return error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}

/**
 * Reads an export file: the formats it holds, checked one by one with their kind's schema, and each one
 * refused with why. Throws only when the file itself is not a formats file (the message says what is wrong).
 */
export function readFormatsFile(text: string): { formats: ExportedFormat[]; refused: RefusedFormat[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    throw new Error('This file is not a Dockhand formats file: it is not JSON');
  }
  const file = formatsExportSchema.safeParse(json, PLAIN);
  if (!file.success) throw new Error(`This file is not a Dockhand formats file: ${reasonsOf(file.error).join('; ')}`);
  if (file.data.formats.length === 0) throw new Error('This formats file holds no formats');
  const formats: ExportedFormat[] = [];
  const refused: RefusedFormat[] = [];
  file.data.formats.forEach((item, index) => {
    const raw = (item ?? {}) as Record<string, unknown>;
    const label = { index, kind: typeof raw.kind === 'string' ? raw.kind : null, name: typeof raw.name === 'string' ? raw.name : null };
    const head = exportedFormatSchema.safeParse(item, PLAIN);
    if (!head.success) return refused.push({ ...label, reasons: reasonsOf(head.error) });
    const profile = FORMAT_PROFILE_SCHEMAS[head.data.kind].safeParse(head.data.profile, PLAIN);
    if (!profile.success) return refused.push({ ...label, reasons: reasonsOf(profile.error, 'profile') });
    formats.push({ kind: head.data.kind, name: head.data.name, preset: head.data.preset ?? null, profile: profile.data });
  });
  return { formats, refused };
}
