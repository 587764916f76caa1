// What the tracks view loads: the city's teams and vehicles (GET /api/vehicles, checked with a schema)
// with the teams' names in both languages, and the tracks of one team for one day (or of every vehicle
// for the last hour). Plain functions: tests run them without a browser.
import { z } from 'zod';
import { TeamKind, VehicleView } from '@contract/city';
import { PlaybackTracks } from '@contract/playback';
import type { Lang } from '../../state/ui';
import { dayWindow, tripsOf, type Trip } from '../../map/deck/tracks';
import type { Get } from './get';

export const TeamView = z.object({
  id: z.string(),
  /** the team's Chinese name, e.g. 环卫作业三队 */
  name: z.string(),
  kind: TeamKind,
  departmentId: z.string(),
});
export type TeamView = z.infer<typeof TeamView>;

export const Fleet = z.object({ vehicles: z.array(VehicleView), teams: z.array(TeamView) });
export type Fleet = z.infer<typeof Fleet>;

const KIND_EN: Record<TeamKind, string> = {
  sanitation: 'Sanitation',
  enforcement: 'Enforcement',
  repair: 'Repair',
  emergency: 'Emergency',
};

/**
 * A team's name in the language. Teams carry a Chinese name only; in English: the department's English
 * name, the kind and the team's number (the last number of its id), e.g. "Water Supply · Repair team 2".
 */
export function teamName(team: TeamView, lang: Lang, departmentEn?: string): string {
  if (lang === 'zh') return team.name;
  const n = /(\d+)$/.exec(team.id)?.[1];
  const label = `${KIND_EN[team.kind]} team${n ? ` ${n}` : ''}`;
  return departmentEn ? `${departmentEn} · ${label}` : label;
}

/** The tracks shown: every vehicle over the last hour, or one team's over one local day. */
export type TracksChoice = { team: ''; day?: undefined } | { team: string; day: string };

export interface TracksLoaded {
  team: string;
  fromMs: number;
  periodS: number;
  trips: Trip[];
  /** vehicles with a trip */
  vehicles: number;
  /** the server answered only the first part of the period */
  truncated: boolean;
  /** days of GPS history the server keeps */
  keptDays: number;
}

const HOUR_MS = 3_600_000;

/** The query of a choice at `nowMs`; null for a day with nothing to show yet (a future day). */
export function tracksQuery(choice: TracksChoice, nowMs: number) {
  const window = choice.team
    ? dayWindow(choice.day ?? '', nowMs)
    : { fromMs: nowMs - HOUR_MS, toMs: nowMs, periodS: HOUR_MS / 1000 };
  if (!window) return null;
  const params = new URLSearchParams({
    from: new Date(window.fromMs).toISOString(),
    to: new Date(window.toMs).toISOString(),
  });
  if (choice.team) params.set('team', choice.team);
  return { ...window, path: `/playback/tracks?${params.toString()}` };
}

export async function loadTracks(
  get: Get,
  choice: TracksChoice,
  nowMs: number,
  centre: { lon: number; lat: number },
): Promise<TracksLoaded> {
  const q = tracksQuery(choice, nowMs);
  if (!q) throw new Error(`no tracks for ${choice.day ?? ''}`);
  const [tracks, fleet] = await Promise.all([get(q.path, PlaybackTracks), get('/vehicles', Fleet)]);
  const kinds = new Map(fleet.vehicles.map((v) => [v.id, v.kind]));
  const trips = tripsOf(tracks.fixes, kinds, centre, q.fromMs);
  return {
    team: choice.team,
    fromMs: q.fromMs,
    periodS: q.periodS,
    trips,
    vehicles: new Set(trips.map((trip) => trip.vehicleId)).size,
    truncated: tracks.truncated,
    keptDays: tracks.keptDays ?? 7,
  };
}
