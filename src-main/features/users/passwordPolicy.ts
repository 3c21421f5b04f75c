import { dictionary } from '@zxcvbn-ts/language-common';
import { contextWords, PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from '../../../src-shared/domain/password';
import { AppError } from '../../../src-shared/errors';

// The common-password check of ASVS 5 (6.2.4): zxcvbn-ts's list of ~49,000 passwords seen
// in breaches, plus ones common on Chinese sites that the list lacks. The set is built on first use.

const CHINESE_COMMON = [
  'woaini1314', 'woaini520', 'woaini521', '5201314', '52013145', '1314520', '13145200', 'iloveyou1314',
  'a123456789', 'a12345678', 'aa123456', 'aa12345678', 'qq123456', 'qq123456789', 'abc123456', 'abc12345678',
  '123456abc', '123456aa', '123456qq', 'a1234567', 'a123123123', 'zxcvbnm123', 'qwe123456', 'qwer1234',
  '1qaz2wsx', '1q2w3e4r', '1q2w3e4r5t', 'q1w2e3r4', 'asd123456', 'asdf1234', 'zxc123456', 'wang1234',
  'li123456', 'zhang123', 'zhang123456', 'wangwei123', 'liuyang123', 'admin123', 'admin888', 'admin123456',
  'password1', 'passw0rd', 'p@ssw0rd', 'p@ssword', '88888888', '66666666', '11111111', '00000000',
  '147258369', '123321123', '12344321', '11223344', '1234567890', '0123456789', '987654321', '159753',
  '147852369', '12121212', '520520520', '1314521', 'woshishui', 'nicaibudao', 'wodemima', 'mima1234',
];

let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  if (!common) {
    common = new Set([...dictionary['passwords-common'], ...CHINESE_COMMON].map((p) => p.toLowerCase()));
  }
  return common;
}

export function isCommonPassword(lower: string): boolean {
  return commonPasswords().has(lower);
}

/** Refuses a new password that breaks a rule, as a VALIDATION error on `path` (with the length limits, as zod gives them). */
export function assertAcceptablePassword(password: string, path: string, ...names: (string | null | undefined)[]): void {
  const problem = passwordProblem(password, contextWords(...names), isCommonPassword);
  if (problem) throw new AppError('VALIDATION', `${path}: ${problem}`, { fields: [{ path, code: problem, message: problem, min: PASSWORD_MIN, max: PASSWORD_MAX }] });
}
