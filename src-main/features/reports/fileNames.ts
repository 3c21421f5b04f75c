// How export files are named, for every export and scheduled report.

/** Each file format's extension (both CSV encodings are .csv). */
export const FILE_EXTENSION = { xlsx: 'xlsx', csv: 'csv', 'csv-gb18030': 'csv', pdf: 'pdf' } as const;

/** A title safe as part of a file name on Windows and macOS; `fallback` when nothing is left. */
export function fileTitle(title: string, fallback: string): string {
  // eslint-disable-next-line no-control-regex
  return title.replace(/[\u0000-\u001f<>:"/\\|?*]/g, '-').replace(/^[\s.]+|[\s.]+$/g, '') || fallback;
}
