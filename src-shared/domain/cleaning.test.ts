import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, halfWidth, officialProvinceName, parseDateTime, parseDay, parseInteger, parseMoney, parseProvince, splitAddress, splitTags } from './cleaning';
import { PROVINCES } from './regions';

describe('halfWidth', () => {
  it.each([
    ['ＡＢＣ１２３', 'ABC123'],
    ['（０７５５）８８８８', '(0755)8888'],
    ['！～', '!~'],
    ['a\u3000b', 'a b'],
    ['广东省，深圳市；', '广东省,深圳市;'],
    // CJK, the yen sign ￥ (U+FFE5, outside the ASCII block) and half-width katakana stay.
    ['你好、世界。', '你好、世界。'],
    ['￥12', '￥12'],
    ['ｱ', 'ｱ'],
    ['', ''],
  ])('%s → %s', (text, expected) => {
    expect(halfWidth(text)).toBe(expected);
  });
});

describe('cleanText', () => {
  it.each([
    ['  hello  ', 'hello'],
    ['a \t\t b', 'a b'],
    ['a\u00A0\u00A0b', 'a b'],
    ['a\r\nb', 'a b'],
    ['\uFEFF客户名称', '客户名称'],
    ['深\u200B圳\u200C市\u200D\u2060', '深圳市'],
    ['\u3000全角\u3000空格\u3000', '全角 空格'],
    ['ＡＢＣ　公司', 'ABC 公司'],
    ['', ''],
    [' \t ', ''],
  ])('%j → %j', (text, expected) => {
    expect(cleanText(text)).toBe(expected);
  });
});

describe('parseDay', () => {
  it.each([
    // Year first, in every separator, with and without leading zeros.
    ['2026-03-04', '2026-03-04'],
    ['2026-3-4', '2026-03-04'],
    ['2026/3/4', '2026-03-04'],
    ['2026/03/04', '2026-03-04'],
    ['2026.3.4', '2026-03-04'],
    ['2026年3月4日', '2026-03-04'],
    ['2026年03月04日', '2026-03-04'],
    ['2026 年 3 月 4 日', '2026-03-04'],
    ['2026年3月4号', '2026-03-04'],
    ['2026年3月4', '2026-03-04'],
    ['20260304', '2026-03-04'],
    // A time after the date is ignored.
    ['2026-03-04 10:20', '2026-03-04'],
    ['2026-03-04 10:20:30', '2026-03-04'],
    ['2026-03-04T10:20:30.123Z', '2026-03-04'],
    ['2026/3/4 下午 3:20', '2026-03-04'],
    ['2026年3月4日 10:20', '2026-03-04'],
    ['2026年3月4日10:20', '2026-03-04'],
    // Full width and stray spaces.
    ['２０２６－０３－０４', '2026-03-04'],
    ['２０２６年３月４日', '2026-03-04'],
    ['  2026-03-04  ', '2026-03-04'],
    // Leap days.
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    // Limits.
    ['1900-01-01', '1900-01-01'],
    ['2100-12-31', '2100-12-31'],
    // Excel serial numbers (1900 date system).
    ['1', '1900-01-01'],
    ['59', '1900-02-28'],
    ['61', '1900-03-01'],
    ['45292', '2024-01-01'],
    ['45292.75', '2024-01-01'],
    ['46085', '2026-03-04'],
    ['４５２９２', '2024-01-01'],
  ])('%s → %s', (text, expected) => {
    expect(parseDay(text, true)).toBe(expected);
    expect(parseDay(text, false)).toBe(expected);
  });

  it.each([
    // Day or month first, as the caller says.
    ['04/03/2026', true, '2026-03-04'],
    ['04/03/2026', false, '2026-04-03'],
    ['4-3-2026', true, '2026-03-04'],
    ['4-3-2026', false, '2026-04-03'],
    ['04.03.2026', true, '2026-03-04'],
    ['04.03.2026', false, '2026-04-03'],
    ['04/03/2026 10:20', false, '2026-04-03'],
    // A first number over 12 can only be the day.
    ['13/04/2026', false, '2026-04-13'],
    ['13/04/2026', true, '2026-04-13'],
    ['31/12/2026', false, '2026-12-31'],
    // …and a second number over 12 the day when the month comes first.
    ['04/13/2026', false, '2026-04-13'],
    ['04/13/2026', true, null],
    ['13/13/2026', false, null],
  ])('%s (day first %s) → %s', (text, dayFirst, expected) => {
    expect(parseDay(text, dayFirst)).toBe(expected);
  });

  it.each([
    '',
    '   ',
    'tomorrow',
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-13-01',
    '2026-00-10',
    '2026-04-31',
    '2026-04-00',
    '1899-12-31',
    '2101-01-01',
    '0000-01-01',
    '2026-03-04x',
    '2026-03/04',
    '2026--03-04',
    '26-03-04',
    '2026-03',
    '20261304',
    '2026030',
    // The time after the date must be a time.
    '2026-03-04 hello',
    '2026-03-04 25:00',
    '2026-03-04 10:61',
    '2026-03-04 13:00 PM',
    // Excel: 0 is no day, 60 is the 1900-02-29 that never was, past 2100 refused.
    '0',
    '0.5',
    '60',
    '60.5',
    '73416',
    '2958465',
    '2958466',
    '-1',
    '1e5',
    '45292,5',
  ])('%j is not a day', (text) => {
    expect(parseDay(text, true)).toBeNull();
    expect(parseDay(text, false)).toBeNull();
  });
});

