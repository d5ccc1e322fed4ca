import type { FileFormatSummary, FileFormatView } from '../../../shared/api-types.js';
import { DockhandError } from '../../../shared/errors.js';
import { FORMAT_PRESETS, presetByKey, presetProfile } from '../../../shared/format-presets.js';
import { FORMAT_KIND_WORDS, type AnyFormatProfile, type FormatKind } from '../../../shared/schemas/file-format.js';
import { formatsFile, readFormatsFile } from '../formats/formats-file.js';
import { formatUsage, usageInWords } from '../formats/format-usage.js';
import {
  deleteFileFormat,
  findFileFormatByName,
  getFileFormat,
  insertFileFormat,
  listFileFormats,
  uniqueFormatName,
  updateFileFormat,
  type FileFormatRow,
} from '../store/repositories/file-formats-repo.js';
import type { SqlReader } from '../store/sql.js';
import type { Handlers, MethodsOf } from './handler-types.js';

function summary(row: FileFormatRow, usage: ReturnType<typeof formatUsage>): FileFormatSummary {
  return { id: row.id, kind: row.kind, name: row.name, preset: row.preset, createdAt: row.createdAt, updatedAt: row.updatedAt, usedBy: usage(row.id) };
}

function view(db: SqlReader, row: FileFormatRow): FileFormatView {
  return { ...summary(row, formatUsage(db)), profile: row.profile as AnyFormatProfile };
}

function requireFormat(db: SqlReader, id: number): FileFormatRow {
  const row = getFileFormat(db, id);
  if (!row) throw new DockhandError('not_found', `No saved file format has id ${id}; it may have been deleted`);
  return row;
}

/** An order profile carries its own name (the order file writer's): kept equal to the record's. */
function named(kind: FormatKind, profile: unknown, name: string): unknown {
  return kind === 'order' ? { ...(profile as object), name } : profile;
}

/** "formats-2026-12-06.json", or one format's name made safe for a file name. */
function exportFileName(rows: FileFormatRow[], one: boolean, now: string): string {
  if (one && rows[0]) return `format-${rows[0].name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || rows[0].id}.json`;
  return `dockhand-formats-${now.slice(0, 10)}.json`;
}

export const formatsHandlers: Handlers<Exclude<MethodsOf<'formats'>, 'formats.preview' | 'formats.sniff'>> = {
  async 'formats.list'(input, ctx) {
    return ctx.store.read((db) => {
      const usage = formatUsage(db);
      return listFileFormats(db, input.kind).map((row) => summary(row, usage));
    });
  },

  async 'formats.get'(input, ctx) {
    return ctx.store.read((db) => view(db, requireFormat(db, input.id)));
  },

  async 'formats.save'(input, ctx) {
    return ctx.store.write((db) => {
      const words = FORMAT_KIND_WORDS[input.kind];
      if (input.id !== undefined) {
        const saved = requireFormat(db, input.id);
        if (saved.kind !== input.kind) {
          throw new DockhandError('validation', `"${saved.name}" is ${FORMAT_KIND_WORDS[saved.kind].aNoun} format; a format keeps its kind`, {
            fields: { kind: `A format keeps its kind: "${saved.name}" is ${FORMAT_KIND_WORDS[saved.kind].aNoun} format` },
          });
        }
      }
      const clash = findFileFormatByName(db, input.kind, input.name);
      if (clash && clash.id !== input.id) {
        const message = `${words.aNoun.replace(/^a/, 'A')} format named "${clash.name}" already exists: choose another name`;
        throw new DockhandError('validation', message, { fields: { name: message } });
      }
      const profile = named(input.kind, input.profile, input.name);
      const now = ctx.nowIso();
      const id = input.id ?? insertFileFormat(db, { kind: input.kind, name: input.name, profile }, now);
      if (input.id !== undefined) updateFileFormat(db, id, { name: input.name, profile }, now);
      return view(db, requireFormat(db, id));
    });
  },

  async 'formats.copy'(input, ctx) {
    return ctx.store.write((db) => {
      let source: { kind: FormatKind; name: string; profile: unknown; preset: string | null };
      let defaultName: string;
      if ('formatId' in input.from) {
        const row = requireFormat(db, input.from.formatId);
        source = row;
        defaultName = `${row.name} (copy)`;
      } else {
        const preset = presetByKey(input.from.preset);
        if (!preset) throw new DockhandError('not_found', `There is no preset "${input.from.preset}"`);
        source = { kind: preset.kind, name: preset.name, profile: presetProfile(preset), preset: preset.key };
        defaultName = preset.name;
      }
      const name = uniqueFormatName(db, source.kind, input.name ?? defaultName);
      const profile = named(source.kind, structuredClone(source.profile), name);
      const id = insertFileFormat(db, { kind: source.kind, name, profile, preset: source.preset }, ctx.nowIso());
      return view(db, requireFormat(db, id));
    });
  },

  async 'formats.delete'(input, ctx) {
    await ctx.store.write((db) => {
      const row = requireFormat(db, input.id);
      const users = usageInWords(formatUsage(db)(row.id));
      if (users) {
        throw new DockhandError('conflict', `"${row.name}" is in use by ${users}: choose another ${FORMAT_KIND_WORDS[row.kind].noun} format there first, then delete it`);
      }
      deleteFileFormat(db, row.id);
    });
    return { deleted: true as const };
  },

  async 'formats.export'(input, ctx) {
    const rows = await ctx.store.read((db) => (input.id !== undefined ? [requireFormat(db, input.id)] : listFileFormats(db)));
    const now = ctx.nowIso();
    return { fileName: exportFileName(rows, input.id !== undefined, now), text: `${JSON.stringify(formatsFile(rows, now), null, 2)}\n`, count: rows.length };
  },

  async 'formats.import'(input, ctx) {
    let read;
    try {
      read = readFormatsFile(input.text);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      throw new DockhandError('validation', message, { fields: { text: message } });
    }
    // All or nothing: one refused format and none is imported, so a person fixes the file and imports it whole.
    if (read.refused.length > 0) return { imported: [], refused: read.refused, renamed: [] };
    return ctx.store.write((db) => {
      const taken = new Set<string>();
      const renamed: { from: string; to: string }[] = [];
      const ids: number[] = [];
      const now = ctx.nowIso();
      for (const f of read.formats) {
        const name = uniqueFormatName(db, f.kind, f.name, taken);
        taken.add(`${f.kind}:${name.toLowerCase()}`);
        if (name !== f.name.trim()) renamed.push({ from: f.name, to: name });
        ids.push(insertFileFormat(db, { kind: f.kind, name, profile: named(f.kind, f.profile, name), preset: f.preset ?? null }, now));
      }
      const usage = formatUsage(db);
      return { imported: ids.map((id) => summary(requireFormat(db, id), usage)), refused: [], renamed };
    });
  },

  async 'formats.presets'(input) {
    return FORMAT_PRESETS.filter((p) => input.kind === undefined || p.kind === input.kind).map((p) => ({
      key: p.key,
      kind: p.kind,
      name: p.name,
      description: p.description,
      profile: presetProfile(p),
    }));
  },
};
