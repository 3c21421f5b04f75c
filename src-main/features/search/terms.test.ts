import { describe, expect, it } from 'vitest';
import { indexTerms, matchExpression, phoneTerms, ticketNumberTerms } from './terms';

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

  it('indexes phone numbers the way people type them', () => {
    expect(phoneTerms('+8613812345678')).toBe('13812345678');
    expect(phoneTerms('+86 138 1234 5678')).toBe('13812345678');
    expect(phoneTerms('+86-21-55550101')).toBe('02155550101 55550101');
    expect(phoneTerms('021-5555 0101')).toBe('02155550101 55550101');
    expect(phoneTerms('+86-755-88888888 ext 801')).toBe('075588888888 88888888');
    expect(phoneTerms('400-820-8820')).toBe('4008208820');
    expect(phoneTerms('95588')).toBe('95588');
    expect(phoneTerms('+85223456789')).toBe('85223456789');
    expect(phoneTerms(null)).toBe('');
  });

  it('searches service request numbers by their digits', () => {
    expect(ticketNumberTerms('SR-20261124-0007')).toBe('20261124 0007');
    expect(matchExpression('SR-20261124-0007')).toBe('"20261124"* AND "0007"*');
    expect(matchExpression('sr20261124')).toBe('"20261124"*');
    expect(matchExpression('sr ship')).toBe('"sr"* AND "ship"*');
  });

  it('keeps FTS5 syntax typed by users literal and ignores bare punctuation', () => {
    expect(matchExpression('"NEAR( OR')).toBe('"near"* AND "or"*');
    expect(matchExpression('-- ,,')).toBeNull();
  });
});