describe('parseDateTime', () => {
  const shanghai = 'Asia/Shanghai';
  const newYork = 'America/New_York';

  it.each([
    // Wall-clock times in the desk's zone (UTC+8, no DST).
    ['2026-03-04', shanghai, '2026-03-03T16:00:00.000Z'],
    ['2026-03-04 10:20', shanghai, '2026-03-04T02:20:00.000Z'],
    ['2026-03-04T10:20', shanghai, '2026-03-04T02:20:00.000Z'],
    ['2026-03-04 10:20:30', shanghai, '2026-03-04T02:20:30.000Z'],
    ['2026-03-04 8:05', shanghai, '2026-03-04T00:05:00.000Z'],
    ['2026/3/4 下午 3:20', shanghai, '2026-03-04T07:20:00.000Z'],
    ['2026/3/4 上午 12:20', shanghai, '2026-03-03T16:20:00.000Z'],
    ['2026/3/4 3:20 PM', shanghai, '2026-03-04T07:20:00.000Z'],
    ['2026/3/4 12:00 pm', shanghai, '2026-03-04T04:00:00.000Z'],
    ['2026年3月4日 10:20', shanghai, '2026-03-04T02:20:00.000Z'],
    ['04/03/2026 10:20', shanghai, '2026-03-04T02:20:00.000Z'],
    ['２０２６－０３－０４　１０：２０', shanghai, '2026-03-04T02:20:00.000Z'],
    // ISO instants with Z or an offset are that instant, whatever the zone.
    ['2026-03-04T10:20:00Z', shanghai, '2026-03-04T10:20:00.000Z'],
    ['2026-03-04T10:20:00.250Z', newYork, '2026-03-04T10:20:00.250Z'],
    ['2026-03-04T10:20:00+08:00', newYork, '2026-03-04T02:20:00.000Z'],
    ['2026-03-04T10:20:00-0530', shanghai, '2026-03-04T15:50:00.000Z'],
    ['2026-03-04 10:20 +01', shanghai, '2026-03-04T09:20:00.000Z'],
    // Excel serials: the fraction is the time of day, rounded to the second.
    ['45292', shanghai, '2023-12-31T16:00:00.000Z'],
    ['45292.5', shanghai, '2024-01-01T04:00:00.000Z'],
    ['45292.4305555556', shanghai, '2024-01-01T02:20:00.000Z'],
    ['45292.99999', shanghai, '2024-01-01T15:59:59.000Z'],
    ['45292.999999', shanghai, '2024-01-01T16:00:00.000Z'],
    // New York: standard time, summer time, and the days the clocks change.
    ['2026-01-15 09:00', newYork, '2026-01-15T14:00:00.000Z'],
    ['2026-07-15 09:00', newYork, '2026-07-15T13:00:00.000Z'],
    ['2026-03-08 01:59', newYork, '2026-03-08T06:59:00.000Z'],
    ['2026-03-08 03:00', newYork, '2026-03-08T07:00:00.000Z'],
    ['2026-03-08 12:00', newYork, '2026-03-08T16:00:00.000Z'],
    ['2026-03-08', newYork, '2026-03-08T05:00:00.000Z'],
    // 02:30 never happens that night: moved forward by the hour skipped (03:30 EDT).
    ['2026-03-08 02:30', newYork, '2026-03-08T07:30:00.000Z'],
    // 01:30 happens twice in November: the first one (EDT).
    ['2026-11-01 01:30', newYork, '2026-11-01T05:30:00.000Z'],
    ['2026-11-01 00:59', newYork, '2026-11-01T04:59:00.000Z'],
    ['2026-11-01 02:00', newYork, '2026-11-01T07:00:00.000Z'],
    ['2026-11-01 12:00', newYork, '2026-11-01T17:00:00.000Z'],
    ['2026-11-02', newYork, '2026-11-02T05:00:00.000Z'],
    // Zones east of UTC with DST (Sydney changes on the first Sunday of April and October).
    ['2026-04-05 02:30', 'Australia/Sydney', '2026-04-04T15:30:00.000Z'],
    ['2026-10-04 02:30', 'Australia/Sydney', '2026-10-03T16:30:00.000Z'],
    ['2026-03-04 10:20', 'UTC', '2026-03-04T10:20:00.000Z'],
  ])('%s in %s → %s', (text, zone, iso) => {
    expect(parseDateTime(text, true, zone)).toBe(Date.parse(iso));
  });

  it.each(['', 'soon', '2026-02-30 10:00', '2026-03-04 24:00', '2026-03-04 10:60', '2026-03-04 10', '60.25', '2026-03-04 10:20 XYZ'])('%j is not a date and time', (text) => {
    expect(parseDateTime(text, true, shanghai)).toBeNull();
  });

  it('throws on an unknown time zone (a setting, not a cell, is wrong)', () => {
    expect(() => parseDateTime('2026-03-04', true, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('agrees with parseDay on the local day of every wall-clock time it reads', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.constantFrom('Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Sydney'),
        (date, zone) => {
          const wall = date.toISOString().slice(0, 16).replace('T', ' ');
          const instant = parseDateTime(wall, true, zone);
          expect(instant).not.toBeNull();
          const local = new Intl.DateTimeFormat('sv-SE', { timeZone: zone, dateStyle: 'short', timeStyle: 'short' }).format(instant!);
          // Equal, unless the wall time fell in a spring-forward gap (then it moved forward).
          if (local !== wall) expect(Date.parse(local.replace(' ', 'T') + 'Z')).toBeGreaterThan(Date.parse(wall.replace(' ', 'T') + 'Z'));
        },
      ),
    );
  });
});

describe('parseMoney', () => {
  it.each([
    ['1,234.50', 123450],
    ['1234.5', 123450],
    ['¥1234.5', 123450],
    ['￥ 12', 1200],
    ['¥ 1,234,567.89', 123456789],
    ['RMB 3.14', 314],
    ['rmb3.14', 314],
    ['CNY 100', 10000],
    ['100 元', 10000],
    ['100元', 10000],
    ['3.14 RMB', 314],
    ['１２３４', 123400],
    ['１，２３４．５０', 123450],
    ['0', 0],
    ['0.01', 1],
    ['0.1', 10],
    ['007', 700],
    ['  12  ', 1200],
    // Digits are added up as digits: no 0.1 + 0.2 surprises.
    ['0.29', 29],
    ['1.13', 113],
    ['90071992547409.91', 9007199254740991],
  ])('%s → %d fen', (text, fen) => {
    expect(parseMoney(text)).toBe(fen);
  });

  it.each([
    '',
    '   ',
    '12.345',
    '0.001',
    '-12',
    '-¥12',
    '¥-12',
    '(12.00)',
    '+12',
    '12.',
    '.5',
    '1,23',
    '12,34.5',
    '1,2345',
    '12a',
    'abc',
    '¥',
    '1e3',
    '$12',
    '12 34',
    '90071992547409.92',
    '99999999999999999999',
  ])('%j is not an amount', (text) => {
    expect(parseMoney(text)).toBeNull();
  });
});

describe('parseInteger', () => {
  it.each([
    ['0', 0],
    ['42', 42],
    ['1,200', 1200],
    ['1,234,567', 1234567],
    ['3.0', 3],
    ['3.00', 3],
    ['3.', 3],
    ['-5', -5],
    ['+5', 5],
    ['-0', 0],
    ['007', 7],
    ['１２', 12],
    ['１，２００', 1200],
    [' 12 ', 12],
    ['9007199254740991', 9007199254740991],
  ])('%s → %d', (text, n) => {
    expect(parseInteger(text)).toBe(n);
  });

  it.each(['', ' ', '3.5', '3.01', '1e3', '0x10', '1,20', '12,3456', 'abc', '12 3', '--1', '9007199254740992', '99999999999999999999'])('%j is not a whole number', (text) => {
    expect(parseInteger(text)).toBeNull();
  });

  it('returns 0, not -0', () => {
    expect(Object.is(parseInteger('-0'), 0)).toBe(true);
  });
});

describe('splitTags', () => {
  it.each([
    ['VIP,重点客户', ['VIP', '重点客户']],
    ['VIP，重点客户', ['VIP', '重点客户']],
    ['a;b；c、d|e/f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['a｜b／c', ['a', 'b', 'c']],
    ['a\nb\r\nc\rd', ['a', 'b', 'c', 'd']],
    ['  a  ,, ,b  ', ['a', 'b']],
    ['医疗  设备,  医疗 设备', ['医疗 设备']],
    ['b,a,b,a', ['b', 'a']],
    ['ＶＩＰ,VIP', ['VIP']],
    ['VIP,vip', ['VIP', 'vip']],
    ['single', ['single']],
    ['', []],
    [' , ; 、 ', []],
  ])('%j → %j', (text, tags) => {
    expect(splitTags(text)).toEqual(tags);
  });
});

describe('parseProvince', () => {
  it.each([
    ['GD', 'GD'],
    ['gd', 'GD'],
    [' Gd ', 'GD'],
    ['ＧＤ', 'GD'],
    ['广东', 'GD'],
    ['广东省', 'GD'],
    ['北京', 'BJ'],
    ['北京市', 'BJ'],
    ['上海市', 'SH'],
    ['天津市', 'TJ'],
    ['重庆市', 'CQ'],
    ['内蒙古', 'NM'],
    ['内蒙古自治区', 'NM'],
    ['广西壮族自治区', 'GX'],
    ['广西自治区', 'GX'],
    ['广西省', 'GX'],
    ['宁夏回族自治区', 'NX'],
    ['新疆维吾尔自治区', 'XJ'],
    ['西藏自治区', 'XZ'],
    ['香港特别行政区', 'HK'],
    ['香港特区', 'HK'],
    ['澳门特别行政区', 'MO'],
    ['台湾省', 'TW'],
    ['台湾', 'TW'],
    ['黑龙江省', 'HL'],
    ['陕西省', 'SN'],
    ['山西省', 'SX'],
    ['广 东 省', 'GD'],
    ['Guangdong', 'GD'],
    ['guangdong', 'GD'],
    ['GUANGDONG PROVINCE', 'GD'],
    ['Inner Mongolia', 'NM'],
    ['inner  mongolia', 'NM'],
    ['Hong Kong', 'HK'],
    ['Hong Kong SAR', 'HK'],
    ['Macau', 'MO'],
    ['Macao', 'MO'],
    ['Shaanxi', 'SN'],
    ['Shanxi', 'SX'],
    ['Beijing Municipality', 'BJ'],
  ])('%j → %s', (text, code) => {
    expect(parseProvince(text)).toBe(code);
  });

  it.each(['', 'XX', '广', '广东省深圳市', '深圳', '中国', '北京省', '香港省', 'Canton', 'G D'])('%j is no province', (text) => {
    expect(parseProvince(text)).toBeNull();
  });

  it('reads every province by code, short name, official name and English name', () => {
    for (const p of PROVINCES) {
      for (const text of [p.code, p.code.toLowerCase(), p.zh, officialProvinceName(p.code), p.en, p.en.toUpperCase()]) {
        expect(parseProvince(text), text).toBe(p.code);
      }
    }
  });
});

describe('splitAddress', () => {
  const parts = (province: string | null, city: string | null, district: string | null, street: string | null) => ({ province, city, district, street });

  it.each([
    // Province, city, district, street.
    ['广东省深圳市南山区科技园南路18号', parts('GD', '深圳市', '南山区', '科技园南路18号')],
    ['广东省广州市天河区体育西路191号', parts('GD', '广州市', '天河区', '体育西路191号')],
    ['江苏省苏州市工业园区星湖街328号', parts('JS', '苏州市', '工业园区', '星湖街328号')],
    ['山东省济南市市中区经七路', parts('SD', '济南市', '市中区', '经七路')],
    ['河北省保定市涿州市范阳路', parts('HE', '保定市', '涿州市', '范阳路')],
    // Municipalities: the city is the municipality, written again or not.
    ['北京市朝阳区建国路88号', parts('BJ', '北京市', '朝阳区', '建国路88号')],
    ['北京朝阳区建国路88号', parts('BJ', '北京市', '朝阳区', '建国路88号')],
    ['北京市北京市朝阳区建国路88号', parts('BJ', '北京市', '朝阳区', '建国路88号')],
    ['上海市浦东新区世纪大道100号', parts('SH', '上海市', '浦东新区', '世纪大道100号')],
    ['上海上海市浦东新区', parts('SH', '上海市', '浦东新区', null)],
    ['重庆市巫山县广东路1号', parts('CQ', '重庆市', '巫山县', '广东路1号')],
    ['天津市', parts('TJ', '天津市', null, null)],
    // Autonomous regions, prefectures (州), leagues (盟), prefectures (地区), banners (旗).
    ['内蒙古自治区呼和浩特市赛罕区大学西街235号', parts('NM', '呼和浩特市', '赛罕区', '大学西街235号')],
    ['内蒙古锡林郭勒盟正蓝旗上都镇', parts('NM', '锡林郭勒盟', '正蓝旗', '上都镇')],
    ['内蒙古自治区鄂尔多斯市达拉特旗', parts('NM', '鄂尔多斯市', '达拉特旗', null)],
    ['新疆维吾尔自治区伊犁哈萨克自治州伊宁市解放路', parts('XJ', '伊犁哈萨克自治州', '伊宁市', '解放路')],
    ['新疆阿克苏地区库车市天山路', parts('XJ', '阿克苏地区', '库车市', '天山路')],
    ['广西壮族自治区南宁市青秀区民族大道', parts('GX', '南宁市', '青秀区', '民族大道')],
    ['贵州省黔东南苗族侗族自治州凯里市', parts('GZ', '黔东南苗族侗族自治州', '凯里市', null)],
    ['宁夏回族自治区银川市兴庆区', parts('NX', '银川市', '兴庆区', null)],
    // Without 省 / 市: the short name, then a city up to its 市 / 州 if there is one.
    ['浙江杭州西湖区文三路', parts('ZJ', '杭州', '西湖区', '文三路')],
    ['浙江杭州市西湖区文三路', parts('ZJ', '杭州市', '西湖区', '文三路')],
    ['浙江西湖区文三路', parts('ZJ', null, '西湖区', '文三路')],
    ['浙江省文三路478号杭州大厦', parts('ZJ', null, null, '文三路478号杭州大厦')],
    ['广西省南宁市青秀区', parts('GX', '南宁市', '青秀区', null)],
    // Without a 市 the city cannot be told from the district: both go to the district.
    ['广东深圳南山区', parts('GD', null, '深圳南山区', null)],
    // Spaces between the parts go; spaces inside the street stay.
    ['广东省 深圳市 南山区 科技园 南路 18号', parts('GD', '深圳市', '南山区', '科技园 南路 18号')],
    ['  广东省深圳市南山区科技园南路18号  ', parts('GD', '深圳市', '南山区', '科技园南路18号')],
    ['广东省深圳市　南山区　科技园', parts('GD', '深圳市', '南山区', '科技园')],
    // A province city that shares the province's name.
    ['吉林省吉林市船营区', parts('JL', '吉林市', '船营区', null)],
    ['吉林市船营区', parts('JL', '吉林市', '船营区', null)],
    // HK, Macao, Taiwan.
    ['香港特别行政区九龙城区太子道', parts('HK', null, '九龙城区', '太子道')],
    ['台湾省台北市大安区', parts('TW', '台北市', '大安区', null)],
    // Only the province, or more than a province.
    ['广东省', parts('GD', null, null, null)],
    ['广东省深圳市', parts('GD', '深圳市', null, null)],
    ['广东省华润万家超市', parts('GD', null, null, '华润万家超市')],
    ['广东省深圳市华强北路电子市场', parts('GD', '深圳市', null, '华强北路电子市场')],
    ['广东省 Room 1203, Tower A', parts('GD', null, null, 'Room 1203, Tower A')],
    // No province at the start: nothing is split.
    ['深圳市南山区科技园南路18号', parts(null, null, null, '深圳市南山区科技园南路18号')],
    ['中国广东省深圳市', parts(null, null, null, '中国广东省深圳市')],
    ['上海路1号', parts(null, null, null, '上海路1号')],
    ['江苏路街道', parts(null, null, null, '江苏路街道')],
    ['Room 1203, 88 Jianguo Road', parts(null, null, null, 'Room 1203, 88 Jianguo Road')],
    ['', parts(null, null, null, null)],
    ['   ', parts(null, null, null, null)],
  ])('%s', (text, expected) => {
    expect(splitAddress(text)).toEqual(expected);
  });

  /** True when every character of `needle` appears in `haystack`, in order. */
  function isSubsequence(needle: string, haystack: string): boolean {
    let at = 0;
    for (let i = 0; i < haystack.length && at < needle.length; i++) if (needle[at] === haystack[i]) at++;
    return at === needle.length;
  }

  /** The input without the longest leading text that names the province found. */
  function withoutProvince(text: string, province: string | null): string {
    if (province === null) return text;
    for (let end = text.length; end > 0; end--) if (parseProvince(text.slice(0, end)) === province) return text.slice(end);
    return text;
  }

  const names = PROVINCES.flatMap((p) => [p.zh, officialProvinceName(p.code), p.zh + '省']);
  const piece = fc.string({ unit: fc.constantFrom(...'深圳广州杭吉林北京上海市州盟地区县旗路号镇超 伊犁自治0１a-,'.split('')), maxLength: 10 });
  const address = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.string({ unit: 'grapheme', maxLength: 30 }),
    fc.tuple(fc.constantFrom(...names, ''), piece, piece, piece).map((p) => p.join('')),
  );

  it('never loses a character: the province name, city, district and street hold the whole input', () => {
    fc.assert(
      fc.property(address, (text) => {
        const { province, city, district, street } = splitAddress(text);
        const input = cleanText(text);
        const kept = [city, district, street].join('').replaceAll(' ', '');
        expect(isSubsequence(withoutProvince(input, province).replaceAll(' ', ''), kept)).toBe(true);
        // Nothing is added, except the municipality as the city (北京朝阳区 → 北京市) and a
        // city that shares the province's name (吉林市 → province 吉林, city 吉林市).
        const sharedName = PROVINCES.some((p) => p.code === province && input.startsWith(p.zh + '市'));
        if (!['BJ', 'TJ', 'SH', 'CQ'].includes(province ?? '') && !sharedName) {
          expect(kept).toBe(withoutProvince(input, province).replaceAll(' ', ''));
        }
        for (const part of [city, district, street]) if (part !== null) expect(part).toBe(part.trim());
        if (province === null) expect(street).toBe(input || null);
      }),
      { numRuns: 2000 },
    );
  });
});
