// Emergency command (应急指挥), pure: lifecycle table, units, run cards, recommendation, segments.
export * from './lifecycle';
export * from './units';
export * from './runcards';
export * from './graph';
export * from './recommend';
export * from './segments';
