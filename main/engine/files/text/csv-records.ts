/**
 * Delimited text to records, fed in chunks of any size (a 100,000-row file is never one string): the
 * quoting of RFC 4180 (a quoted cell may hold the delimiter, "" for a quote, and line breaks), with
 * CRLF, LF or a lone CR ending a row. Each record knows the line it starts on, counted over the line
 * breaks inside quoted cells too, so a reported line is the line a person finds in an editor.
 * Malformed quoting never throws: the record carries a problem and reading goes on.
 */

export interface RawRecord {
  /** 1-based line in the file where the row starts. */
  line: number;
  cells: string[];
  /** Set when the row's quoting is broken. */
  problem?: string;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

export class CsvRecordSplitter {
  private readonly delimiter: number;
  private readonly delimiterText: string;
  private cells: string[] = [];
  private field = '';
  private inQuotes = false;
  /** A quote inside quotes, not yet known to be "" (an escaped quote) or the closing one. */
  private quotePending = false;
  /** The current cell was quoted and its closing quote has been read. */
  private closed = false;
  /** The previous chunk ended on CR: a LF starting this one belongs to it. */
  private afterCr = false;
  private started = false;
  private line = 1;
  private startLine = 1;
  private problem?: string;

  /** `trim`: cells come trimmed of surrounding white space (as String.prototype.trim does). */
  constructor(
    delimiter: string,
    private readonly options: { trim?: boolean } = {},
  ) {
    if (delimiter.length !== 1) throw new Error(`A delimiter is one character, got "${delimiter}"`);
    this.delimiter = delimiter.charCodeAt(0);
    this.delimiterText = delimiter;
  }

  /** The complete records in the text so far. */
  push(text: string): RawRecord[] {
    const out: RawRecord[] = [];
    const d = this.delimiter;
    let i = 0;
    const n = text.length;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    // Where the next quote, LF, CR and delimiter are (n: none in this text), looked up again only once
    // passed: most rows have no quote, and such a row is cut at its delimiters with native searches
    // instead of character by character.
    let nextDelimiter = -1;
    let nextQuote = -1;
    let nextLf = -1;
    let nextCr = -1;
    while (i < n) {
      if (!this.started && this.cells.length === 0) {
        // At the start of a record.
        if (nextQuote < i) nextQuote = indexOrEnd(text, '"', i);
        if (nextLf < i) nextLf = indexOrEnd(text, '\n', i);
        if (nextCr < i) nextCr = indexOrEnd(text, '\r', i);
        const end = nextLf < nextCr ? nextLf : nextCr;
        if (end < n && end < nextQuote) {
          const cells: string[] = [];
          const trim = this.options.trim === true;
          for (let start = i; ; ) {
            if (nextDelimiter < start) nextDelimiter = indexOrEnd(text, this.delimiterText, start);
            const stop = nextDelimiter < end ? nextDelimiter : end;
            cells.push(trim ? trimmedSlice(text, start, stop) : text.slice(start, stop));
            if (stop === end) break;
            start = stop + 1;
          }
          out.push({ line: this.startLine, cells });
          this.line++;
          this.startLine = this.line;
          i = end + 1;
          if (end === nextCr) {
            if (i === n) this.afterCr = true;
            else if (text.charCodeAt(i) === LF) i++;
          }
          continue;
        }
      }
      if (this.quotePending) {
        this.quotePending = false;
        if (text.charCodeAt(i) === QUOTE) {
          this.field += '"';
          i++;
          continue;
        }
        this.inQuotes = false;
        this.closed = true;
      }
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        const end = q < 0 ? n : q;
        const run = text.slice(i, end);
        this.field += run;
        for (let k = run.indexOf('\n'); k >= 0; k = run.indexOf('\n', k + 1)) this.line++;
        if (q < 0) return out;
        this.quotePending = true;
        i = q + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === d) {
        this.endCell();
        i++;
      } else if (c === LF || c === CR) {
        this.endCell();
        out.push(this.endRecord());
        this.line++;
        i++;
        if (c === CR) {
          if (i === n) this.afterCr = true;
          else if (text.charCodeAt(i) === LF) i++;
        }
      } else if (c === QUOTE && this.field === '' && !this.closed) {
        this.inQuotes = true;
        this.started = true;
        i++;
      } else {
        // A run of plain characters up to the next delimiter, quote or line break.
        let j = i + 1;
        while (j < n) {
          const k = text.charCodeAt(j);
          if (k === d || k === LF || k === CR || k === QUOTE) break;
          j++;
        }
        if (this.closed) this.problem ??= 'A quoted cell has text after its closing quote';
        this.field += text.slice(i, j);
        this.started = true;
        i = j;
        // A quote inside an unquoted cell is kept as a character (a WMS writing 12" for inches).
        if (j < n && text.charCodeAt(j) === QUOTE && !(this.field === '' && !this.closed)) {
          if (this.closed) this.problem ??= 'A quoted cell has text after its closing quote';
          this.field += '"';
          i = j + 1;
        }
      }
    }
    return out;
  }

  /** The last record, when the text does not end with a line break. */
  end(): RawRecord[] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
      this.closed = true;
    }
    if (this.inQuotes) this.problem ??= 'A quoted cell is not closed before the end of the file';
    if (!this.started && this.cells.length === 0 && this.field === '') return [];
    this.endCell();
    return [this.endRecord()];
  }

  private endCell(): void {
    if (this.field !== '' || this.closed) this.started = true;
    this.cells.push(this.options.trim ? this.field.trim() : this.field);
    this.field = '';
    this.closed = false;
  }

  private endRecord(): RawRecord {
    const record: RawRecord = { line: this.startLine, cells: this.cells };
    if (this.problem) record.problem = `${this.problem} (check the quotes on this row)`;
    this.cells = [];
    this.problem = undefined;
    this.started = false;
    this.startLine = this.line + 1;
    return record;
  }
}

/** The index of `char` in `text` from `from`, or the text's length when there is none. */
function indexOrEnd(text: string, char: string, from: number): number {
  const at = text.indexOf(char, from);
  return at < 0 ? text.length : at;
}


/** text[start, stop) trimmed; a cell with printable ASCII at both ends (most) is sliced as it is. */
function trimmedSlice(text: string, start: number, stop: number): string {
  if (stop > start) {
    const first = text.charCodeAt(start);
    const last = text.charCodeAt(stop - 1);
    if (first > 32 && first < 127 && last > 32 && last < 127) return text.slice(start, stop);
  }
  return text.slice(start, stop).trim();
}
