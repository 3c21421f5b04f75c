import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '../../../src-shared/domain/importFields';
import enUS from '../../i18n/en-US.json';
import zhCN from '../../i18n/zh-CN.json';
import { enumValueKey, fieldLabelKey } from './labels';
import {
  applyTemplate,
  buildMapping,
  distinctValues,
  guessValue,
  isMappableRejection,
  missingRequired,
  normalizeHeader,
  seedValues,
  suggestColumns,
  unknownValues,
  withSources,
} from './mapping';

function lookup(catalog: unknown, key: string): string | undefined {
  let node: unknown = catalog;
  for (const part of key.split('.')) node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

/** Labels as the wizard offers them: the field's zh-CN and en-US catalog labels. */
const fieldLabels = (entity: keyof typeof IMPORT_FIELDS) => (field: string) =>
  [lookup(zhCN, fieldLabelKey(entity, field)), lookup(enUS, fieldLabelKey(entity, field))].filter((l): l is string => l !== undefined);
const valueLabels = (field: string, value: string) =>
  [lookup(zhCN, enumValueKey(field, value)), lookup(enUS, enumValueKey(field, value))].filter((l): l is string => l !== undefined);

describe('normalizeHeader', () => {
  it('ignores case, width, spaces, underscores and required markers', () => {
    expect(normalizeHeader(' Customer Name ')).toBe('customername');
    expect(normalizeHeader('ＣＵＳＴＯＭＥＲ＿ＮＡＭＥ')).toBe('customername');
    expect(normalizeHeader('customer_name*')).toBe('customername');
    expect(normalizeHeader('客户 名称')).toBe('客户名称');
    expect(normalizeHeader('serial-No')).toBe('serialno');
  });
});

describe('suggestColumns', () => {
  const customers = IMPORT_FIELDS.customers;

  it('matches a header equal to the field name or to its zh/en label, blind to case and spaces', () => {
    const columns = suggestColumns(customers, ['编号', 'KEY', '客户名称', 'E-mail', 'Email ', '省份', 'customer number', 'City'], fieldLabels('customers'));
    expect(columns.key).toBe('KEY');
    expect(columns.name).toBe('客户名称');
    // Hyphens are set aside too: E-mail is the first header that reads as email.
    expect(columns.email).toBe('E-mail');
    expect(columns.province).toBe('省份');
    expect(columns.customerNo).toBe('customer number');
    expect(columns.city).toBe('City');
    expect(columns.phone).toBeNull();
  });

  it("leaves a field alone when no header matches (客户电话 is not the phone field's label)", () => {
    const columns = suggestColumns(customers, ['客户名称', '客户电话', '邮箱'], fieldLabels('customers'));
    expect(columns.phone).toBeNull();
    expect(columns.email).toBe('邮箱');
    expect(missingRequired('customers', columns)).toEqual([]);
  });

  it('gives each header to one field only, the field named by it first', () => {
    // 'name' is both the customers field name and (en) part of nothing else; 'phone' appears twice.
    const columns = suggestColumns(customers, ['name', 'Phone', '电话'], fieldLabels('customers'));
    expect(columns.name).toBe('name');
    expect(columns.phone).toBe('Phone');
    expect(Object.values(columns).filter((h) => h === 'Phone')).toHaveLength(1);
  });

  it('maps every header of an export (the fields’ own names) back onto its field', () => {
    for (const [entity, fields] of Object.entries(IMPORT_FIELDS)) {
      const columns = suggestColumns(fields, fields.map((f) => f.name), fieldLabels(entity as keyof typeof IMPORT_FIELDS));
      for (const f of fields) expect(columns[f.name], `${entity}.${f.name}`).toBe(f.name);
    }
  });
});

describe('missingRequired', () => {
  it('names the required fields without a column', () => {
    expect(missingRequired('assets', { customer: null, model: 'x' })).toEqual(['customer']);
    expect(missingRequired('products', {})).toEqual(['model', 'productLine', 'name']);
  });
});

describe('value maps', () => {
  const headers = ['编号', '优先级', '类型'];
  const sample = [
    ['1', '3', '报修'],
    ['2', ' 1 ', 'Repair'],
    ['3', '3', ''],
    ['4', '5', '投诉'],
  ];

  it('distinct sample values, trimmed, in order of appearance', () => {
    expect(distinctValues(headers, sample, '优先级')).toEqual(['3', '1', '5']);
    expect(distinctValues(headers, sample, '类型')).toEqual(['报修', 'Repair', '投诉']);
    expect(distinctValues(headers, sample, 'absent')).toEqual([]);
    expect(distinctValues(headers, sample, '优先级', 2)).toEqual(['3', '1']);
  });

  it('guesses the app value a word names: the value itself or its label in either language', () => {
    const types = IMPORT_FIELDS.requests.find((f) => f.name === 'type')?.values ?? [];
    const labels = (v: string) => valueLabels('type', v);
    expect(guessValue('报修', types, labels)).toBe('repair');
    expect(guessValue('REPAIR', types, labels)).toBe('repair');
    expect(guessValue('Complaint', types, labels)).toBe('complaint');
    expect(guessValue('3', types, labels)).toBeNull();
  });

  it('seeds rows for a newly mapped enum column and keeps them while the column stays', () => {
    const columns = { key: '编号', priority: '优先级', type: '类型' };
    const seeded = seedValues('requests', { headers, sample }, columns, { columns: {}, values: {} }, valueLabels);
    expect(seeded.priority).toEqual([
      { source: '3', target: null },
      { source: '1', target: null },
      { source: '5', target: null },
    ]);
    expect(seeded.type).toEqual([
      { source: '报修', target: 'repair' },
      { source: 'Repair', target: 'repair' },
      { source: '投诉', target: 'complaint' },
    ]);
    const edited = { ...seeded, priority: [{ source: '3', target: 'normal' }] };
    const again = seedValues('requests', { headers, sample }, columns, { columns, values: edited }, valueLabels);
    expect(again.priority).toEqual([{ source: '3', target: 'normal' }]);
    // A field whose column is cleared has no editor.
    expect(seedValues('requests', { headers, sample }, { ...columns, priority: null }, { columns, values: edited }, valueLabels).priority).toBeUndefined();
  });

  it('adds words not yet listed (such as a dry run’s unknown values), once each', () => {
    const rows = [{ source: '3', target: 'normal' }];
    expect(withSources(rows, ['3', '9', ' 9 ', 'urgent'], ['low', 'normal', 'high', 'urgent'], () => [])).toEqual([
      { source: '3', target: 'normal' },
      { source: '9', target: null },
      { source: 'urgent', target: 'urgent' },
    ]);
  });
});

describe('buildMapping', () => {
  it('sends the chosen columns and the chosen value rows of mapped enum fields only', () => {
    const mapping = buildMapping(
      'requests',
      { key: '编号', customer: '客户', priority: '优先级', type: null, subject: '主题', createdAt: '日期' },
      {
        priority: [
          { source: '1', target: 'urgent' },
          { source: '5', target: null },
          { source: '4', target: 'bogus' },
        ],
        type: [{ source: '报修', target: 'repair' }],
      },
      false,
    );
    expect(mapping).toEqual({
      columns: { key: '编号', customer: '客户', priority: '优先级', subject: '主题', createdAt: '日期' },
      values: { priority: { '1': 'urgent' } },
      dayFirst: false,
    });
  });
});

describe('applyTemplate', () => {
  it('takes the columns this file has, lists the ones it lacks, and merges the value maps', () => {
    const applied = applyTemplate(
      'requests',
      { columns: { key: 'ID', priority: 'Prio', subject: 'Title' }, values: { priority: { '1': 'urgent', '2': 'high' } }, dayFirst: false },
      ['ID', 'Prio', 'Summary'],
      { priority: [{ source: '2', target: null }, { source: '3', target: 'normal' }] },
    );
    expect(applied.columns.key).toBe('ID');
    expect(applied.columns.priority).toBe('Prio');
    expect(applied.columns.subject).toBeNull();
    expect(applied.missingHeaders).toEqual(['Title']);
    expect(applied.dayFirst).toBe(false);
    expect(applied.values.priority).toEqual([
      { source: '2', target: 'high' },
      { source: '3', target: 'normal' },
      { source: '1', target: 'urgent' },
    ]);
  });
});

describe('rejected rows the user can map', () => {
  const rows = [
    { line: 2, field: 'priority', reason: 'unknownValue', value: '9' },
    { line: 3, field: 'priority', reason: 'unknownValue', value: ' 9' },
    { line: 4, field: 'type', reason: 'unknownValue', value: '维修' },
    { line: 5, field: 'customer', reason: 'unknownReference', value: 'C-9' },
    { line: 6, field: 'subject', reason: 'unknownValue', value: 'x' },
    { line: 7, field: 'priority', reason: 'unknownValue', value: null },
  ];

  it('are an enum field’s unknown values', () => {
    expect(rows.map((r) => isMappableRejection('requests', r))).toEqual([true, true, true, false, false, false]);
    expect(isMappableRejection(null, rows[0]!)).toBe(false);
    expect(unknownValues('requests', rows)).toEqual({ priority: ['9'], type: ['维修'] });
  });
});

describe('catalogs', () => {
  it('label every field of every entity, and every enum value, in both languages', () => {
    for (const [entity, fields] of Object.entries(IMPORT_FIELDS)) {
      for (const f of fields) {
        for (const catalog of [zhCN, enUS]) {
          expect(lookup(catalog, fieldLabelKey(entity as keyof typeof IMPORT_FIELDS, f.name)), `${entity}.${f.name}`).toBeTypeOf('string');
          for (const v of f.values ?? []) expect(lookup(catalog, enumValueKey(f.name, v)), `${f.name}=${v}`).toBeTypeOf('string');
        }
      }
    }
  });
});
