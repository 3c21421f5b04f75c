import { describe, expect, it } from 'vitest';
import { indexTerms, matchExpression } from './terms';

describe('search terms', () => {
  it('indexes CJK runs as bigrams then unigrams, and words lower-cased', () => {
    expect(indexTerms('空调漏水 E4')).toBe('空调 调漏 漏水 空 调 漏 水 e4');
  });

  it('folds full-width letters and digits', () => {
    expect(indexTerms('Ｅ４故障')).toBe('e4 故障 故 障');
    expect(matchExpression('Ｅ４')).toBe('"e4"*');
  });

  it('turns a query into AND-ed phrases of bigrams, unigrams and word prefixes', () => {
    expect(matchExpression('漏')).toBe('"漏"');
    expect(matchExpression('漏水')).toBe('"漏水"');
    expect(matchExpression('不制冷')).toBe('"不制 制冷"');
    expect(matchExpression('空调 compressor')).toBe('"空调" AND "compressor"*');
  });

  it('keeps FTS5 syntax typed by users literal and ignores bare punctuation', () => {
    expect(matchExpression('"NEAR( OR')).toBe('"near"* AND "or"*');
    expect(matchExpression('-- ,,')).toBeNull();
  });
});
