import { describe, expect, it } from 'vitest';
import { contextWords, passwordLength, passwordProblem } from './password';

const common = new Set(['password', 'qwertyuiop', 'woaini1314']);
const isCommon = (lower: string) => common.has(lower);

describe('password rules (ASVS 5 V6.2)', () => {
  it.each([
    ['short', 'tooShort'],
    ['1234567', 'tooShort'],
    ['x'.repeat(129), 'tooLong'],
    ['Password', 'commonPassword'],
    ['WOAINI1314', 'commonPassword'],
    ['zhangsan2024', 'contextWord'],
    ['ZhangSan!!', 'contextWord'],
    ['serviceloop1', 'contextWord'],
    ['华东精密机械123', 'contextWord'],
    // No composition rules: all lower case, all digits, spaces and Chinese are fine.
    ['correct horse battery', null],
    ['38475920', null],
    ['我的密码是空调维修', null],
    ['zhangsan likes long walks', null],
    ['x'.repeat(64), null],
  ])('%s → %s', (password, problem) => {
    expect(passwordProblem(password, contextWords('zhangsan', '张三', '华东精密机械'), isCommon)).toBe(problem);
  });

  it('counts characters as people do', () => {
    expect(passwordLength('密码密码密码密码')).toBe(8);
    expect(passwordLength('😀😀😀😀😀😀😀')).toBe(7);
    expect(passwordProblem('😀😀😀😀😀😀😀', [])).toBe('tooShort');
  });

  it('ignores names too short to matter', () => {
    expect(contextWords('li', '')).toEqual(['serviceloop', 'service-loop', 'service loop']);
  });
});
