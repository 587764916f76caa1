// What the briefing loads over REST (the evaluation tables, trends and hot spots), reloaded every few
// minutes: these are monthly figures. The live counters come from the stream instead (LiveCounters).
import { useEffect, useState } from 'react';
import { EvaluationHotspots, EvaluationReport, EvaluationTrend, type TrendPoint } from '@contract/evaluation';
import { useWindowServices } from '../../app/ServicesContext';
import { createTimers } from '../../app/timers';
import type { Get } from './get';

export type { Get } from './get';

export type Hotspots = EvaluationHotspots;

export interface BriefingData {
  departments: EvaluationReport;
  districts: EvaluationReport;
  days: TrendPoint[];
  months: TrendPoint[];
  hotspots: Hotspots;
  /** reports per channel today, at load */
  today: Record<string, number>;
  loadedAt: number;
}

export type Loaded<T> =
  { status: 'loading' } | { status: 'error'; reason: string } | { status: 'ready'; data: T };

const RELOAD_MS = 5 * 60_000;

/** Loads a set of endpoints together, again every RELOAD_MS and whenever `key` changes. */
export function useLoaded<T>(key: string, load: (get: Get) => Promise<T>): Loaded<T> {
  const { api } = useWindowServices();
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    // Through the one REST client (timeout, 401 ends the session, answers checked by their schema).
    const get: Get = (path, schema) => api.get(path, schema);
    const run = () => {
      load(get).then(
        (data) => !cancelled && setState({ status: 'ready', data }),
        (error: unknown) =>
          !cancelled &&
          setState((s) =>
            s.status === 'ready'
              ? s
              : { status: 'error', reason: error instanceof Error ? error.message : String(error) },
          ),
      );
    };
    setState({ status: 'loading' });
    run();
    const timers = createTimers();
    timers.every(RELOAD_MS, run);
    return () => {
      cancelled = true;
      timers.dispose();
    };
    // `load` is rebuilt each render; `key` names what it loads, so it is left out of the dependencies
  }, [api, key]);
  return state;
}

export function loadBriefing(month: string, categoryId: string) {
  return async (get: Get): Promise<BriefingData> => {
    const date = `${month}-15`;
    const category = categoryId ? `&categoryId=${encodeURIComponent(categoryId)}` : '';
    const [departments, districts, days, months, hotspots, today] = await Promise.all([
      get(`/evaluation?by=department&period=month&date=${date}`, EvaluationReport),
      get(`/evaluation?by=district&period=month&date=${date}`, EvaluationReport),
      get('/evaluation/trend?span=days', EvaluationTrend),
      get('/evaluation/trend?span=months', EvaluationTrend),
      get(`/evaluation/hotspots?period=month&date=${date}${category}`, EvaluationHotspots),
      get('/evaluation?by=source&period=day', EvaluationReport),
    ]);
    return {
      departments,
      districts,
      days: days.points,
      months: months.points,
      hotspots,
      today: Object.fromEntries(today.rows.map((r) => [r.key, r.counts.reports ?? 0])),
      loadedAt: Date.now(),
    };
  };
}

/** This month and the eleven before, newest first (YYYY-MM, local). */
export function recentMonths(now: Date, count = 12): string[] {
  const local = new Date(now.getTime() + 8 * 3_600_000);
  return Array.from({ length: count }, (_, i) =>
    new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - i, 1)).toISOString().slice(0, 7),
  );
}
