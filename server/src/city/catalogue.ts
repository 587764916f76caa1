// The sensor families of DOMAIN.md with their units, normal ranges (used by the simulator), default
// alarm thresholds per level (seeded as SensorThreshold rows, editable data) and the case category a
// confirmed alarm becomes. Levels on screen: 1 一级/红 critical, 2 二级/橙 major, 3 三级/黄 minor,
// 4 四级/蓝 notice. Gas follows GB/T 50493-2019: its lower alarm (25 %LEL, the standard's 一级报警)
// is shown as 二级/橙 major and its upper alarm (50 %LEL) as 一级/红 critical (docs/adr/0005).
import type { SensorType } from '@contract/alarms';

export interface ThresholdSeed {
  level: 1 | 2 | 3 | 4;
  direction: 'above' | 'below';
  value: number;
  clearMargin: number;
  debounce: number;
}

export interface SensorFamily {
  type: SensorType;
  prefix: string;
  name: string;
  nameEn: string;
  unit: string;
  /** normal operating range: the simulator draws readings from it */
  normal: [number, number];
  /** how far an anomaly drifts (the simulator's peak) */
  anomalyPeak: number;
  thresholds: ThresholdSeed[];
  /** category of the case a confirmed alarm becomes (a linked part's own category wins for parts) */
  categoryId: string;
  departmentId: string;
  count: number;
}

const t = (
  level: 1 | 2 | 3 | 4,
  direction: 'above' | 'below',
  value: number,
  clearMargin: number,
  debounce = 2,
) => ({
  level,
  direction,
  value,
  clearMargin,
  debounce,
});

export const SENSOR_FAMILIES: SensorFamily[] = [
  {
    type: 'gas',
    prefix: 'GAS',
    name: '燃气浓度监测',
    nameEn: 'Combustible gas',
    unit: '%LEL',
    normal: [0, 3],
    anomalyPeak: 62,
    thresholds: [t(2, 'above', 25, 5), t(1, 'above', 50, 5)],
    categoryId: 'event-0403',
    departmentId: 'gas',
    count: 1200,
  },
  {
    type: 'water_pressure',
    prefix: 'WPR',
    name: '供水管网压力',
    nameEn: 'Water supply pressure',
    unit: 'MPa',
    normal: [0.25, 0.4],
    anomalyPeak: 0.06,
    thresholds: [t(3, 'below', 0.16, 0.02, 3), t(2, 'below', 0.1, 0.02, 3), t(2, 'above', 0.7, 0.03, 3)],
    categoryId: 'event-0402',
    departmentId: 'water',
    count: 500,
  },
  {
    type: 'drainage_level',
    prefix: 'DRN',
    name: '排水管网液位',
    nameEn: 'Drainage water level',
    unit: '%',
    normal: [20, 55],
    anomalyPeak: 118,
    thresholds: [t(3, 'above', 80, 5), t(2, 'above', 95, 5), t(1, 'above', 110, 5)],
    categoryId: 'event-0111',
    departmentId: 'drainage',
    count: 600,
  },
  {
    type: 'heating_temp',
    prefix: 'HTG',
    name: '供热管网温度',
    nameEn: 'Heating supply temperature',
    unit: '°C',
    normal: [70, 92],
    anomalyPeak: 35,
    thresholds: [t(3, 'below', 50, 3, 3), t(2, 'below', 40, 3, 3), t(2, 'above', 130, 3, 3)],
    categoryId: 'part-0110',
    departmentId: 'heating',
    count: 400,
  },
  {
    type: 'bridge_strain',
    prefix: 'BST',
    name: '桥梁应变',
    nameEn: 'Bridge strain',
    unit: 'με',
    normal: [50, 180],
    anomalyPeak: 680,
    thresholds: [t(3, 'above', 300, 20, 3), t(2, 'above', 450, 20, 3), t(1, 'above', 600, 20, 3)],
    categoryId: 'part-0208',
    departmentId: 'municipal',
    count: 150,
  },
  {
    type: 'bridge_tilt',
    prefix: 'BTL',
    name: '桥梁倾角',
    nameEn: 'Bridge tilt',
    unit: '°',
    normal: [0, 0.1],
    anomalyPeak: 1.2,
    thresholds: [t(3, 'above', 0.3, 0.05, 3), t(2, 'above', 0.6, 0.05, 3), t(1, 'above', 1, 0.05, 3)],
    categoryId: 'part-0208',
    departmentId: 'municipal',
    count: 100,
  },
  {
    type: 'manhole_cover',
    prefix: 'MHC',
    name: '智能井盖',
    nameEn: 'Smart manhole cover',
    unit: '°',
    normal: [0, 2],
    anomalyPeak: 70,
    thresholds: [t(3, 'above', 8, 2, 1), t(2, 'above', 20, 2, 1)],
    categoryId: 'part-0114',
    departmentId: 'municipal',
    count: 1200,
  },
  {
    type: 'street_light',
    prefix: 'SLT',
    name: '路灯监控',
    nameEn: 'Street light',
    unit: '',
    normal: [0, 0],
    anomalyPeak: 1,
    thresholds: [t(4, 'above', 0.5, 0.5)],
    categoryId: 'part-0118',
    departmentId: 'lighting',
    count: 700,
  },
  {
    type: 'septic_gas',
    prefix: 'SPT',
    name: '化粪池可燃气体',
    nameEn: 'Septic tank gas',
    unit: '%LEL',
    normal: [0, 6],
    anomalyPeak: 58,
    thresholds: [t(3, 'above', 10, 3), t(2, 'above', 25, 5), t(1, 'above', 50, 5)],
    categoryId: 'event-0403',
    departmentId: 'sanitation',
    count: 150,
  },
];

export const FAMILY_BY_TYPE = new Map(SENSOR_FAMILIES.map((f) => [f.type, f]));

export function thresholdRows() {
  return SENSOR_FAMILIES.flatMap((f) =>
    f.thresholds.map((th) => ({
      id: `${f.type}:${th.level}:${th.direction}`,
      sensorType: f.type,
      level: th.level,
      direction: th.direction,
      value: th.value,
      clearMargin: th.clearMargin,
      debounce: th.debounce,
      unit: f.unit,
    })),
  );
}
