// Applies the recovery policy in the browser: the time of the last recovery reload is kept in
// sessionStorage, so the guard survives the reload it causes. When a reload would wipe typed input
// (or the login form shows), the page does not reload: it sets <body data-recovery="offered"> and the
// map slice's `reloadOffered`, and the banner (RecoveryBanner) offers the reload to the person.
import type { AppStore } from '../state/store';
import { holdsTypedText, recoveryAction } from './recovery';

const RELOAD_KEY = 'cityOps.recoveryReloadAt';

/** Whether any text field on the page holds typed input. */
export function pageHoldsInput(root: ParentNode = document): boolean {
  for (const field of root.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>('input, textarea'))
    if (holdsTypedText(field)) return true;
  return false;
}

/** Reloads the page if the policy says so; returns whether it did. */
export function reloadIfStuck(store: AppStore, reconnected: boolean): boolean {
  const state = store.getState();
  const now = Date.now();
  let lastReloadAt: number | null = null;
  try {
    const stored = Number(window.sessionStorage.getItem(RELOAD_KEY));
    lastReloadAt = Number.isFinite(stored) && stored > 0 ? stored : null;
  } catch {
    // Storage unavailable: no guard to read, so do not risk a loop.
    return false;
  }
  const action = recoveryAction({
    mapStatus: state.map.status,
    reconnected,
    now,
    lastReloadAt,
    signedIn: state.session.status === 'signedIn',
    holdsInput: pageHoldsInput(),
  });
  if (action === 'offer') state.mapEvent({ type: 'reloadOffered' });
  if (action !== 'reload') return false;
  try {
    window.sessionStorage.setItem(RELOAD_KEY, String(now));
  } catch {
    return false;
  }
  window.location.reload();
  return true;
}
