// China's provincial-level divisions and the service regions desks route by (华东, 华南…).
// Codes are the GB/T 2260 two-letter abbreviations used on licence plates and forms.

export const REGIONS = ['north', 'northeast', 'east', 'central', 'south', 'southwest', 'northwest', 'hmt'] as const;
export type Region = (typeof REGIONS)[number];

export const PROVINCES = [
  { code: 'BJ', zh: '北京', en: 'Beijing', region: 'north' },
  { code: 'TJ', zh: '天津', en: 'Tianjin', region: 'north' },
  { code: 'HE', zh: '河北', en: 'Hebei', region: 'north' },
  { code: 'SX', zh: '山西', en: 'Shanxi', region: 'north' },
  { code: 'NM', zh: '内蒙古', en: 'Inner Mongolia', region: 'north' },
  { code: 'LN', zh: '辽宁', en: 'Liaoning', region: 'northeast' },
  { code: 'JL', zh: '吉林', en: 'Jilin', region: 'northeast' },
  { code: 'HL', zh: '黑龙江', en: 'Heilongjiang', region: 'northeast' },
  { code: 'SH', zh: '上海', en: 'Shanghai', region: 'east' },
  { code: 'JS', zh: '江苏', en: 'Jiangsu', region: 'east' },
  { code: 'ZJ', zh: '浙江', en: 'Zhejiang', region: 'east' },
  { code: 'AH', zh: '安徽', en: 'Anhui', region: 'east' },
  { code: 'FJ', zh: '福建', en: 'Fujian', region: 'east' },
  { code: 'JX', zh: '江西', en: 'Jiangxi', region: 'east' },
  { code: 'SD', zh: '山东', en: 'Shandong', region: 'east' },
  { code: 'HA', zh: '河南', en: 'Henan', region: 'central' },
  { code: 'HB', zh: '湖北', en: 'Hubei', region: 'central' },
  { code: 'HN', zh: '湖南', en: 'Hunan', region: 'central' },
  { code: 'GD', zh: '广东', en: 'Guangdong', region: 'south' },
  { code: 'GX', zh: '广西', en: 'Guangxi', region: 'south' },
  { code: 'HI', zh: '海南', en: 'Hainan', region: 'south' },
  { code: 'CQ', zh: '重庆', en: 'Chongqing', region: 'southwest' },
  { code: 'SC', zh: '四川', en: 'Sichuan', region: 'southwest' },
  { code: 'GZ', zh: '贵州', en: 'Guizhou', region: 'southwest' },
  { code: 'YN', zh: '云南', en: 'Yunnan', region: 'southwest' },
  { code: 'XZ', zh: '西藏', en: 'Tibet', region: 'southwest' },
  { code: 'SN', zh: '陕西', en: 'Shaanxi', region: 'northwest' },
  { code: 'GS', zh: '甘肃', en: 'Gansu', region: 'northwest' },
  { code: 'QH', zh: '青海', en: 'Qinghai', region: 'northwest' },
  { code: 'NX', zh: '宁夏', en: 'Ningxia', region: 'northwest' },
  { code: 'XJ', zh: '新疆', en: 'Xinjiang', region: 'northwest' },
  { code: 'HK', zh: '香港', en: 'Hong Kong', region: 'hmt' },
  { code: 'MO', zh: '澳门', en: 'Macao', region: 'hmt' },
  { code: 'TW', zh: '台湾', en: 'Taiwan', region: 'hmt' },
] as const satisfies readonly { code: string; zh: string; en: string; region: Region }[];

export type ProvinceCode = (typeof PROVINCES)[number]['code'];
export const PROVINCE_CODES = PROVINCES.map((p) => p.code) as [ProvinceCode, ...ProvinceCode[]];

export function regionOf(province: string | null | undefined): Region | null {
  return PROVINCES.find((p) => p.code === province)?.region ?? null;
}
