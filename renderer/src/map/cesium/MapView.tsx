// React host for the Cesium viewer: owns two DOM nodes and hands them to the engine. Cesium is
// imported on demand; the city and fly-to requests reach the engine through store
// subscriptions (zustand transient updates), not re-renders.
import { useEffect, useRef } from 'react';
import { MapControls } from '../../panels/MapLegend';
import { useAppStore, useStoreApi } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/messages';
import type { MapError } from '../../state/map';
import { prefetchDivisions } from '../layers/shapeData';
import type { AppState } from '../../state/store';
import { engineMayStart } from './engineGate';
import type { MapHandle } from './viewer';

const ERROR_MESSAGES: Record<MapError['code'], MessageKey> = {
  webgl: 'map.noWebgl',
  imagery: 'map.imageryFailed',
  engine: 'map.failed',
};

/**
 * The horizontal span of the map that panels leave free, in px: panels mark themselves with
 * data-map-cover; those in the left half narrow it from the left, the others from the right.
 */
function freeSpan(): { left: number; right: number } {
  const width = window.innerWidth;
  let left = 0;
  let right = width;
  for (const element of document.querySelectorAll<HTMLElement>('[data-map-cover]')) {
    const box = element.getBoundingClientRect();
    if (box.width === 0) continue;
    if (box.left + box.width / 2 < width / 2) left = Math.max(left, box.right);
    else right = Math.min(right, box.left);
  }
  return right - left < width * 0.2 ? { left: 0, right: width } : { left, right };
}

export function MapView() {
  const store = useStoreApi();
  const { api, auth, origin, transient, picture } = useServices();
  const containerRef = useRef<HTMLDivElement>(null);
  const creditRef = useRef<HTMLDivElement>(null);
  const handleRef = useRef<MapHandle | null>(null);
  const signedIn = useAppStore((s) => s.session.status === 'signedIn');
  const firstFrame = useAppStore((s) => s.map.firstFrame);
  const status = useAppStore((s) => s.map.status);
  const error = useAppStore((s) => s.map.error);
  const t = useT();

  useEffect(() => {
    const { mapEvent } = store.getState();
    let cancelled = false;
    let handle: MapHandle | undefined;
    let unsubscribe = () => {};
    let unmountLayers = () => {};
    // While the engine loads (seconds on a software GPU), the division outlines are fetched already, so the
    // layer draws them as soon as the viewer is up instead of asking then and waiting a frame or two.
    const prefetch = (state: AppState) => {
      if (state.session.status === 'signedIn' && state.layers.on.divisions)
        prefetchDivisions(api, auth.token());
    };
    prefetch(store.getState());
    let stopPrefetch: (() => void) | undefined = store.subscribe((state, previous) => {
      if (state.session !== previous.session) prefetch(state);
    });
    engineMayStart(store)
      .then(() => Promise.all([import('./viewer'), import('../layers/mount')]))
      .then(
        ([{ createMapViewer }, { mountLayers }]) => {
          stopPrefetch?.();
          stopPrefetch = undefined;
          const container = containerRef.current;
          const credits = creditRef.current;
          if (cancelled || !container || !credits) return;
          const map = createMapViewer(container, credits, store.getState().city.config, {
            onFirstFrame: () => mapEvent({ type: 'firstFrame' }),
            onReady: () => mapEvent({ type: 'ready' }),
            onError: (mapError) => mapEvent({ type: 'failed', error: mapError }),
            onFocused: (id) => mapEvent({ type: 'focused', id }),
          });
          handle = map;
          handleRef.current = map;
          if (map.viewer)
            unmountLayers = mountLayers(map.viewer, store, {
              origin,
              api,
              token: () => auth.token(),
              live: picture.feed(transient),
              cases: picture,
              onTopic: picture.onTopic,
              picture,
            });
          unsubscribe = store.subscribe((state, previous) => {
            if (state.city.config !== previous.city.config) map.setCity(state.city.config);
            if (state.session.user?.userId !== previous.session.user?.userId) map.home();
            const focus = state.ui.focus;
            // After the next paint, so a drawer opened with the same click counts as covering the map.
            if (focus && focus !== previous.ui.focus)
              window.requestAnimationFrame(() => map.flyTo(focus, freeSpan()));
          });
        },
        (importError: unknown) =>
          mapEvent({ type: 'failed', error: { code: 'engine', detail: String(importError) } }),
      );
    return () => {
      cancelled = true;
      stopPrefetch?.();
      unsubscribe();
      unmountLayers();
      handle?.destroy();
      handleRef.current = null;
    };
  }, [store, api, auth, origin, transient, picture]);

  return (
    <div className="map">
      <div className="map-canvas" ref={containerRef} />
      <div className="map-credits" ref={creditRef} aria-label={t('map.credits')} />
      {signedIn && firstFrame && (
        <MapControls
          onNorthUp={() => handleRef.current?.northUp()}
          onToggleTop={() => handleRef.current?.toggleTop() ?? 'oblique'}
        />
      )}
      {status === 'loading' && <div className="map-notice">{t('map.loading')}</div>}
      {status === 'error' && error && (
        <div className="map-notice map-notice-error" role="alert">
          {t(ERROR_MESSAGES[error.code], { reason: error.detail })}
        </div>
      )}
    </div>
  );
}
