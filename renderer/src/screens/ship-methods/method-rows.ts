import type { FieldErrors } from '../../../../shared/errors.js';
import type { ShipMethod } from '../../../../shared/domain.js';
import { PLAIN } from '../../../../shared/plain-messages.js';
import { zodFieldErrors } from '../../components/form-errors.js';
import { shipMethodsSaveSchema } from './ship-method-schema.js';

/** A row of the WMS ship method table while it is edited; `key` keeps React's rows stable across removals. */
export interface MethodRow extends ShipMethod {
  key: number;
}

let nextKey = 1;
export function newRow(method: ShipMethod = { code: '', description: '', carrier: '' }): MethodRow {
  return { ...method, key: nextKey++ };
}

const isBlank = (row: ShipMethod) => !row.code.trim() && !row.description.trim() && !row.carrier.trim();

/**
 * What Save sends: the rows without the wholly blank ones (an added row left empty is not a mistake),
 * and for each sent method the index of its table row, so errors from the API land on the right row.
 */
export function rowsToSave(rows: MethodRow[]): { methods: ShipMethod[]; rowIndex: number[] } {
  const methods: ShipMethod[] = [];
  const rowIndex: number[] = [];
  rows.forEach((row, i) => {
    if (isBlank(row)) return;
    methods.push({ code: row.code, description: row.description, carrier: row.carrier });
    rowIndex.push(i);
  });
  return { methods, rowIndex };
}

/** Row errors keyed "<row index>.<field>", from the save schema plus the engine's rule that codes are unique. */
export function validateRows(rows: MethodRow[]): FieldErrors {
  const { methods, rowIndex } = rowsToSave(rows);
  const errors: FieldErrors = {};
  const parsed = shipMethodsSaveSchema.safeParse({ methods }, PLAIN);
  if (!parsed.success) {
    for (const [path, message] of Object.entries(zodFieldErrors(parsed.error))) {
      const match = /^methods\.(\d+)\.(\w+)$/.exec(path);
      if (!match) {
        errors._form = message;
        continue;
      }
      const [, index, field] = match;
      const emptyCode = field === 'code' && !methods[Number(index)].code.trim();
      errors[`${rowIndex[Number(index)]}.${field}`] = emptyCode ? 'Enter a code' : message;
    }
  }
  const firstRowOfCode = new Map<string, number>();
  methods.forEach((method, i) => {
    const code = method.code.trim();
    if (!code) return;
    const first = firstRowOfCode.get(code);
    if (first === undefined) firstRowOfCode.set(code, rowIndex[i]);
    else errors[`${rowIndex[i]}.code`] ??= `The code ${code} is already on row ${first + 1}`;
  });
  return errors;
}

/** API field errors ("methods.3.code") moved onto the table rows they came from. */
export function apiRowErrors(fields: FieldErrors, rowIndex: number[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(fields)) {
    const match = /^methods\.(\d+)\.(\w+)$/.exec(path);
    if (match && rowIndex[Number(match[1])] !== undefined) errors[`${rowIndex[Number(match[1])]}.${match[2]}`] = message;
    else errors._form = message;
  }
  return errors;
}

/** Imported methods go into the table: a code already there gets the file's description and carrier. */
export function mergeImported(rows: MethodRow[], imported: ShipMethod[]): { rows: MethodRow[]; added: number; updated: number } {
  const next = rows.filter((row) => !isBlank(row));
  let added = 0;
  let updated = 0;
  for (const method of imported) {
    const at = next.findIndex((row) => row.code.trim() === method.code);
    if (at >= 0) {
      next[at] = { ...next[at], description: method.description, carrier: method.carrier };
      updated++;
    } else {
      next.push(newRow(method));
      added++;
    }
  }
  return { rows: next, added, updated };
}

export function sameMethods(rows: MethodRow[], saved: ShipMethod[]): boolean {
  const { methods } = rowsToSave(rows);
  return methods.length === saved.length && methods.every((m, i) => m.code === saved[i].code && m.description === saved[i].description && m.carrier === saved[i].carrier);
}
