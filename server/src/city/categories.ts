// GB/T 30428.2 part and event classes (a subset a city starts with; admins extend the tree as data).
// Each subclass names the functional department that owns it (`dept`), and flags.
export interface CategorySeed {
  kind: 'part' | 'event';
  code: string;
  name: string;
  nameEn: string;
  dept?: string;
  urgency?: 'normal' | 'urgent' | 'critical';
  auto?: boolean;
  safety?: boolean;
  /** territory handles it first (events) */
  territory?: boolean;
}

export const PART_MAJORS: Array<[string, string, string]> = [
  ['01', '公用设施', 'Public utilities'],
  ['02', '道路交通', 'Roads and traffic'],
  ['03', '市容环境', 'City appearance'],
  ['04', '园林绿化', 'Landscaping'],
  ['05', '房屋土地', 'Buildings and land'],
  ['06', '其他设施', 'Other parts'],
];

export const EVENT_MAJORS: Array<[string, string, string]> = [
  ['01', '市容环境', 'City appearance'],
  ['02', '宣传广告', 'Advertising'],
  ['03', '施工管理', 'Construction'],
  ['04', '突发事件', 'Emergencies'],
  ['05', '街面秩序', 'Street order'],
  ['06', '其他事件', 'Other events'],
];

const p = (
  code: string,
  name: string,
  nameEn: string,
  dept: string,
  extra: Partial<CategorySeed> = {},
): CategorySeed => ({
  kind: 'part',
  code,
  name,
  nameEn,
  dept,
  ...extra,
});
const e = (
  code: string,
  name: string,
  nameEn: string,
  dept: string,
  extra: Partial<CategorySeed> = {},
): CategorySeed => ({
  kind: 'event',
  code,
  name,
  nameEn,
  dept,
  ...extra,
});

const lid = { safety: true, urgency: 'urgent' as const };

export const CATEGORIES: CategorySeed[] = [
  p('0101', '上水井盖', 'Water supply manhole cover', 'water', lid),
  p('0102', '污水井盖', 'Sewage manhole cover', 'drainage', lid),
  p('0103', '雨水井盖', 'Storm-water manhole cover', 'drainage', lid),
  p('0104', '雨水箅子', 'Storm drain grate', 'drainage', lid),
  p('0105', '电力井盖', 'Power manhole cover', 'power', lid),
  p('0106', '路灯井盖', 'Street-light manhole cover', 'lighting', lid),
  p('0107', '电信井盖', 'Telecom manhole cover', 'telecom', lid),
  p('0110', '热力井盖', 'Heating manhole cover', 'heating', lid),
  p('0111', '燃气井盖', 'Gas manhole cover', 'gas', lid),
  p('0113', '消防设施', 'Fire hydrant and facilities', 'fire'),
  p('0114', '不明井盖', 'Unidentified manhole cover', 'municipal', lid),
  p('0116', '电力设施', 'Power facility', 'power'),
  p('0117', '电杆', 'Utility pole', 'power', { safety: true, urgency: 'urgent' }),
  p('0118', '路灯', 'Street light', 'lighting'),
  p('0121', '报刊亭', 'Newsstand', 'cityadmin'),
  p('0126', '健身设施', 'Fitness equipment', 'sports'),
  p('0201', '停车场', 'Car park', 'traffic'),
  p('0203', '公交站亭', 'Bus shelter', 'transport'),
  p('0205', '过街天桥', 'Pedestrian bridge', 'municipal'),
  p('0206', '地下通道', 'Underpass', 'municipal'),
  p('0207', '高架立交桥', 'Flyover', 'municipal'),
  p('0208', '跨河桥', 'River bridge', 'municipal'),
  p('0209', '交通标志牌', 'Traffic sign', 'traffic'),
  p('0211', '交通护栏', 'Traffic barrier', 'traffic'),
  p('0213', '路名牌', 'Street name sign', 'municipal'),
  p('0214', '交通信号灯', 'Traffic signal', 'traffic', { urgency: 'urgent' }),
  p('0301', '公共厕所', 'Public toilet', 'sanitation'),
  p('0304', '垃圾间', 'Refuse room', 'sanitation'),
  p('0305', '垃圾箱', 'Litter bin', 'sanitation', { auto: true }),
  p('0307', '广告牌匾', 'Signboard', 'cityadmin'),
  p('0401', '古树名木', 'Heritage tree', 'greening'),
  p('0402', '行道树', 'Street tree', 'greening'),
  p('0405', '绿地', 'Green space', 'greening'),
  p('0406', '雕塑', 'Sculpture', 'greening'),
  p('0407', '街头座椅', 'Street bench', 'greening'),
  p('0501', '宣传栏', 'Notice board', 'cityadmin'),
  p('0502', '人防工事', 'Civil air-defence works', 'civildefence'),
  e('0101', '新增建筑', 'Illegal new building', 'cityadmin', { territory: true }),
  e('0102', '暴露垃圾', 'Exposed rubbish', 'sanitation', { territory: true, auto: true }),
  e('0103', '积存垃圾渣土', 'Accumulated rubbish and muck', 'sanitation', { territory: true }),
  e('0104', '道路保洁', 'Road cleaning', 'sanitation', { territory: true, auto: true }),
  e('0105', '河道保洁', 'River cleaning', 'water', { territory: false }),
  e('0107', '废弃车辆', 'Abandoned vehicle', 'traffic', { territory: true }),
  e('0111', '道路积水', 'Road ponding', 'drainage', { urgency: 'urgent' }),
  e('0112', '积雪结冰', 'Snow and ice', 'sanitation', { territory: true, urgency: 'urgent' }),
  e('0201', '非法张贴小广告', 'Illegal flyers', 'cityadmin', { territory: true }),
  e('0203', '占道广告牌', 'Sign blocking the road', 'cityadmin', { territory: true }),
  e('0204', '街头散发小广告', 'Handing out flyers', 'cityadmin', { territory: true }),
  e('0301', '施工扰民', 'Construction noise', 'construction'),
  e('0302', '工地扬尘', 'Construction dust', 'construction'),
  e('0304', '道路遗撒', 'Spillage on road', 'cityadmin', { territory: true }),
  e('0307', '施工工地未围挡', 'Site without hoarding', 'construction'),
  e('0401', '路面塌陷', 'Road collapse', 'municipal', { safety: true, urgency: 'critical' }),
  e('0402', '自来水管破裂', 'Burst water main', 'water', { urgency: 'critical' }),
  e('0403', '燃气管道破裂', 'Gas pipe rupture', 'gas', { urgency: 'critical' }),
  e('0404', '下水道堵塞', 'Blocked sewer', 'drainage', { urgency: 'urgent' }),
  e('0411', '火灾', 'Fire', 'fire', { urgency: 'critical' }),
  e('0501', '无照经营游商', 'Unlicensed street vending', 'cityadmin', { territory: true }),
  e('0504', '店外经营', 'Trading outside the shop', 'cityadmin', { territory: true }),
  e('0505', '机动车乱停放', 'Illegal car parking', 'traffic', { territory: false }),
  e('0506', '非机动车乱停放', 'Disorderly bicycle parking', 'cityadmin', { territory: true }),
  e('0507', '乱堆物堆料', 'Materials piled on street', 'cityadmin', { territory: true }),
  e('0508', '商业噪音', 'Commercial noise', 'environment', { territory: true }),
];

