// Self-healing policy for an unattended wall (pure; reloadIfStuck.ts applies it). In a browser
// the page, Cesium's workers and its assets all come from the server; if the server goes away
// while the globe is loading, Cesium is left half initialised and never recovers. When the link
// comes back and the map is still not ready, the page reloads itself, at most once per
// RELOAD_GUARD_MS so a real fault cannot cause a loop.
//
// A reload wipes what people typed. So the page reloads by itself only when someone is signed in and
// no form holds input; otherwise it offers the reload (a banner that says why) and waits for the person.
import type { MapStatus } from '../state/map';

export const RELOAD_GUARD_MS = 5 * 60_000;

export interface RecoveryInput {
  mapStatus: MapStatus;
  /** True when this connection follows a lost one (not the first connection of the page). */
  reconnected: boolean;
  now: number;
  lastReloadAt: number | null;
}

export interface RecoveryContext extends RecoveryInput {
  /** someone is signed in on this page (the login form is not showing) */
  signedIn: boolean;
  /** a text field on the page holds input the person typed */
  holdsInput: boolean;
}

/** 'reload': reload now; 'offer': a reload would help but would lose input, so ask; 'none'. */
export type RecoveryAction = 'none' | 'reload' | 'offer';

export function shouldReloadForRecovery(input: RecoveryInput): boolean {
  if (!input.reconnected || input.mapStatus === 'ready' || input.mapStatus === 'off') return false;
  return input.lastReloadAt === null || input.now - input.lastReloadAt >= RELOAD_GUARD_MS;
}

export function recoveryAction(input: RecoveryContext): RecoveryAction {
  if (!input.reconnected || input.mapStatus === 'ready' || input.mapStatus === 'off') return 'none';
  // Never on the login form or over typed text: the person decides when.
  if (!input.signedIn || input.holdsInput) return 'offer';
  return shouldReloadForRecovery(input) ? 'reload' : 'none';
}

/** Input types whose value a person did not type (or that a reload cannot lose). */
const UNTYPED = new Set([
  'hidden',
  'checkbox',
  'radio',
  'submit',
  'button',
  'reset',
  'range',
  'color',
  'file',
]);

export interface FieldLike {
  tagName: string;
  type?: string;
  value?: string;
  readOnly?: boolean;
  disabled?: boolean;
}

/**
 * Whether a text field holds text. A prefilled field counts too: React keeps the value attribute in step
 * with a controlled input, so typed and prefilled text cannot be told apart, and asking is harmless.
 */
export function holdsTypedText(field: FieldLike): boolean {
  if (field.disabled || field.readOnly) return false;
  const tag = field.tagName.toLowerCase();
  if (tag !== 'input' && tag !== 'textarea') return false;
  if (tag === 'input' && UNTYPED.has((field.type ?? 'text').toLowerCase())) return false;
  const value = field.value ?? '';
  return value.trim() !== '';
}
