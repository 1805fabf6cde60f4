// SQLite's trigram indexes (migrations/trigram.ts): an FTS5 table `<table>_<column>_trgm` holds
// the trigrams of each row's text lower-cased by unicode_lower(). A LIKE pattern becomes the FTS5
// query of the trigrams of its literal runs (lower-cased the same way), which every row the
// pattern matches has, case-insensitively or not: it narrows the rows, the exact test decides.
import { tokenize, unicodeLower } from './sqlite-functions';

/** At most this many trigrams are asked for: fewer narrow less but still keep every match. */
const MAX_TRIGRAMS = 16;

export function trigramTable(table: string, column: string): string {
  return `${table}_${column}_trgm`;
}

/** The FTS5 query for a LIKE pattern, or null when no literal run has 3 characters. */
export function trigramQuery(pattern: string): string | null {
  const runs: number[][] = [[]];
  for (const t of tokenize(unicodeLower(pattern))) {
    if (t.kind === 'lit') runs[runs.length - 1].push(t.cp);
    else runs.push([]);
  }
  const grams = new Set<string>();
  for (const run of runs) {
    for (let i = 0; i + 3 <= run.length && grams.size < MAX_TRIGRAMS; i++) grams.add(String.fromCodePoint(...run.slice(i, i + 3)));
  }
  if (!grams.size) return null;
  // each trigram a quoted string of its own (a `"` doubled), all of them required
  return [...grams].map((g) => `"${g.replace(/"/g, '""')}"`).join(' AND ');
}
