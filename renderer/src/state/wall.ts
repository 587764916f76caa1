// Wall window slice: which role this window plays on the command hall's wall (one window per display,
// Electron's `?wall=<role>`), whether a video-wall window is linked to this map wall, the last batch of
// cameras sent there (the note shown on the map wall), and where a wall window's session came from.

export const WALL_ROLES = ['map-wall', 'video-wall', 'briefing'] as const;
export type WallRole = (typeof WALL_ROLES)[number];

export function isWallRole(value: unknown): value is WallRole {
  return typeof value === 'string' && (WALL_ROLES as readonly string[]).includes(value);
}

/**
 * own: signed in here (form or sessionStorage); borrowed: handed over by a signed-in window of the
 * same origin; asking: waiting for such a window to answer; none: nobody answered (the login form).
 */
export type WallSessionSource = 'own' | 'borrowed' | 'asking' | 'none';

export interface WallState {
  role: WallRole;
  /** map wall: a video-wall window announced itself in the last few seconds */
  videoWall: boolean;
  /** map wall: the last cameras the video wall confirmed; `seq` grows so the same count shows again */
  sent: { count: number; seq: number } | null;
  session: WallSessionSource;
}

export type WallEvent =
  | { type: 'videoWall'; present: boolean }
  | { type: 'sent'; count: number }
  | { type: 'session'; source: WallSessionSource };

export function initialWall(role: WallRole = 'map-wall'): WallState {
  return { role, videoWall: false, sent: null, session: 'none' };
}

export function reduceWall(state: WallState, event: WallEvent): WallState {
  switch (event.type) {
    case 'videoWall':
      return state.videoWall === event.present ? state : { ...state, videoWall: event.present };
    case 'sent': {
      if (!Number.isInteger(event.count) || event.count <= 0) return state;
      return { ...state, sent: { count: event.count, seq: (state.sent?.seq ?? 0) + 1 } };
    }
    case 'session':
      return state.session === event.source ? state : { ...state, session: event.source };
  }
}
