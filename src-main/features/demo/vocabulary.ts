// Word lists and templates for demo data: what a Chinese after-sales desk for equipment
// makers and distributors sees day to day, plus some foreign-invested customers writing in
// English. Brand-free on purpose; phone numbers are generated, never real ones.

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
  '欧阳', '司马',
] as const;

export const GIVEN_NAMES = [
  '伟', '芳', '娜', '秀英', '敏', '静', '丽', '强', '磊', '军', '洋', '勇', '艳', '杰', '娟', '涛', '明', '超', '秀兰', '霞',
  '平', '刚', '桂英', '建华', '志强', '海燕', '晓东', '俊杰', '文博', '子涵', '雨桐', '浩然', '欣怡', '宇航', '梓萱', '建国',
  '国庆', '红梅', '丽娟', '永刚', '晓明', '春燕', '立新', '振华', '佳琪', '思远', '一鸣', '嘉怡', '德华', '玉兰',
] as const;

export const ENGLISH_FIRST = ['John', 'Emily', 'Michael', 'Sarah', 'David', 'Laura', 'James', 'Anna', 'Peter', 'Grace', 'Thomas', 'Olivia', 'Kevin', 'Linda'] as const;
export const ENGLISH_LAST = ['Smith', 'Miller', 'Brown', 'Wilson', 'Taylor', 'Chen', 'Wong', 'Schmidt', 'Müller', 'Tanaka', 'Clark', 'Walker'] as const;

/** City, landline area code (+86-<code>-<8 digits>), city prefix used in company names, province code. */
export const CITIES = [
  { name: '上海', area: '21', prefix: '上海', province: 'SH' },
  { name: '北京', area: '10', prefix: '北京', province: 'BJ' },
  { name: '深圳', area: '755', prefix: '深圳市', province: 'GD' },
  { name: '广州', area: '20', prefix: '广州市', province: 'GD' },
  { name: '杭州', area: '571', prefix: '杭州', province: 'ZJ' },
  { name: '苏州', area: '512', prefix: '苏州', province: 'JS' },
  { name: '南京', area: '25', prefix: '南京', province: 'JS' },
  { name: '武汉', area: '27', prefix: '武汉', province: 'HB' },
  { name: '成都', area: '28', prefix: '成都', province: 'SC' },
  { name: '重庆', area: '23', prefix: '重庆', province: 'CQ' },
  { name: '天津', area: '22', prefix: '天津', province: 'TJ' },
  { name: '宁波', area: '574', prefix: '宁波', province: 'ZJ' },
  { name: '东莞', area: '769', prefix: '东莞市', province: 'GD' },
  { name: '青岛', area: '532', prefix: '青岛', province: 'SD' },
  { name: '西安', area: '29', prefix: '西安', province: 'SN' },
] as const;

export const COMPANY_CORES = [
  '宏达', '华东', '鑫源', '恒通', '永信', '瑞丰', '金盛', '腾飞', '博远', '天成', '中联', '海利', '新世纪', '德润', '嘉禾',
  '远航', '东方', '正泰', '华美', '汇丰源', '长城', '联创', '兴业', '锦程', '万达福',
] as const;

export const INDUSTRIES = [
  '精密机械', '电子科技', '物业管理', '酒店管理', '医疗器械', '食品', '纺织', '物流', '建设工程', '餐饮管理', '塑胶制品',
  '汽车零部件', '商贸', '印务', '教育科技', '实业',
] as const;

export const COMPANY_SUFFIXES = ['有限公司', '有限公司', '有限公司', '股份有限公司', '有限责任公司'] as const;

/** Named regulars so the demo has customers people recognise from the docs. */
export const WELL_KNOWN_COMPANIES = [
  { name: '华东精密机械有限公司', city: 0 },
  { name: '深圳市宏达电子科技有限公司', city: 2 },
  { name: '上海浦江物业管理有限公司', city: 0 },
  { name: '杭州西湖国际酒店管理有限公司', city: 4 },
  { name: '成都天府医疗器械股份有限公司', city: 8 },
] as const;

export const ENGLISH_COMPANY_HEADS = ['Acme', 'Pacific Rim', 'Northwind', 'Sunrise', 'Evergreen', 'Summit', 'Harbor', 'Orient', 'BlueSky', 'Globex'] as const;
export const ENGLISH_COMPANY_TAILS = [
  'Industrial Ltd',
  'Trading Co., Ltd.',
  'Hotels (Shanghai) Co., Ltd.',
  'Electronics (Suzhou) Co., Ltd.',
  'Logistics Ltd',
  'Medical Devices Inc.',
  'Foods (China) Co., Ltd.',
  'Manufacturing GmbH',
] as const;

