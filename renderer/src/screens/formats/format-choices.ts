import type { FileFormatSummary, FormatPresetView } from '../../../../shared/api-types.js';
import type { FormatKind } from '../../../../shared/schemas/file-format.js';

/**
 * The options of a format picker: saved formats of the kind by their id ("id:3"), then its presets
 * ("preset:<key>"), which are copied into a saved format when picked (a preset is never chosen itself).
 */
export interface FormatOption {
  value: string;
  label: string;
}

export const formatValue = (id: number | undefined): string => (id === undefined ? '' : `id:${id}`);

/** What a picked value means: a saved format, a preset to copy first, or none (the default). */
export function parseFormatValue(value: string): { id: number } | { preset: string } | null {
  if (value.startsWith('id:')) return { id: Number(value.slice(3)) };
  if (value.startsWith('preset:')) return { preset: value.slice(7) };
  return null;
}

export function formatOptions(
  kind: FormatKind,
  saved: readonly FileFormatSummary[],
  presets: readonly FormatPresetView[],
  none: string,
): FormatOption[] {
  return [
    { value: '', label: none },
    ...saved.filter((f) => f.kind === kind).map((f) => ({ value: formatValue(f.id), label: f.name })),
    ...presets.filter((p) => p.kind === kind).map((p) => ({ value: `preset:${p.key}`, label: `Copy preset: ${p.name}` })),
  ];
}
