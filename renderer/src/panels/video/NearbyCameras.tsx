// Cameras near a place (a case, an alarm): nearest first, with the distance, whether the place is in
// the camera's field of view and whether it is offline; each plays on the video wall, or all at once.
// Used in the case drawer and the alarm drawer: keep the props plain. With a video-wall window linked,
// the cameras play there (usePlayCameras).
import { useEffect, useState } from 'react';
import { CAMERA_OWNERS } from '@contract/city';
import type { ServerText } from '@contract/http';
import { useAppStore } from '../../app/StoreContext';
import { useServices } from '../../app/ServicesContext';
import type { MessageKey } from '../../i18n/messages';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import { cameraRef, type NearbyCamera } from '../../services/video';
import { messageOf } from '../../services/api';
import { MAX_CELLS } from '../../state/video';
import { distinctNames, NEARBY_SHOWN } from './cameraNames';
import { usePlayCameras } from './usePlayCameras';
import './nearby.css';

export interface NearbyCamerasProps {
  lon: number;
  lat: number;
  /** metres; 300 unless told */
  radius?: number;
  /** the heading and the region's accessible name; 周边视频 unless told */
  title?: string;
}

type Load =
  | { status: 'loading' }
  | { status: 'ready'; cameras: NearbyCamera[] }
  | { status: 'error'; error: ServerText };

const OWNERS: readonly string[] = CAMERA_OWNERS;

export function NearbyCameras({ lon, lat, radius = 300, title }: NearbyCamerasProps) {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const playCameras = usePlayCameras();
  const { video } = useServices();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [all, setAll] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    video.near(lon, lat, radius).then(
      (cameras) => !cancelled && setLoad({ status: 'ready', cameras }),
      (error: unknown) => !cancelled && setLoad({ status: 'error', error: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [video, lon, lat, radius, reload]);

  const heading = title ?? t('video.nearby');
  const cameras = load.status === 'ready' ? load.cameras : [];
  const playable = cameras.filter((c) => c.status === 'online').slice(0, MAX_CELLS);
  const names = distinctNames(cameras);
  const shown = all ? cameras : cameras.slice(0, NEARBY_SHOWN);

  return (
    <section
      className="nearby-cameras"
      aria-label={heading}
      data-nearby-status={load.status}
      data-nearby-count={cameras.length}
    >
      <div className="nearby-head">
        <h3 className="section-title">{heading}</h3>
        {load.status === 'ready' && cameras.length > 0 && (
          <button
            type="button"
            className="btn btn-small"
            disabled={playable.length === 0}
            onClick={() => playCameras(playable.map(cameraRef))}
          >
            {t('video.playAll')}
          </button>
        )}
      </div>
      {load.status === 'loading' && <p className="nearby-empty">{t('video.nearbyLoading')}</p>}
      {load.status === 'error' && (
        <p className="nearby-error" role="alert">
          {t('video.nearbyFailed', { reason: localizedText(load.error, lang) })}{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setReload((n) => n + 1)}>
            {t('video.retry')}
          </button>
        </p>
      )}
      {load.status === 'ready' && cameras.length === 0 && (
        <p className="nearby-empty">{t('video.nearbyNone', { radius })}</p>
      )}
      {cameras.length > 0 && (
        <ul className="nearby-list">
          {shown.map((c) => (
            <li key={c.id} className="nearby-camera" data-camera-id={c.id} data-camera-status={c.status}>
              <span className="nearby-name" title={c.id}>
                {names.get(c.id) ?? c.name}
              </span>
              {OWNERS.includes(c.owner) && (
                <span className="nearby-owner">{t(`video.owner.${c.owner}` as MessageKey)}</span>
              )}
              <span className="nearby-distance">{t('video.metres', { metres: c.metres })}</span>
              {c.inView && <span className="nearby-tag nearby-inview">{t('video.inView')}</span>}
              {c.status !== 'online' && (
                <span className="nearby-tag nearby-offline">
                  {c.status === 'fault' ? t('video.fault') : t('video.offline')}
                </span>
              )}
              <button
                type="button"
                className="btn btn-small"
                aria-label={t('video.playNamed', { name: names.get(c.id) ?? c.name })}
                onClick={() => playCameras([cameraRef(c)])}
              >
                {t('video.play')}
              </button>
            </li>
          ))}
        </ul>
      )}
      {cameras.length > NEARBY_SHOWN && (
        <button
          type="button"
          className="btn btn-small btn-ghost nearby-more"
          aria-expanded={all}
          onClick={() => setAll((v) => !v)}
        >
          {all ? t('video.nearbyFewer') : t('video.nearbyAll', { count: cameras.length })}
        </button>
      )}
    </section>
  );
}
