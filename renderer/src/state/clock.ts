// Clock slice: the wall clock shown in the header, corrected by the measured server offset.

export interface ClockState {
  /** Local client time of the last tick, ms since the epoch. */
  now: number;
  /** serverTime - clientTime in ms; 0 until the server has been heard. */
  offsetMs: number;
  /** True once a client:ping round trip measured the offset (server:time alone gives a rough one). */
  offsetMeasured: boolean;
}

export type ClockEvent =
  { type: 'tick'; now: number } | { type: 'offset'; offsetMs: number; source: 'ping' | 'serverTime' };

export function initialClock(now: number): ClockState {
  return { now, offsetMs: 0, offsetMeasured: false };
}

export function reduceClock(state: ClockState, event: ClockEvent): ClockState {
  switch (event.type) {
    case 'tick':
      return event.now === state.now ? state : { ...state, now: event.now };
    case 'offset':
      if (!Number.isFinite(event.offsetMs)) return state;
      // A rough estimate never replaces a measured one.
      if (event.source === 'serverTime' && state.offsetMeasured) return state;
      return { ...state, offsetMs: Math.round(event.offsetMs), offsetMeasured: event.source === 'ping' };
  }
}

/** Best estimate of the server's time: what the wall shows. */
export function serverNow(state: ClockState): number {
  return state.now + state.offsetMs;
}

/**
 * Offset from one ping: the server answered at serverAt, half-way through the round trip
 * (NTP's assumption of a symmetric path).
 */
export function offsetFromPing(sentAt: number, serverAt: number, receivedAt: number): number {
  return serverAt - (sentAt + (receivedAt - sentAt) / 2);
}
