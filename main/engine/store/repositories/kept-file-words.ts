import type { SqlRunner } from '../sql.js';

/**
 * The Files screen's name search, indexed (migration 018): each kept file's name cut into words, one row
 * per (word, file) in `kept_file_words`, whose primary key is an index on the word. A file name is words
 * between separators and at letter/digit changes: "orders-ACME-20261206_1530.csv" is orders, acme,
 * 20261206, 1530, csv; "ACME2026" is acme, 2026.
 *
 * What it serves: text that starts a word of the name ("acme", "2026", "1530", "csv", "orders-acme",
 * "acme-2026" across words), case-insensitive. Every word of such a text starts a word of the name, so
 * the rarest one finds the candidates through the index (a range on the word: portable SQL, no LIKE on
 * the index); the whole text is then checked on them as a literal substring of the name
 * (kept-files-repo.ts, listKeptFiles). Text that starts inside a word ("cme") is not found any more;
 * text with no letter or digit at all ("-", "%") reads every name, as before.
 */

/** Lower-cased words of a name, each once, in order. */
export function nameWords(name: string): string[] {
  const words = name
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .flatMap((part) => part.match(/\p{L}+|\p{N}+/gu) ?? []);
  return [...new Set(words)];
}

/** The index range of words that start with `prefix`: word >= from AND word < to (any code point above). */
export function wordPrefixRange(prefix: string): { from: string; to: string } {
  return { from: prefix, to: `${prefix}\u{10FFFF}` };
}

export function insertNameWords(db: SqlRunner, fileId: number, name: string): void {
  for (const word of nameWords(name)) db.run('INSERT INTO kept_file_words (word, file_id) VALUES (?, ?)', [word, fileId]);
}

export function deleteNameWords(db: SqlRunner, fileId: number): void {
  db.run('DELETE FROM kept_file_words WHERE file_id = ?', [fileId]);
}
