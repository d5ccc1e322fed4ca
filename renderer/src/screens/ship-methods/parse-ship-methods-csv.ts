import Papa from 'papaparse';
import type { ShipMethod } from '../../../../shared/domain.js';
import { PLAIN } from '../../../../shared/plain-messages.js';
import { describeIssues, shipMethodSchema } from './ship-method-schema.js';

/** A row of the pasted or chosen file that could not be imported, with the line a person can find. */
export interface CsvProblem {
  line: number;
  reason: string;
}

export interface ParsedShipMethods {
  methods: ShipMethod[];
  problems: CsvProblem[];
  /** Whether the first row was taken as a header (code, description, carrier in any order). */
  hadHeader: boolean;
}

const COLUMNS = ['code', 'description', 'carrier'] as const;
type Column = (typeof COLUMNS)[number];

/** Header cells a WMS export commonly uses for each column. */
const HEADER_NAMES: Record<Column, string[]> = {
  code: ['code', 'ship code', 'ship method', 'ship method code', 'ship_code', 'method', 'service code'],
  description: ['description', 'desc', 'name', 'ship method name', 'service'],
  carrier: ['carrier', 'carrier code', 'carrier_code', 'scac'],
};

function headerColumn(cell: string): Column | null {
  const name = cell.trim().toLowerCase();
  for (const column of COLUMNS) if (HEADER_NAMES[column].includes(name)) return column;
  return null;
}

/**
 * Reads "code,description,carrier" rows, with or without a header row. Good rows come back in `methods`;
 * every other row is reported with its line and why (blank code, too long, too many columns, a code
 * listed twice), so nothing is dropped silently.
 */
export function parseShipMethodsCsv(text: string): ParsedShipMethods {
  const rows: { line: number; cells: string[] }[] = [];
  const problems: CsvProblem[] = [];
  let consumed = 0;
  let line = 1;
  Papa.parse<string[]>(text, {
    delimitersToGuess: [',', '\t', ';', '|'],
    step: (result) => {
      // Line numbers from the text itself: a quoted cell may span several lines.
      const start = line;
      const end = result.meta.cursor;
      line += countLineBreaks(text.slice(consumed, end));
      consumed = end;
      for (const error of result.errors) {
        if (error.type !== 'Delimiter') problems.push({ line: start, reason: error.message });
      }
      rows.push({ line: start, cells: result.data });
    },
  });
  const nonEmpty = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  const first = nonEmpty[0];
  const headerColumns = first ? first.cells.map(headerColumn) : [];
  const hadHeader = headerColumns.includes('code');
  const order: (Column | null)[] = hadHeader ? headerColumns : [...COLUMNS];
  const body = hadHeader ? nonEmpty.slice(1) : nonEmpty;

  const methods: ShipMethod[] = [];
  const firstLineOfCode = new Map<string, number>();
  for (const row of body) {
    if (problems.some((p) => p.line === row.line)) continue;
    if (!hadHeader && row.cells.length > COLUMNS.length) {
      problems.push({ line: row.line, reason: `${row.cells.length} columns; expected code, description, carrier` });
      continue;
    }
    const values: Partial<Record<Column, string>> = {};
    order.forEach((column, i) => {
      if (column && row.cells[i] !== undefined) values[column] = row.cells[i];
    });
    const parsed = shipMethodSchema.safeParse({ code: values.code ?? '', description: values.description ?? '', carrier: values.carrier ?? '' }, PLAIN);
    if (!parsed.success) {
      problems.push({ line: row.line, reason: describeIssues(parsed.error) });
      continue;
    }
    const seenOn = firstLineOfCode.get(parsed.data.code);
    if (seenOn !== undefined) {
      problems.push({ line: row.line, reason: `The code ${parsed.data.code} is already on line ${seenOn}` });
      continue;
    }
    firstLineOfCode.set(parsed.data.code, row.line);
    methods.push(parsed.data);
  }
  problems.sort((a, b) => a.line - b.line);
  return { methods, problems, hadHeader };
}

function countLineBreaks(chunk: string): number {
  let count = 0;
  for (let i = 0; i < chunk.length; i++) {
    if (chunk[i] === '\n') count++;
    else if (chunk[i] === '\r' && chunk[i + 1] !== '\n') count++;
  }
  return count;
}
