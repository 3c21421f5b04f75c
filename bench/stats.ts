// Small helpers shared by the benchmarks: percentiles and the two output streams
// (JSON lines on stdout for machines, a table on stderr for people).

export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export type Figure = { name: string } & Record<string, string | number | boolean | null>;

export function emit(figure: Figure): void {
  process.stdout.write(`${JSON.stringify(figure)}\n`);
}

export function table(rows: readonly Figure[], columns: readonly string[]): string {
  const cells = rows.map((r) => columns.map((c) => (r[c] === undefined || r[c] === null ? '' : String(r[c]))));
  const widths = columns.map((c, i) => Math.max(c.length, ...cells.map((row) => [...row[i]!].length + cjkExtra(row[i]!))));
  const line = (values: readonly string[]) => values.map((v, i) => v + ' '.repeat(Math.max(0, widths[i]! - [...v].length - cjkExtra(v)))).join('  ');
  return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

/** CJK characters take two terminal columns. */
function cjkExtra(text: string): number {
  return (text.match(/[\u3000-\u9fff\uff00-\uffef]/g) ?? []).length;
}
