// One cell of the video wall: the camera's HLS stream in a muted autoplay <video>, its name and
// 20-digit channel ID on top. When the stream cannot play (no stream, an unsupported format, the
// gateway down after a few retries) the cell shows the point's latest snapshot and says why.
// `data-video-state` on the cell: loading | playing | fallback | error (the snapshot failed too).
import { useEffect, useMemo, useRef, useState } from 'react';
import { useWindowServices } from '../../app/ServicesContext';
import { useT } from '../../i18n/useT';
import { snapshotUrl, streamPlan, type StreamFormat } from '../../services/video';
import type { CameraRef } from '../../state/video';
import { attachHls, type PlaybackFailure } from './hlsPlayback';

export type PlayerState = 'loading' | 'playing' | 'fallback' | 'error';

interface Status {
  state: PlayerState;
  reason?: PlaybackFailure;
  attempt?: number;
}

export interface VideoPlayerProps {
  camera: CameraRef;
  index: number;
  onRemove?(): void;
}

export function VideoPlayer({ camera, index, onRemove }: VideoPlayerProps) {
  const t = useT();
  const { origin } = useWindowServices();
  const videoRef = useRef<HTMLVideoElement>(null);
  const [status, setStatus] = useState<Status>({ state: 'loading' });
  const [restart, setRestart] = useState(0);
  const plan = useMemo(() => streamPlan(camera.streamUrl, origin), [camera.streamUrl, origin]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    if (plan.kind !== 'hls') {
      setStatus({ state: 'fallback', reason: 'unsupported' });
      return;
    }
    setStatus({ state: 'loading' });
    return attachHls(video, plan.url, {
      playing: () => setStatus({ state: 'playing' }),
      retrying: (attempt) => setStatus({ state: 'loading', attempt }),
      failed: (reason) => setStatus({ state: 'fallback', reason }),
    });
  }, [plan, restart]);

  const fallback = status.state === 'fallback' || status.state === 'error';
  return (
    <figure
      className="video-cell"
      data-video-cell={index}
      data-video-state={status.state}
      data-camera-id={camera.id}
      aria-label={camera.name}
    >
      <video ref={videoRef} className="video-media" muted autoPlay playsInline loop hidden={fallback} />
      {fallback && (
        <img
          className="video-snapshot"
          src={snapshotUrl(camera.id, origin)}
          alt={t('video.snapshotAlt', { name: camera.name })}
          onError={() => setStatus((s) => ({ ...s, state: 'error' }))}
        />
      )}
      <figcaption className="video-caption">
        <span className="video-name">{camera.name}</span>
        <span className="video-id">{camera.id}</span>
      </figcaption>
      <span className="video-badge" data-state={status.state}>
        {status.attempt && status.state === 'loading'
          ? t('video.retrying', { attempt: status.attempt })
          : t(`video.state.${status.state}`)}
      </span>
      {fallback && (
        <div className="video-fallback" role="status">
          <p>{reasonText(t, status.reason, plan.kind === 'unsupported' ? plan : null)}</p>
          <p className="video-note">
            {status.state === 'error' ? t('video.noSnapshot') : t('video.showingSnapshot')}
          </p>
          {plan.kind === 'unsupported' ? (
            plan.url && <code className="video-url">{plan.url}</code>
          ) : (
            <button type="button" className="btn btn-small" onClick={() => setRestart((n) => n + 1)}>
              {t('video.retry')}
            </button>
          )}
        </div>
      )}
      {onRemove && (
        <button
          type="button"
          className="video-remove"
          onClick={onRemove}
          aria-label={t('video.remove', { name: camera.name })}
        >
          ×
        </button>
      )}
    </figure>
  );
}

function reasonText(
  t: ReturnType<typeof useT>,
  reason: PlaybackFailure | undefined,
  unsupported: { format: StreamFormat } | null,
): string {
  if (unsupported) return t(`video.format.${unsupported.format}`);
  if (reason === 'unsupported') return t('video.noHls');
  if (reason === 'unavailable') return t('video.unavailable');
  return t('video.failed');
}