export interface ProductLine {
  key: string;
  /** Shown as products.product_line. */
  label: string;
  weight: number;
  models: readonly (readonly [model: string, name: string])[];
  /** Repair subjects; {code} becomes a fault code. */
  faults: readonly string[];
  faultsEn: readonly string[];
  codes: readonly string[];
  /** What the engineer found / did, for descriptions and notes. */
  causes: readonly string[];
}

export const PRODUCT_LINES: readonly ProductLine[] = [
  {
    key: 'hvac',
    label: '空调 HVAC',
    weight: 30,
    models: [
      ['KFR-26GW/A1', '壁挂式空调 1匹'],
      ['KFR-35GW/A1', '壁挂式空调 1.5匹'],
      ['KFR-72LW/B3', '立柜式空调 3匹'],
      ['MDV-280W/S', '多联机中央空调室外机'],
      ['MDV-D56Q4', '天花板嵌入式室内机'],
      ['LSQWRF-130', '风冷模块机组'],
    ],
    faults: [
      '空调不制冷，显示{code}故障代码',
      '空调制热效果差',
      '空调外机噪音大',
      '室内机漏水',
      '空调开机后自动关机',
      '遥控器失灵，空调无法开机',
      '出风口有异味',
      '中央空调显示{code}报警',
      '空调频繁启停',
    ],
    faultsEn: ['Air conditioner not cooling, error {code}', 'Indoor unit leaking water', 'Outdoor unit very noisy'],
    codes: ['E1', 'E4', 'E6', 'F0', 'F3', 'H5', 'P4', 'U8'],
    causes: ['冷媒不足，已补充冷媒', '室外风机电容损坏，已更换', '排水管堵塞，已疏通', '温度传感器故障，已更换', '主板故障，已更换主板'],
  },
  {
    key: 'elevator',
    label: '电梯',
    weight: 12,
    models: [
      ['GLS-1000', '乘客电梯 1000kg'],
      ['GLS-1350', '乘客电梯 1350kg'],
      ['GHB-2000', '载货电梯 2000kg'],
      ['ES-30', '自动扶梯 30°'],
    ],
    faults: [
      '电梯门异响',
      '电梯运行时抖动',
      '电梯困人，需紧急处理',
      '电梯按钮失灵',
      '电梯平层不准',
      '扶梯扶手带速度不同步',
      '电梯显示{code}故障',
    ],
    faultsEn: ['Elevator door noise', 'Elevator stuck between floors', 'Escalator handrail not moving'],
    codes: ['ER21', 'ER35', 'E07', 'E30'],
    causes: ['门机皮带松动，已调整', '导靴磨损，已更换', '层门锁触点氧化，已清洁', '编码器故障，已更换'],
  },
  {
    key: 'cnc',
    label: '数控机床',
    weight: 14,
    models: [
      ['VMC-850', '立式加工中心 VMC-850'],
      ['VMC-1160', '立式加工中心 VMC-1160'],
      ['CK6150', '数控车床 CK6150'],
      ['HMC-630', '卧式加工中心 HMC-630'],
      ['EDM-450', '电火花成型机'],
    ],
    faults: [
      '主轴异响',
      '数控系统报警{code}',
      '刀库换刀卡滞',
      '加工精度超差',
      '伺服电机过热',
      '润滑系统压力低报警',
      '机床无法回零',
    ],
    faultsEn: ['CNC spindle alarm {code}', 'Tool changer jammed', 'Machining accuracy out of tolerance'],
    codes: ['ALM401', 'ALM1001', 'SV0436', 'SP9012', 'EX1005'],
    causes: ['主轴轴承磨损，已更换', '刀库定位销松动，已紧固', '丝杠间隙补偿参数调整', '伺服驱动器故障，已更换'],
  },
  {
    key: 'printer',
    label: '打印机',
    weight: 20,
    models: [
      ['LP-2200', '激光打印机 LP-2200'],
      ['LP-4500DN', '网络激光打印机 LP-4500DN'],
      ['IJ-580', '彩色喷墨打印机 IJ-580'],
      ['MFP-3020', '多功能一体机 MFP-3020'],
      ['TL-410', '工业标签打印机 TL-410'],
    ],
    faults: [
      '打印机卡纸',
      '打印有黑线',
      '打印机无法连接网络',
      '打印颜色偏淡',
      '扫描仪无法使用',
      '打印机显示{code}错误',
      '打印速度慢',
    ],
    faultsEn: ['Printer paper jam', 'Printer shows error {code}', 'Cannot connect printer to network'],
    codes: ['C2557', 'E-03', 'SC542', 'J101'],
    causes: ['搓纸轮磨损，已更换', '硒鼓老化，建议更换', '定影组件故障，已更换', '网卡固件升级后恢复'],
  },
  {
    key: 'purifier',
    label: '净水器',
    weight: 16,
    models: [
      ['RO-400G', '反渗透净水器 400G'],
      ['RO-600G', '反渗透净水器 600G'],
      ['UF-2000', '超滤净水器 UF-2000'],
      ['WD-180', '管线机 WD-180'],
    ],
    faults: ['净水器漏水', '净水器出水量小', '净水器TDS值偏高', '净水器频繁启动', '滤芯到期提醒无法复位', '净水器有异味'],
    faultsEn: ['Water purifier leaking', 'Low water flow from purifier'],
    codes: ['E1', 'E2'],
    causes: ['快接头老化漏水，已更换', 'RO膜堵塞，已更换', '增压泵故障，已更换', '滤芯到期，已更换全套滤芯'],
  },
  {
    key: 'heater',
    label: '热水器',
    weight: 8,
    models: [
      ['JSQ24-12', '燃气热水器 12升'],
      ['JSQ32-16', '燃气热水器 16升'],
      ['DSZF-60', '电热水器 60升'],
    ],
    faults: ['热水器不点火', '热水器水温忽冷忽热', '热水器显示{code}故障', '热水器漏水'],
    faultsEn: ['Water heater does not ignite'],
    codes: ['E1', 'E6', 'F2'],
    causes: ['点火针积碳，已清理', '水流传感器故障，已更换', '镁棒消耗完，已更换'],
  },
];

