import { PROVINCES, type ProvinceCode } from './regions';
import { wallClockOf, zoneOffset } from './time';

// Cleaning of imported cell values. Files exported by old service systems and by Chinese
// Excel mix full-width and half-width characters, write dates a dozen ways (or as Excel
// serial numbers), put ¥ and thousands separators in amounts and join tags with whatever
// punctuation was at hand. Each function here takes one cell's text and returns the value
// in the app's form, or null when the text does not hold one; none of them guesses.

// ---------------------------------------------------------------------------------------
// Text

const FULL_WIDTH_ASCII = /[\uFF01-\uFF5E]/g;
/** Zero-width space, non-joiner, joiner, word joiner and the BOM (zero-width no-break space). */
const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

/** Full-width ASCII (Ａ１，) becomes ASCII (A1,) and the ideographic space a space; CJK stays. */
export function halfWidth(text: string): string {
  return text
    .replace(FULL_WIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replaceAll('\u3000', ' ');
}

/** halfWidth, zero-width characters and BOMs removed, whitespace runs (tabs, NBSP) as one space, trimmed. */
/** Anything cleanText would change: full-width or zero-width characters, odd or doubled spaces, spaces at the ends. */
const NEEDS_CLEANING = /[\uFF01-\uFF5E\u3000\u200B-\u200D\u2060\uFEFF]|[^\S ]|\s\s|^\s|\s$/;

export function cleanText(text: string): string {
  // Most cells are clean already: one test instead of four rewrites (imports clean millions).
  if (!NEEDS_CLEANING.test(text)) return text;
  // JavaScript's \s covers tabs, newlines, NBSP and the other Unicode spaces.
  return halfWidth(text).replace(ZERO_WIDTH, '').replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------
// Dates

const DAY_MS = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Excel's largest serial (9999-12-31); years past MAX_YEAR are refused after conversion anyway. */
const MAX_SERIAL = 2_958_465;

interface Ymd {
  year: number;
  month: number;
  day: number;
}

/** A written date split from its time of day and zone: "2026-03-04 10:20+08:00". */
interface DateParts {
  date: string;
  time: string | null;
  /** Minutes east of UTC when the text names its own offset (Z, +08:00). */
  offset: number | null;
}

// The time part: 10:20, 10:20:30, 10:20:30.5, optionally AM/PM or 上午/下午, then Z or an offset.
const TIME_OF_DAY = /^(?:(上午|下午)\s*)?(\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(?:\s*(AM|PM|上午|下午))?$/i;
const ZONE_SUFFIX = /(?:Z|([+-])(\d{2}):?(\d{2})?)$/i;

/**
 * Date, then a space or 'T' (or nothing after 日: 2026年3月4日10:20), then the time. The
 * first such break ends the date; callers check that the rest is a time of day.
 */
const DATE_THEN_TIME = /^(\S+?)(?:\s+|T(?=\d)|(?<=[日号])(?=\S))(.+)$/i;

/** Splits "date[ T]time[zone]"; spaces inside 2026 年 3 月 4 日 are dropped first. */
function splitDateTime(text: string): DateParts {
  const t = cleanText(text).replace(/\s*([年月])\s*/g, '$1').replace(/\s+([日号])/g, '$1');
  const match = DATE_THEN_TIME.exec(t);
  if (!match) return { date: t, time: null, offset: null };
  let time = match[2]!;
  let offset: number | null = null;
  const zone = ZONE_SUFFIX.exec(time);
  if (zone && zone.index > 0) {
    const [, sign, hh, mm] = zone;
    offset = sign ? (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm ?? 0)) : 0;
    time = time.slice(0, zone.index).trim();
  }
  return { date: match[1]!, time, offset };
}

/** Milliseconds since midnight of a time part, or null when it is not a time of day. */
function timeOfDay(time: string): number | null {
  const m = TIME_OF_DAY.exec(time);
  if (!m) return null;
  const [, before, hh, mm, ss, frac, after] = m;
  let hour = Number(hh);
  const meridiem = (before ?? after)?.toUpperCase();
  if (before && after) return null;
  if (meridiem) {
    // 12-hour clock: 12 AM is midnight, 12 PM noon.
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem === 'PM' || meridiem === '下午' ? 12 : 0);
  }
  const minute = Number(mm);
  const second = Number(ss ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return null;
  return ((hour * 60 + minute) * 60 + second) * 1000 + Number((frac ?? '').padEnd(3, '0'));
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function realDay(year: number, month: number, day: number): Ymd | null {
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12 || day < 1) return null;
  return day <= daysInMonth(year, month) ? { year, month, day } : null;
}

function fromUtcDays(ms: number): Ymd {
  const d = new Date(ms);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/**
 * An Excel serial day (1900 date system). Excel counts 1900-02-29, a day that never was,
 * as serial 60 (Lotus 1-2-3's leap-year bug): serials 1–59 count from 1899-12-31, 61 and
 * on from 1899-12-30, and 60 is no date.
 */
function excelSerialDay(serial: number): Ymd | null {
  if (serial < 1 || serial > MAX_SERIAL || serial === 60) return null;
  const epoch = serial < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const ymd = fromUtcDays(epoch + serial * DAY_MS);
  return realDay(ymd.year, ymd.month, ymd.day);
}

/** Year first: 2026-03-04, 2026/3/4, 2026.3.4 (one separator throughout), 2026年3月4日, 20260304. */
const YEAR_FIRST = /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
/** Year last: 04/03/2026, 04-03-2026, 04.03.2026; which of the two comes first is the caller's setting. */
const YEAR_LAST = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{4})$/;
const SERIAL = /^\d+(?:\.\d+)?$/;

function parseDatePart(date: string, dayFirst: boolean): Ymd | null {
  let m = YEAR_FIRST.exec(date);
  if (m) return realDay(Number(m[1]), Number(m[3]), Number(m[4]));
  m = CHINESE.exec(date) ?? COMPACT.exec(date);
  if (m) return realDay(Number(m[1]), Number(m[2]), Number(m[3]));
  m = YEAR_LAST.exec(date);
  if (m) {
    const a = Number(m[1]);
    const b = Number(m[3]);
    // 13/04/2026 can only be day first, whatever the setting says.
    const dayComesFirst = dayFirst || a > 12;
    return realDay(Number(m[4]), dayComesFirst ? b : a, dayComesFirst ? a : b);
  }
  // After COMPACT, so eight digits are always YYYYMMDD (serials stop at seven digits).
  if (SERIAL.test(date)) return excelSerialDay(Math.floor(Number(date)));
  return null;
}

function formatDay({ year, month, day }: Ymd): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * A calendar day as YYYY-MM-DD, or null when the text is not a real day between 1900 and
 * 2100. `dayFirst` reads 04/03/2026 as 4 March (else as April 3); a time after the date
 * is checked to be a time and otherwise ignored; an Excel serial keeps its whole days.
 */
export function parseDay(text: string, dayFirst: boolean): string | null {
  const parts = splitDateTime(text);
  if ((parts.time !== null && timeOfDay(parts.time) === null)) return null;
  const ymd = parseDatePart(parts.date, dayFirst);
  return ymd && formatDay(ymd);
}

/**
 * Excel stores a time of day as a fraction of a day in a double with 15 significant digits,
 * so 10:20 comes back as 45292.4305555556: round to the second, not the millisecond.
 */
function serialTimeOfDay(serial: string): number {
  const fraction = Number(serial) - Math.floor(Number(serial));
  return Math.round(fraction * 86_400) * 1000;
}

/**
 * The instant a written date and time names, in epoch ms: the wall-clock time in
 * `timeZone` (a date alone is its midnight), or, when the text carries Z or an offset
 * (ISO 8601), that instant. An Excel serial's fraction is its time of day. Null when the
 * text is not a date; an unknown zone throws (a setting, not a cell, is wrong).
 */
export function parseDateTime(text: string, dayFirst: boolean, timeZone: string): number | null {
  const parts = splitDateTime(text);
  const ymd = parseDatePart(parts.date, dayFirst);
  if (!ymd) return null;
  let ms = 0;
  if (parts.time !== null) {
    const t = timeOfDay(parts.time);
    if (t === null) return null;
    ms = t;
  } else if (SERIAL.test(parts.date) && !COMPACT.test(parts.date)) {
    ms = serialTimeOfDay(parts.date);
  }
  const wall = Date.UTC(ymd.year, ymd.month - 1, ymd.day) + ms;
  if (parts.offset !== null) return wall - parts.offset * 60_000;
  return instantOfWallClock(wall, timeZone);
}

// Time zones. Intl is the only zone database that runs everywhere src-shared runs.

/**
 * The instant a wall-clock time names in a zone. The offsets a day before and a day after
 * bracket any DST change near it (zones change at most once in two days). A time that
 * occurs twice (autumn, 01:30 in New York) is the earlier instant; a time skipped by the
 * spring change (02:30) is read with the offset before the change, i.e. moved forward by
 * the gap (03:30), as Temporal's "compatible" rule and most calendars do.
 */
function instantOfWallClock(wall: number, timeZone: string): number {
  const before = zoneOffset(wall - DAY_MS, timeZone);
  const after = zoneOffset(wall + DAY_MS, timeZone);
  if (before === after) return wall - before;
  const candidates = [wall - before, wall - after].filter((t) => wallClockOf(t, timeZone) === wall);
  return candidates.length > 0 ? Math.min(...candidates) : wall - before;
}

// ---------------------------------------------------------------------------------------
// Numbers

/** ¥ (U+00A5), ￥ (U+FFE5), RMB or CNY before the amount; 元, RMB or CNY after it. */
const CURRENCY_BEFORE = /^(?:[¥￥]|RMB|CNY)\s*/i;
const CURRENCY_AFTER = /\s*(?:元|RMB|CNY)$/i;
/** Digits, optionally grouped by commas in threes (1,234,567), then optionally decimals. */
const GROUPED = /^(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?$/;

/**
 * An amount in yuan as integer fen: '¥1,234.50' → 123450. Null for negative amounts,
 * more than two decimals (12.345 is a typo or a unit price, not money we can store) and
 * anything else that is not an amount. Computed on the digits, never through a float.
 */
export function parseMoney(text: string): number | null {
  const t = cleanText(text).replace(CURRENCY_BEFORE, '').replace(CURRENCY_AFTER, '');
  const m = GROUPED.exec(t);
  if (!m) return null;
  const decimals = m[2] ?? '';
  if (decimals.length > 2) return null;
  const fen = Number(m[1]!.replaceAll(',', '')) * 100 + Number(decimals.padEnd(2, '0'));
  return Number.isSafeInteger(fen) ? fen : null;
}

/** A whole number as typed: '1,200' → 1200, '3.0' → 3; null for '3.5', '1e3' or past 2^53. */
export function parseInteger(text: string): number | null {
  const m = /^([+-]?)(\d{1,3}(?:,\d{3})+|\d+)(?:\.0*)?$/.exec(cleanText(text));
  if (!m) return null;
  const n = Number(m[2]!.replaceAll(',', ''));
  if (!Number.isSafeInteger(n)) return null;
  return m[1] === '-' && n !== 0 ? -n : n;
}

// ---------------------------------------------------------------------------------------
// Tags

/** After halfWidth, full-width ，；｜／ are their ASCII forms; 、 has no half-width form. */
const TAG_SEPARATORS = /[,;、|/\r\n]/;

/** Tags split on , ， ; ； 、 | / and line breaks, cleaned, without empties or repeats (first kept). */
export function splitTags(text: string): string[] {
  const tags = halfWidth(text).split(TAG_SEPARATORS).map(cleanText);
  return [...new Set(tags.filter((t) => t !== ''))];
}

// ---------------------------------------------------------------------------------------
// Provinces

/** Official names' endings, where not 省: municipalities, autonomous regions, SARs. */
const OFFICIAL_SUFFIX: Partial<Record<ProvinceCode, string>> = {
  BJ: '市',
  TJ: '市',
  SH: '市',
  CQ: '市',
  NM: '自治区',
  GX: '壮族自治区',
  XZ: '自治区',
  NX: '回族自治区',
  XJ: '维吾尔自治区',
  HK: '特别行政区',
  MO: '特别行政区',
};

const MUNICIPALITIES: ReadonlySet<ProvinceCode> = new Set(['BJ', 'TJ', 'SH', 'CQ']);

/** The official Chinese name: 广东省, 北京市, 广西壮族自治区, 香港特别行政区. */
export function officialProvinceName(code: ProvinceCode): string {
  const province = PROVINCES.find((p) => p.code === code)!;
  return province.zh + (OFFICIAL_SUFFIX[code] ?? '省');
}

/**
 * Chinese names a province goes by, longest first so 内蒙古自治区 wins over 内蒙古: the
 * official name, the short name, and the short name with 省, 市 or 自治区 as people write
 * it whatever the official form (广西省, 新疆自治区).
 */
const CHINESE_NAMES: readonly { name: string; code: ProvinceCode }[] = PROVINCES.flatMap((p) => {
  const names = new Set([officialProvinceName(p.code), p.zh]);
  if (p.code === 'HK' || p.code === 'MO') names.add(p.zh + '特区');
  else names.add(p.zh + (MUNICIPALITIES.has(p.code) ? '市' : '省'));
  if (OFFICIAL_SUFFIX[p.code]?.endsWith('自治区')) names.add(p.zh + '自治区');
  return [...names].map((name) => ({ name, code: p.code }));
}).sort((a, b) => b.name.length - a.name.length);

const ENGLISH_ALIASES: Record<string, ProvinceCode> = { macau: 'MO', xizang: 'XZ', 'nei mongol': 'NM' };

function englishProvince(text: string): ProvinceCode | null {
  const name = text.toLowerCase().replace(/ (province|municipality|sar|autonomous region)$/, '');
  return PROVINCES.find((p) => p.en.toLowerCase() === name)?.code ?? ENGLISH_ALIASES[name] ?? null;
}

/** A province by code (GD, gd), Chinese name (广东, 广东省, 内蒙古自治区) or English name (Guangdong, Inner Mongolia). */
export function parseProvince(text: string): ProvinceCode | null {
  const t = cleanText(text);
  const byCode = PROVINCES.find((p) => p.code === t.toUpperCase());
  if (byCode) return byCode.code;
  const compact = t.replaceAll(' ', '');
  return CHINESE_NAMES.find((n) => n.name === compact)?.code ?? englishProvince(t);
}

// ---------------------------------------------------------------------------------------
// Addresses

export interface AddressParts {
  province: ProvinceCode | null;
  city: string | null;
  district: string | null;
  street: string | null;
}

/** A bare short name followed by one of these starts a street name (广东路, 江苏路 in Shanghai), not a province. */
const STREET_AFTER_NAME = /^[路街道巷弄里号]/;

/** The province an address starts with and how many characters name it. */
function provincePrefix(address: string): { code: ProvinceCode; length: number } | null {
  for (const { name, code } of CHINESE_NAMES) {
    if (!address.startsWith(name)) continue;
    const next = address.slice(name.length);
    if (name === PROVINCES.find((p) => p.code === code)!.zh) {
      if (STREET_AFTER_NAME.test(next)) continue;
      // 吉林市 is a city of 吉林省: the province, but the name belongs to the city too.
      if (next.startsWith('市') && !MUNICIPALITIES.has(code)) return { code, length: 0 };
    }
    return { code, length: name.length };
  }
  return null;
}

/**
 * The longest part an address component may be: 克孜勒苏柯尔克孜自治州 has 11 characters,
 * so 12 is enough for any city or county and keeps a 市 in a far-off shop name (…市场) out.
 */
const MAX_PART = 12;
/** Characters that belong to streets and places, never to a city or county name. */
const NOT_IN_NAME = /[区县旗路街道巷弄号镇乡村楼室栋座]/;
/** Places whose names end in 市 but are shops and markets (华润万家超市), not cities. */
const SHOP = /(?:超市|门市|菜市|夜市|集市)$/;

/**
 * The shortest run of Chinese characters at the start of `rest` that ends with one of
 * `endings` and has no street word before its ending; at least two characters (市中区 is a
 * district, not 市 + 中区). Null when there is none within MAX_PART.
 */
function leadingPart(rest: string, endings: readonly string[]): string | null {
  const run = /^[\u3400-\u9FFF]+/.exec(rest.slice(0, MAX_PART))?.[0] ?? '';
  for (let end = 2; end <= run.length; end++) {
    const candidate = run.slice(0, end);
    const ending = endings.find((e) => candidate.endsWith(e));
    if (!ending) continue;
    if (NOT_IN_NAME.test(candidate.slice(0, -ending.length)) || SHOP.test(candidate)) return null;
    return candidate;
  }
  return null;
}

const CITY_ENDINGS = ['市', '州', '盟', '地区'];
const DISTRICT_ENDINGS = ['区', '县', '市', '旗'];

/** The city at the start of `rest`: 深圳市, 伊犁哈萨克自治州, 锡林郭勒盟, 阿克苏地区, or 杭州 / 广州市. */
function leadingCity(rest: string): string | null {
  const city = leadingPart(rest, CITY_ENDINGS);
  // 广州市: the first 州 ends the name 广州, and the 市 after it belongs to it too.
  if (city?.endsWith('州') && rest[city.length] === '市') return city + '市';
  return city;
}

/**
 * Splits a Chinese address into province, city, district and street.
 * - Province: a Chinese name at the very start (official or short name, 广西省 too);
 *   without one nothing is split and the whole text is the street.
 * - City: for 北京/天津/上海/重庆 the municipality itself (北京市), whether or not it is
 *   written again; otherwise the shortest leading name ending in 市, 州, 盟 or 地区 (a 市
 *   right after a 州 joins it: 广州市), or null when there is none (浙江西湖区…).
 * - District: then the shortest leading name ending in 区, 县, 市 (a county-level city:
 *   伊宁市) or 旗, or null.
 * - Street: the rest, or null when nothing is left.
 * Names are runs of Chinese characters of at most 12, without street words (路, 号, 镇…),
 * and spaces between the parts are dropped. Nothing else is dropped: the input is always
 * the province's name, city, district and street one after the other.
 */
export function splitAddress(text: string): AddressParts {
  const address = cleanText(text);
  const found = provincePrefix(address);
  if (!found) return { province: null, city: null, district: null, street: address || null };
  let rest = address.slice(found.length).trimStart();
  let city: string | null;
  if (MUNICIPALITIES.has(found.code)) {
    city = officialProvinceName(found.code);
    // 北京市北京市朝阳区 and 上海上海市… repeat the municipality as the city.
    const short = city.slice(0, -1);
    if (rest.startsWith(city)) rest = rest.slice(city.length);
    else if (rest.startsWith(short) && !STREET_AFTER_NAME.test(rest.slice(short.length))) rest = rest.slice(short.length);
  } else {
    city = leadingCity(rest);
    if (city) rest = rest.slice(city.length);
  }
  rest = rest.trimStart();
  const district = leadingPart(rest, DISTRICT_ENDINGS);
  if (district) rest = rest.slice(district.length).trimStart();
  return { province: found.code, city, district, street: rest || null };
}
