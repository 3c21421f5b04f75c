import { describe, expect, it } from 'vitest';
import { customerNameKey, nameCore, nameProbe } from './customerName';

describe('customer names compared for duplicates', () => {
  it.each([
    ['华东精密机械有限公司', '华东精密机械'],
    ['华东精密机械股份有限公司', '华东精密机械'],
    [' 华东 精密机械 ', '华东精密机械'],
    ['华东精密机械（集团）有限公司', '华东精密机械'],
    ['Acme Co., Ltd.', 'acme'],
    ['ACME Limited', 'acme'],
    ['ＡＣＭＥ　Ｉｎｃ．', 'acme'],
    ['公司', '公司'],
  ])('%s → %s', (name, key) => {
    expect(customerNameKey(name)).toBe(key);
  });

  it('keeps what tells two companies apart', () => {
    expect(customerNameKey('华东精密机械（上海）有限公司')).not.toBe(customerNameKey('华东精密机械有限公司'));
    expect(customerNameKey('华东机械')).not.toBe(customerNameKey('华东精密机械'));
  });

  it('gives the core to search candidates by', () => {
    expect(nameCore('华东精密机械有限公司')).toBe('华东精密机械');
    expect(nameCore('Acme Co., Ltd.')).toBe('Acme');
    expect(nameProbe(' 华东 精密机械 股份有限公司')).toBe('精密机械');
  });
});
