import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

// The folder a schedule writes into (often a network share): checked when the schedule is
// saved and again before every run, and the file names a run picks there.

export type FolderProblem = 'folderNotAbsolute' | 'folderMissing' | 'folderUnwritable';

/** An absolute local path, or a Windows share \\server\share\… */
export function isAbsoluteFolder(folder: string): boolean {
  return path.isAbsolute(folder) || /^\\\\[^\\]+\\[^\\]+/.test(folder);
}

/**
 * Why a folder cannot take the report, or null when it can: it must exist (a missing share
 * is not created on the local disk by mistake) and accept a file, which a probe proves —
 * permission bits do not tell the truth about shares. Asynchronous: an offline network
 * share can take many seconds to answer, and this runs in main.
 */
export async function folderProblem(folder: string): Promise<FolderProblem | null> {
  if (!isAbsoluteFolder(folder)) return 'folderNotAbsolute';
  let stat: fs.Stats;
  try {
    stat = await fs.promises.stat(folder);
  } catch {
    return 'folderMissing';
  }
  if (!stat.isDirectory()) return 'folderMissing';
  const probe = path.join(folder, `.serviceloop-probe-${randomUUID()}`);
  try {
    await fs.promises.writeFile(probe, 'ok');
    await fs.promises.rm(probe);
    return null;
  } catch {
    // The probe may not have been written in the first place.
    await fs.promises.rm(probe, { force: true }).catch(() => {});
    return 'folderUnwritable';
  }
}


/** The desk's local time as people file reports by it: 20261124-0800. */
export function deskStamp(now: number, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(now).replace(/[-:]/g, '').replace(' ', '-');
}

/**
 * `<title>-<desk time>.<ext>` in the folder, never a name already there: a second file in
 * the same minute (a run by hand after the scheduled one) becomes `… (2).xlsx`.
 */
export async function freeFileName(folder: string, base: string, extension: string): Promise<string> {
  const taken = (name: string) =>
    fs.promises.access(path.join(folder, name)).then(
      () => true,
      () => false,
    );
  for (let n = 1; ; n += 1) {
    const name = n === 1 ? `${base}.${extension}` : `${base} (${n}).${extension}`;
    if (!(await taken(name)) && !(await taken(`${name}.partial`))) return name;
  }
}

/** Why writing failed, in the words the runs list uses. */
export function fileFailure(error: unknown): 'folderMissing' | 'folderUnwritable' | 'diskFull' | null {
  const code = (error as NodeJS.ErrnoException | null)?.code ?? (error instanceof Error ? /\b(ENOENT|EACCES|EPERM|EROFS|ENOSPC|EDQUOT)\b/.exec(error.message)?.[1] : undefined);
  if (code === 'ENOENT') return 'folderMissing';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return 'folderUnwritable';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'diskFull';
  return null;
}
