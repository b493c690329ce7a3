import type { Random } from './random.ts';

/** Word lists for plausible Chinese names of people and enterprises; nothing here names a real person. */

// The commonest surnames with rough weights (per mille, 2020 census order).
const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72],
  ['李', 71],
  ['张', 68],
  ['刘', 54],
  ['陈', 45],
  ['杨', 31],
  ['黄', 23],
  ['赵', 22],
  ['吴', 20],
  ['周', 19],
  ['徐', 18],
  ['孙', 15],
  ['马', 15],
  ['朱', 14],
  ['胡', 13],
  ['郭', 12],
  ['何', 11],
  ['林', 10],
  ['高', 10],
  ['罗', 9],
  ['郑', 9],
  ['梁', 8],
  ['谢', 7],
  ['宋', 7],
  ['唐', 7],
  ['许', 7],
  ['韩', 6],
  ['冯', 6],
  ['邓', 6],
  ['曹', 6],
  ['彭', 5],
  ['曾', 5],
  ['肖', 5],
  ['田', 5],
  ['董', 5],
  ['袁', 4],
  ['潘', 4],
  ['于', 4],
  ['蒋', 4],
  ['蔡', 4],
  ['余', 4],
  ['杜', 4],
  ['叶', 4],
  ['程', 4],
  ['苏', 3],
  ['魏', 3],
  ['吕', 3],
  ['丁', 3],
  ['任', 3],
  ['沈', 3],
  ['姚', 3],
  ['卢', 3],
  ['姜', 3],
  ['崔', 3],
  ['钟', 3],
  ['谭', 2],
  ['陆', 3],
  ['汪', 2],
  ['范', 2],
  ['金', 2],
  ['石', 2],
  ['廖', 2],
  ['贾', 2],
  ['夏', 2],
  ['韦', 2],
  ['顾', 2],
  ['缪', 1],
  ['卞', 1],
  ['欧阳', 1],
  ['诸葛', 0.2],
];

const MALE_CHARACTERS = [...'伟强磊军勇杰涛斌浩鹏宇飞刚明辉超亮俊峰建国文华志平晨阳凯锋成龙晓东海波毅翔瑞博睿哲轩航铭'];
const FEMALE_CHARACTERS = [...'芳娜敏静丽艳娟霞燕玲婷雪慧颖琳洁倩萍红梅丹兰晶欣悦怡雯佳琪璐蕾薇诗涵梦菲彤妍馨瑶'];
const SHARED_CHARACTERS = [...'文华明晓嘉子一思雨安欣若宁春秋新玉永家'];

/** A person's name: surname and one or two given-name characters. */
export function personName(random: Random, sex: 'male' | 'female'): string {
  const own = sex === 'male' ? MALE_CHARACTERS : FEMALE_CHARACTERS;
  const surname = random.weighted(SURNAMES);
  if (random.chance(0.22)) return surname + random.pick(own);
  const first = random.chance(0.3) ? random.pick(SHARED_CHARACTERS) : random.pick(own);
  return surname + first + random.pick(own);
}

// 字号: two characters of the kind enterprises choose (恒立, 汇川, 先导…).
const TRADE_NAME_CHARACTERS = [
  ...'恒立汇川先导天合华兴瑞泰德信精工博远鼎晶智创联宏达新正科力凯盛安捷万通金旭辉海诺康昊宇航微芯源光峰元和嘉益丰浩森帆腾驰锐拓展图澳冠群星云亿豪隆昌润',
];

