// React host for the Cesium viewer: owns two DOM nodes and hands them to the engine. Cesium is
// imported on demand; city changes reach the engine through a store subscription, not re-renders.
import { useEffect, useRef } from 'react';
import { useAppStore, useStoreApi } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import type { MessageKey } from '../../i18n/messages';
import type { MapError } from '../../state/map';
import type { MapHandle } from './viewer';

const ERROR_MESSAGES: Record<MapError['code'], MessageKey> = {
  webgl: 'map.noWebgl',
  imagery: 'map.imageryFailed',
  engine: 'map.failed',
};

export function MapView() {
  const store = useStoreApi();
  const containerRef = useRef<HTMLDivElement>(null);
  const creditRef = useRef<HTMLDivElement>(null);
  const status = useAppStore((s) => s.map.status);
  const error = useAppStore((s) => s.map.error);
  const t = useT();

  useEffect(() => {
    const { mapEvent } = store.getState();
    let cancelled = false;
    let handle: MapHandle | undefined;
    let unsubscribe = () => {};
    import('./viewer').then(
      ({ createMapViewer }) => {
        const container = containerRef.current;
        const credits = creditRef.current;
        if (cancelled || !container || !credits) return;
        handle = createMapViewer(container, credits, store.getState().city.config, {
          onReady: () => mapEvent({ type: 'ready' }),
          onError: (mapError) => mapEvent({ type: 'failed', error: mapError }),
        });
        unsubscribe = store.subscribe((state, previous) => {
          if (state.city.config !== previous.city.config) handle?.setCity(state.city.config);
        });
      },
      (importError: unknown) =>
        mapEvent({ type: 'failed', error: { code: 'engine', detail: String(importError) } }),
    );
    return () => {
      cancelled = true;
      unsubscribe();
      handle?.destroy();
    };
  }, [store]);

  return (
    <div className="map">
      <div className="map-canvas" ref={containerRef} />
      <div className="map-credits" ref={creditRef} aria-label={t('map.credits')} />
      {status === 'loading' && <div className="map-notice">{t('map.loading')}</div>}
      {status === 'error' && error && (
        <div className="map-notice map-notice-error" role="alert">
          {t(ERROR_MESSAGES[error.code], { reason: error.detail })}
        </div>
      )}
    </div>
  );
}
