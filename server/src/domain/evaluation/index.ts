// 综合评价: rates, role rates, the composite score with its settings, grades, rankings and periods.
export * from './rates';
export * from './score';
export * from './period';
export * from './facts';