/** Subjects without a fault: consultations, installations, complaints, the rest. {product} = product name. */
export const CONSULTATION_SUBJECTS = [
  '{product}保修期咨询',
  '{product}使用方法咨询',
  '配件价格咨询',
  '咨询{product}保养周期',
  '咨询维修收费标准',
  '询问上门服务时间',
] as const;
export const CONSULTATION_SUBJECTS_EN = ['Warranty question about {product}', 'Spare parts price inquiry', 'Maintenance schedule question'] as const;

export const INSTALLATION_SUBJECTS = ['{product}上门安装预约', '新购{product}安装调试', '{product}移机', '设备搬迁后重新安装调试'] as const;
export const INSTALLATION_SUBJECTS_EN = ['Installation appointment for {product}', 'Relocation of {product}'] as const;

export const COMPLAINT_SUBJECTS = [
  '维修人员迟到投诉',
  '维修后故障复发',
  '申请退款',
  '对服务态度不满意',
  '配件收费过高投诉',
  '多次报修未解决',
] as const;
export const COMPLAINT_SUBJECTS_EN = ['Request for refund', 'Engineer did not show up', 'Same fault after repair'] as const;

export const OTHER_SUBJECTS = ['发票补开', '修改联系地址', '申请退款', '索取保养记录', '延保服务办理'] as const;
export const OTHER_SUBJECTS_EN = ['Invoice request', 'Change of contact address'] as const;

export const SINCE = ['今天上午开始出现', '昨天开始出现', '已持续三天', '上周开始偶尔出现', '使用约两年后出现', '刚安装不到一个月就出现'] as const;
export const DETAILS = [
  '已尝试断电重启，问题依旧',
  '设备安装在{floor}楼机房',
  '客户表示影响正常生产',
  '设备仍在保修期内',
  '设备已过保修期，客户同意付费维修',
  '客户希望工程师带好配件',
  '现场有专人配合',
  '机身序列号{serial}',
] as const;
export const WHEN = ['尽快', '今天下午', '明天上午', '本周内', '周末', '工作日'] as const;
export const CONSULT_DETAILS = ['客户来电咨询，已电话解答', '已通过微信发送说明书', '客户需要书面报价', '已告知收费标准'] as const;

export const EN_DESCRIPTIONS = [
  'Customer reports the issue started {since}. Please send an engineer {when}.',
  'Reported by the facility manager. Serial number {serial}. Unit is under warranty.',
  'Customer called the hotline; already tried a restart, no change.',
] as const;
export const EN_SINCE = ['yesterday', 'this morning', 'last week', 'after the power cut'] as const;
export const EN_WHEN = ['as soon as possible', 'tomorrow morning', 'this week'] as const;

export const CLOSE_NOTES = ['已完成维修，客户确认', '电话回访，客户满意', '已更换配件，设备运行正常', '已解答，客户无其他问题', '已安装调试完成'] as const;