// Words that say what an enterprise does, by GB/T 4754 division.
const INDUSTRY_WORDS: Record<string, readonly string[]> = {
  '13': ['食品', '农业科技'],
  '14': ['食品', '生物科技'],
  '15': ['酒业', '饮品'],
  '17': ['纺织', '纺织科技'],
  '18': ['服饰', '服装'],
  '19': ['鞋业', '皮革制品'],
  '20': ['木业'],
  '21': ['家具'],
  '22': ['纸业', '包装材料'],
  '23': ['印务', '包装印刷'],
  '24': ['文体用品', '工艺品'],
  '25': ['能源科技'],
  '26': ['化工', '新材料', '精细化工'],
  '27': ['医药', '生物医药', '药业'],
  '28': ['化纤', '纤维科技'],
  '29': ['塑胶', '高分子材料', '橡塑制品'],
  '30': ['新型建材', '特种陶瓷', '玻璃科技'],
  '31': ['特钢', '钢材'],
  '32': ['合金材料', '铜业', '铝业'],
  '33': ['金属制品', '精密制造', '五金'],
  '34': ['机械', '液压', '传动科技', '精密机械', '动力设备'],
  '35': ['智能装备', '自动化设备', '装备制造', '环保设备', '医疗器械'],
  '36': ['汽车零部件', '汽车部件', '车辆科技'],
  '37': ['船舶配套', '航空科技', '轨道交通设备'],
  '38': ['电气', '电机', '新能源科技', '电力设备', '电器'],
  '39': ['电子', '微电子', '半导体', '光电科技', '通信技术'],
  '40': ['仪器', '仪表', '测控技术', '传感科技'],
  '41': ['科技'],
  '42': ['资源再生', '环境科技'],
  '43': ['设备维修', '机电工程'],
  '51': ['贸易', '供应链'],
  '64': ['网络科技', '互联网科技'],
  '65': ['软件', '信息技术', '数据科技'],
  '73': ['技术研究院', '研发科技'],
  '74': ['检测技术', '工程技术'],
  '75': ['科技', '科技发展'],
};

/** An enterprise name: place + 字号 + industry word + legal form. */
export function enterpriseName(random: Random, place: string, industryCode: string, isJointStock: boolean): string {
  const first = random.pick(TRADE_NAME_CHARACTERS);
  let second = random.pick(TRADE_NAME_CHARACTERS);
  while (second === first) second = random.pick(TRADE_NAME_CHARACTERS);
  const tradeName = first + second;
  const word = random.pick(INDUSTRY_WORDS[industryCode] ?? ['科技']);
  return `${place}${tradeName}${word}${isJointStock ? '股份有限公司' : '有限公司'}`;
}

/** The short place name used in enterprise names: 南京市 → 南京, 昆山市 → 昆山, 沭阳县 → 沭阳. */
export function shortPlaceName(name: string): string {
  return name.length > 2 ? name.replace(/(市|县|区)$/, '') : name;
}

// Mobile prefixes of the three carriers.
const MOBILE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '157',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** An 11-digit mobile number. */
export function mobileNumber(random: Random): string {
  return random.pick(MOBILE_PREFIXES) + String(random.int(0, 99_999_999)).padStart(8, '0');
}

/** Schools by the degrees they award: vocational colleges for 专科, universities for the rest. */
export const SCHOOLS = {
  associate: [
    '南京工业职业技术大学',
    '无锡职业技术学院',
    '常州信息职业技术学院',
    '苏州工业职业技术学院',
    '江苏食品药品职业技术学院',
    '南京信息职业技术学院',
    '江苏海事职业技术学院',
    '徐州工业职业技术学院',
    '南通职业大学',
    '扬州市职业大学',
    '常州机电职业技术学院',
    '苏州市职业大学',
  ],
  bachelor: [
    '南京大学',
    '东南大学',
    '南京航空航天大学',
    '南京理工大学',
    '河海大学',
    '江南大学',
    '江苏大学',
    '苏州大学',
    '南京工业大学',
    '南京邮电大学',
    '扬州大学',
    '中国矿业大学',
    '常州大学',
    '南通大学',
    '江苏科技大学',
    '南京信息工程大学',
    '淮阴工学院',
    '盐城工学院',
    '合肥工业大学',
    '郑州大学',
    '四川大学',
    '山东大学',
  ],
  graduate: [
    '南京大学',
    '东南大学',
    '南京航空航天大学',
    '南京理工大学',
    '河海大学',
    '江南大学',
    '苏州大学',
    '江苏大学',
    '南京工业大学',
    '中国矿业大学',
    '南京邮电大学',
    '浙江大学',
    '上海交通大学',
    '中国科学技术大学',
  ],
} as const;

/** Series of professional titles (职称系列) an SRDI enterprise's staff hold. */
export const TITLE_SERIES: readonly (readonly [string, number])[] = [
  ['工程技术', 70],
  ['经济', 10],
  ['会计', 8],
  ['卫生技术', 2],
  ['实验技术', 4],
  ['翻译', 1],
  ['工艺美术', 1],
  ['统计', 4],
];
