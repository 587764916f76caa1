// Possible duplicates of a new report: same category, within 50 m and 24 h (either side).
// Pure: the db layer preselects candidates (e.g. by bboxAround and reportedAt) and passes them in.
import { distanceMeters } from './geo';

export { distanceMeters } from './geo';

export interface DuplicateCandidate {
  id: string;
  categoryId: string;
  lon: number;
  lat: number;
  reportedAt: Date;
  /** voided and merged cases are never duplicates of anything */
  state?: string;
  mergedIntoId?: string | null;
}

export interface DuplicateSubject {
  id?: string;
  categoryId: string;
  lon: number;
  lat: number;
  reportedAt: Date;
}

export interface DuplicateOptions {
  radiusMeters?: number;
  windowMinutes?: number;
}

export interface DuplicateMatch {
  id: string;
  distanceMeters: number;
  minutesApart: number;
}

export const DUPLICATE_RADIUS_METERS = 50;
export const DUPLICATE_WINDOW_MINUTES = 24 * 60;

/** Candidates that may report the same problem, nearest first (ties: closest in time). */
export function findPossibleDuplicates(
  subject: DuplicateSubject,
  candidates: readonly DuplicateCandidate[],
  options: DuplicateOptions = {},
): DuplicateMatch[] {
  const radius = options.radiusMeters ?? DUPLICATE_RADIUS_METERS;
  const window = options.windowMinutes ?? DUPLICATE_WINDOW_MINUTES;
  const matches: DuplicateMatch[] = [];
  for (const c of candidates) {
    if (c.id === subject.id || c.categoryId !== subject.categoryId) continue;
    if (c.state === 'voided' || c.mergedIntoId) continue;
    const minutesApart = Math.abs(c.reportedAt.getTime() - subject.reportedAt.getTime()) / 60_000;
    if (minutesApart > window) continue;
    const meters = distanceMeters([subject.lon, subject.lat], [c.lon, c.lat]);
    if (meters > radius) continue;
    matches.push({ id: c.id, distanceMeters: Math.round(meters * 10) / 10, minutesApart });
  }
  return matches.sort((a, b) => a.distanceMeters - b.distanceMeters || a.minutesApart - b.minutesApart);
}
