import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// The CJK font every PDF export embeds, and where to find it: resources/fonts in the
// repository (tests, the web host, `npm start`), <resources>/fonts in a packaged app
// (build/electron-builder.yml copies the folder there as extraResources). See
// resources/fonts/README.md for the font and its licence.

/** The font file and the face inside the collection (its PostScript name). */
export const PDF_FONT_FILE = 'wqy-microhei.ttc';
export const PDF_FONT_FACE = 'WenQuanYiMicroHei';

/** A PDF cannot be written without its font: a missing or unreadable file says which path it tried. */
export class PdfFontError extends Error {
  constructor(
    readonly fontPath: string,
    reason: string,
  ) {
    super(`PDF font not available at ${fontPath}: ${reason}`);
    this.name = 'PdfFontError';
  }
}

/**
 * The candidates, most specific first: Electron's resources folder (process.resourcesPath
 * exists only in an Electron process), then for each folder above this module
 * (src-main/features/reports in source, out/main when bundled) its resources/fonts, and
 * beside an app.asar its fonts (a packaged app's worker thread, which may not see
 * process.resourcesPath: <resources>/app.asar/out/main → <resources>/fonts).
 */
export function fontCandidates(moduleDir: string, resourcesPath: string | undefined): string[] {
  const found: string[] = [];
  if (resourcesPath) found.push(path.join(resourcesPath, 'fonts', PDF_FONT_FILE));
  let dir = moduleDir;
  for (let up = 0; up < 6; up++) {
    if (dir.endsWith('.asar')) found.push(path.join(path.dirname(dir), 'fonts', PDF_FONT_FILE));
    found.push(path.join(dir, 'resources', 'fonts', PDF_FONT_FILE));
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

/**
 * The font's path on this machine. Main resolves it and hands it to a worker in the task's
 * spec (a worker thread may not see process.resourcesPath); writePdfSync resolves it itself
 * when none is given.
 */
export function pdfFontPath(): string {
  const all = fontCandidates(path.dirname(fileURLToPath(import.meta.url)), (process as { resourcesPath?: string }).resourcesPath);
  const hit = all.find((file) => fs.existsSync(file));
  if (!hit) throw new PdfFontError(all[0] ?? PDF_FONT_FILE, 'file not found (looked in the app resources and resources/fonts)');
  return hit;
}

/** The font file's bytes, or a PdfFontError naming the path. */
export function readPdfFont(fontPath: string): Buffer {
  try {
    return fs.readFileSync(fontPath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new PdfFontError(fontPath, code === 'ENOENT' ? 'file not found' : (error as Error).message);
  }
}
