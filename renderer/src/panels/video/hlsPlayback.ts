// Plays one HLS URL in a muted, looping <video>: hls.js through Media Source Extensions where the
// browser has them, else the browser's own HLS. Fatal network errors are retried a few times with a
// growing delay (a missing stream, HTTP 4xx, is not); a media error gets one hls.js recovery. The
// returned function stops everything: hls.js destroyed, timers cleared, the element emptied.
import type Hls from 'hls.js';

export type PlaybackFailure = 'unsupported' | 'unavailable' | 'failed';

export interface PlaybackCallbacks {
  playing(): void;
  /** a new attempt starts (1-based) after a network error or a stall */
  retrying(attempt: number): void;
  failed(reason: PlaybackFailure): void;
}

export interface PlaybackOptions {
  retries: number;
  retryDelayMs: number;
  /** no picture after this long counts as a network error */
  stallMs: number;
}

export const PLAYBACK_DEFAULTS: PlaybackOptions = { retries: 3, retryDelayMs: 1_500, stallMs: 20_000 };

export function attachHls(
  video: HTMLVideoElement,
  url: string,
  callbacks: PlaybackCallbacks,
  options: PlaybackOptions = PLAYBACK_DEFAULTS,
): () => void {
  let disposed = false;
  let hls: Hls | null = null;
  let retries = 0;
  let recovered = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let stallTimer: ReturnType<typeof setTimeout> | undefined;

  video.muted = true;
  video.defaultMuted = true;
  video.loop = true;
  video.playsInline = true;

  const stopStream = () => {
    clearTimeout(stallTimer);
    video.removeEventListener('error', onNativeError);
    hls?.destroy();
    hls = null;
    if (video.hasAttribute('src')) {
      video.removeAttribute('src');
      video.load();
    }
  };
  // Only the browser's own HLS reports through the element; hls.js has its own error events.
  const onNativeError = () => retry();
  const fail = (reason: PlaybackFailure) => {
    if (disposed) return;
    stopStream();
    callbacks.failed(reason);
  };
  const retry = () => {
    if (disposed) return;
    if (retries >= options.retries) return fail('failed');
    retries += 1;
    stopStream();
    callbacks.retrying(retries);
    retryTimer = setTimeout(() => void start(), options.retryDelayMs * retries);
  };
  const onPlaying = () => {
    clearTimeout(stallTimer);
    retries = 0;
    callbacks.playing();
  };
  const play = () => void video.play().catch(() => undefined);

  async function start(): Promise<void> {
    const { default: HlsClass } = await import('hls.js');
    if (disposed) return;
    clearTimeout(stallTimer);
    stallTimer = setTimeout(retry, options.stallMs);
    recovered = false;
    if (HlsClass.isSupported()) {
      const instance = new HlsClass({ enableWorker: true, maxBufferLength: 12, backBufferLength: 10 });
      hls = instance;
      instance.on(HlsClass.Events.ERROR, (_event, data) => {
        if (!data.fatal || hls !== instance) return;
        if (data.type === HlsClass.ErrorTypes.NETWORK_ERROR) {
          const code = data.response?.code ?? 0;
          return code >= 400 && code < 500 ? fail('unavailable') : retry();
        }
        if (data.type === HlsClass.ErrorTypes.MEDIA_ERROR && !recovered) {
          recovered = true;
          return instance.recoverMediaError();
        }
        fail('failed');
      });
      instance.on(HlsClass.Events.MANIFEST_PARSED, play);
      instance.loadSource(url);
      instance.attachMedia(video);
    } else if (video.canPlayType('application/vnd.apple.mpegurl')) {
      video.addEventListener('error', onNativeError);
      video.src = url;
      play();
    } else {
      fail('unsupported');
    }
  }

  video.addEventListener('playing', onPlaying);
  void start().catch(() => fail('failed'));

  return () => {
    disposed = true;
    clearTimeout(retryTimer);
    video.removeEventListener('playing', onPlaying);
    stopStream();
  };
}