/** Functional (competent) departments; territory departments are generated per district and street. */
export const FUNCTIONAL_DEPARTMENTS: Array<{ id: string; name: string; nameEn: string }> = [
  { id: 'water', name: '市自来水公司', nameEn: 'Water Supply Company' },
  { id: 'drainage', name: '市排水管理处', nameEn: 'Drainage Authority' },
  { id: 'power', name: '市供电公司', nameEn: 'Power Supply Company' },
  { id: 'lighting', name: '市路灯管理所', nameEn: 'Street Lighting Office' },
  { id: 'telecom', name: '市通信管理办', nameEn: 'Telecom Office' },
  { id: 'heating', name: '市热力公司', nameEn: 'Heating Company' },
  { id: 'gas', name: '市燃气集团', nameEn: 'Gas Group' },
  { id: 'fire', name: '市消防救援支队', nameEn: 'Fire and Rescue Brigade' },
  { id: 'municipal', name: '市市政设施管理处', nameEn: 'Municipal Facilities Office' },
  { id: 'cityadmin', name: '市城市管理局', nameEn: 'City Administration Bureau' },
  { id: 'sports', name: '市体育局', nameEn: 'Sports Bureau' },
  { id: 'traffic', name: '市公安局交警支队', nameEn: 'Traffic Police' },
  { id: 'transport', name: '市交通运输局', nameEn: 'Transport Bureau' },
  { id: 'sanitation', name: '市环境卫生管理处', nameEn: 'Sanitation Office' },
  { id: 'greening', name: '市园林局', nameEn: 'Landscaping Bureau' },
  { id: 'civildefence', name: '市人防办', nameEn: 'Civil Defence Office' },
  { id: 'construction', name: '市住房和城乡建设局', nameEn: 'Housing and Construction Bureau' },
  { id: 'environment', name: '市生态环境局', nameEn: 'Ecology and Environment Bureau' },
];
