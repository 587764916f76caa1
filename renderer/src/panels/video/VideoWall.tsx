// The video wall: a floating window over the map with one large panel or a 2x2 / 3x3 / 4x4 grid of
// cameras. Reads the video slice; layout buttons, per-cell remove and close are events on it. Cells
// are keyed by camera, so changing the layout moves players without restarting their streams.
// `variant="window"` is the video-wall window's wall: always shown, filling its space, no close.
import { useState, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { columnsOf, WALL_LAYOUTS } from '../../state/video';
import { VideoPlayer } from './VideoPlayer';
import './video.css';

export function VideoWall({ variant = 'overlay' }: { variant?: 'overlay' | 'window' }) {
  const t = useT();
  const overlay = variant === 'overlay';
  const { open, layout, cells } = useAppStore(
    useShallow((s) => ({ open: s.video.open, layout: s.video.layout, cells: s.video.cells })),
  );
  const videoEvent = useAppStore((s) => s.videoEvent);
  const [large, setLarge] = useState(false);
  if (!open && overlay) return null;

  const close = () => videoEvent({ type: 'close' });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && overlay) close();
  };
  const playing = cells.filter(Boolean).length;

  return (
    <section
      className={!overlay ? 'video-wall-window' : large ? 'video-wall video-wall-large' : 'video-wall'}
      role={overlay ? 'dialog' : 'region'}
      aria-label={t('video.wall')}
      data-video-layout={layout}
      data-map-cover={overlay ? '' : undefined}
      onKeyDown={onKeyDown}
    >
      <header className="video-wall-head">
        <h2 className="video-wall-title">{t('video.wall')}</h2>
        <span className="video-wall-count">{t('video.count', { count: playing, total: layout })}</span>
        <div className="video-layouts" role="group" aria-label={t('video.layout')}>
          {WALL_LAYOUTS.map((n) => (
            <button
              key={n}
              type="button"
              className="btn btn-small btn-ghost"
              aria-pressed={n === layout}
              aria-label={t('video.layoutN', { n })}
              onClick={() => videoEvent({ type: 'setLayout', layout: n })}
            >
              {n}
            </button>
          ))}
        </div>
        {overlay && (
          <>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setLarge((v) => !v)}>
              {large ? t('video.restore') : t('video.enlarge')}
            </button>
            <button type="button" className="panel-close" onClick={close} aria-label={t('video.close')}>
              ×
            </button>
          </>
        )}
      </header>
      <div className="video-grid" data-columns={columnsOf(layout)}>
        {cells.map((cell, index) =>
          cell ? (
            <VideoPlayer
              key={cell.camera.id}
              camera={cell.camera}
              index={index}
              onRemove={() => videoEvent({ type: 'remove', index })}
            />
          ) : (
            <div key={`free-${index}`} className="video-cell video-cell-free" data-video-cell={index}>
              <span>{overlay ? t('video.free') : t('wall.free')}</span>
            </div>
          ),
        )}
      </div>
    </section>
  );
}
