// The video-wall window's camera list: every camera of GET /api/cameras, filtered by name, 20-digit ID
// or district, online first, each with its status; a click puts it on the wall (the first free cell).
// `data-picker-status` on the list: loading | ready | error.
import { useEffect, useMemo, useState } from 'react';
import type { CameraView } from '@contract/city';
import type { ServerText } from '@contract/http';
import { useAppStore } from '../../app/StoreContext';
import { useWindowServices } from '../../app/ServicesContext';
import { localizedText } from '../../i18n/serverText';
import { useT } from '../../i18n/useT';
import { messageOf } from '../../services/api';
import { cameraRef } from '../../services/video';
import { filterCameras } from '../../state/cameraPicker';
import { findDivision, nameIn } from '../../state/reference';
import './picker.css';

type Load =
  | { status: 'loading' }
  | { status: 'ready'; cameras: readonly CameraView[] }
  | { status: 'error'; error: ServerText };

const SHOWN = 200;

export function CameraPicker() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const reference = useAppStore((s) => s.reference);
  const cells = useAppStore((s) => s.video.cells);
  const videoEvent = useAppStore((s) => s.videoEvent);
  const { video } = useWindowServices();
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [reload, setReload] = useState(0);
  const [query, setQuery] = useState('');

  useEffect(() => {
    let cancelled = false;
    setLoad({ status: 'loading' });
    video.list().then(
      (cameras) => !cancelled && setLoad({ status: 'ready', cameras }),
      (error: unknown) => !cancelled && setLoad({ status: 'error', error: messageOf(error) }),
    );
    return () => {
      cancelled = true;
    };
  }, [video, reload]);

  const result = useMemo(() => {
    const names = (code: string | null): string[] => {
      const division = findDivision(reference, code);
      return division ? [division.name, division.nameEn] : [];
    };
    return filterCameras(load.status === 'ready' ? load.cameras : [], query, names, SHOWN);
  }, [load, query, reference]);
  const onWall = new Set(cells.flatMap((c) => (c ? [c.camera.id] : [])));

  return (
    <aside className="picker" aria-label={t('wall.picker')} data-picker-status={load.status}>
      <h2 className="picker-title">{t('wall.picker')}</h2>
      <label className="field picker-filter">
        <span className="field-label">{t('wall.picker.filter')}</span>
        <input
          className="input"
          type="search"
          value={query}
          placeholder={t('wall.picker.placeholder')}
          onChange={(e) => setQuery(e.target.value)}
        />
      </label>
      {load.status === 'loading' && <p className="picker-note">{t('wall.picker.loading')}</p>}
      {load.status === 'error' && (
        <p className="picker-error" role="alert">
          {t('wall.picker.failed', { reason: localizedText(load.error, lang) })}{' '}
          <button type="button" className="btn btn-small btn-ghost" onClick={() => setReload((n) => n + 1)}>
            {t('video.retry')}
          </button>
        </p>
      )}
      {load.status === 'ready' && (
        <p className="picker-note">
          {result.total === 0 ? t('wall.picker.none') : t('wall.picker.count', { total: result.total })}
        </p>
      )}
      <ul className="picker-list">
        {result.items.map((c) => {
          const district = findDivision(reference, c.districtCode);
          const shown = onWall.has(c.id);
          return (
            <li key={c.id} className="picker-camera" data-camera-id={c.id} data-camera-status={c.status}>
              <button
                type="button"
                className="picker-pick"
                aria-label={t('wall.picker.playNamed', { name: c.name })}
                aria-pressed={shown}
                onClick={() => videoEvent({ type: 'play', camera: cameraRef(c) })}
              >
                <span className="picker-name">{c.name}</span>
                <span className="picker-id">{c.id}</span>
                <span className="picker-tags">
                  {district && <span className="picker-district">{nameIn(district, lang)}</span>}
                  <span className="picker-status" data-status={c.status}>
                    {c.status === 'online'
                      ? t('wall.picker.online')
                      : c.status === 'fault'
                        ? t('video.fault')
                        : t('video.offline')}
                  </span>
                  {shown && <span className="picker-onwall">{t('wall.picker.onWall')}</span>}
                </span>
              </button>
            </li>
          );
        })}
      </ul>
      {result.total > result.items.length && (
        <p className="picker-note">{t('wall.picker.more', { shown: result.items.length })}</p>
      )}
    </aside>
  );
}
