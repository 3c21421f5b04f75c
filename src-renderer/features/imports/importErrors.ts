import type { TFunction } from 'i18next';
import type { ImportEntity } from '../../../src-shared/domain/importFields';
import { toApiError } from '../../api/ApiError';
import { errorMessage } from '../../i18n/errors';
import { fieldLabel } from './labels';

// What the wizard says when main refuses a file or a mapping, beyond the generic errors:
// the file's fault (format, damage, not a package) and a mapping main cannot use.

/** Why main could not read a file (a VALIDATION issue on uploadId, or a failed job's error); each has imports.fileProblem.<code>. */
export const FILE_PROBLEMS = ['unsupportedFormat', 'unreadable', 'notAPackage', 'incomplete'] as const;
/** Why main refused a mapping (VALIDATION on mapping.columns.<field>); each has imports.startError.<code>. */
export const MAPPING_PROBLEMS = ['unknownColumn', 'unknownField', 'required'] as const;

function isOneOf<T extends string>(list: readonly T[], value: unknown): value is T {
  return typeof value === 'string' && (list as readonly string[]).includes(value);
}

/** A translated sentence for an error from imports.begin/chunk/inspect/start. */
export function importErrorText(t: TFunction, error: unknown, entity: ImportEntity | null): string {
  const e = toApiError(error);
  // The only thing these channels look up is the upload: gone after a day or a restart.
  if (e.code === 'NOT_FOUND') return t('imports.uploadGone');
  for (const issue of e.fields) {
    if (issue.path === 'uploadId' && isOneOf(FILE_PROBLEMS, issue.code)) return t(`imports.fileProblem.${issue.code}`);
    const column = /^mapping\.columns\.(\w+)$/.exec(issue.path);
    if (column && isOneOf(MAPPING_PROBLEMS, issue.code)) return t(`imports.startError.${issue.code}`, { field: fieldLabel(t, entity, column[1] ?? '') });
  }
  return errorMessage(t, error);
}

/** Why a job failed, from ImportJob.error: a file problem in words, anything else the generic sentence. */
export function jobErrorText(t: TFunction, code: string | null): string {
  if (isOneOf(FILE_PROBLEMS, code)) return t(`imports.fileProblem.${code}`);
  return t('imports.progress.failed');
}
