// The video service: cameras around a place (GET /api/cameras/near) and the camera list
// (GET /api/cameras, fetched once per sign-in and kept) that gives a map pick its stream URL and the
// video-wall window its camera picker.
// Streams themselves are played by the panels (hls.js); /media and snapshots need no token.
import { z } from 'zod';
import { CameraView } from '@contract/city';
import type { AppStore } from '../state/store';
import type { CameraRef } from '../state/video';
import type { ApiClient } from './api';

export const NearbyCamera = z.object({
  id: z.string(),
  name: z.string(),
  owner: z.string(),
  /** online | offline | fault (kept as text: a new status must not hide the list) */
  status: z.string(),
  streamUrl: z.string(),
  lon: z.number(),
  lat: z.number(),
  metres: z.number(),
  bearing: z.number(),
  inView: z.boolean(),
});
export type NearbyCamera = z.infer<typeof NearbyCamera>;

const NearbyResult = z.object({ cameras: z.array(NearbyCamera) });
// Item by item: one camera the client does not understand (a new status) must not hide the others.
const CamerasResult = z.object({ cameras: z.array(z.unknown()) });
const validCameras = (items: readonly unknown[]): CameraView[] =>
  items.flatMap((item) => {
    const parsed = CameraView.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });

export interface VideoService {
  /** cameras within `radius` metres of the point, nearest first */
  near(lon: number, lat: number, radius: number): Promise<NearbyCamera[]>;
  /** one camera by its 20-digit ID, from the cached list (null when the server has no such camera) */
  camera(id: string): Promise<CameraRef | null>;
  /** every camera the server lists, in ID order (cached until the user changes) */
  list(): Promise<readonly CameraView[]>;
}

/** The wall closes and the camera list is forgotten when the signed-in user changes. */
export function startVideo(store: AppStore, api: ApiClient): VideoService {
  let list: Promise<{ all: readonly CameraView[]; byId: Map<string, CameraRef> }> | null = null;
  store.subscribe((state, previous) => {
    if (state.session.user?.userId === previous.session.user?.userId) return;
    list = null;
    state.videoEvent({ type: 'close' });
  });
  const load = () =>
    api.get('/cameras', CamerasResult).then(
      ({ cameras: items }) => {
        const cameras = validCameras(items);
        return { all: cameras, byId: new Map(cameras.map((c) => [c.id, cameraRef(c)])) };
      },
      (error: unknown) => {
        list = null; // a failed load is tried again next time
        throw error;
      },
    );
  return {
    async near(lon, lat, radius) {
      const query = new URLSearchParams({ lon: String(lon), lat: String(lat), radius: String(radius) });
      return (await api.get(`/cameras/near?${query.toString()}`, NearbyResult)).cameras;
    },
    async camera(id) {
      list ??= load();
      return (await list).byId.get(id) ?? null;
    },
    async list() {
      list ??= load();
      return (await list).all;
    },
  };
}

export function cameraRef(c: Pick<CameraRef, 'id' | 'name' | 'streamUrl' | 'lon' | 'lat'>): CameraRef {
  return { id: c.id, name: c.name, streamUrl: c.streamUrl, lon: c.lon, lat: c.lat };
}

/** How a cell can show a stream URL: HLS plays (hls.js, or natively); anything else is named. */
export type StreamPlan =
  { kind: 'hls'; url: string } | { kind: 'unsupported'; url: string; format: StreamFormat };
// 'rtsp' stands for RTSP and RTMP: neither plays in a browser without a gateway; 'none': no URL at all.
export type StreamFormat = 'webrtc' | 'flv' | 'rtsp' | 'other' | 'none';

/** Paths are resolved against the server; only .m3u8 over http(s) is played in the client. */
export function streamPlan(streamUrl: string, origin: string): StreamPlan {
  if (typeof streamUrl !== 'string' || streamUrl.trim() === '')
    return { kind: 'unsupported', url: '', format: 'none' };
  let url: URL;
  try {
    url = new URL(streamUrl, `${origin}/`);
  } catch {
    return { kind: 'unsupported', url: streamUrl, format: 'other' };
  }
  const href = url.toString();
  const path = url.pathname.toLowerCase();
  if (url.protocol === 'http:' || url.protocol === 'https:') {
    if (path.endsWith('.m3u8')) return { kind: 'hls', url: href };
    if (path.endsWith('.flv')) return { kind: 'unsupported', url: href, format: 'flv' };
    if (/\b(webrtc|rtc|whep)\b/.test(path)) return { kind: 'unsupported', url: href, format: 'webrtc' };
    return { kind: 'unsupported', url: href, format: 'other' };
  }
  if (url.protocol === 'webrtc:') return { kind: 'unsupported', url: href, format: 'webrtc' };
  if (['rtsp:', 'rtsps:', 'rtmp:', 'rtmps:'].includes(url.protocol))
    return { kind: 'unsupported', url: href, format: 'rtsp' };
  return { kind: 'unsupported', url: href, format: 'other' };
}

/** The point's latest still picture, shown when its stream cannot play (public: <img> sends no token). */
export function snapshotUrl(cameraId: string, origin: string): string {
  return `${origin}/api/sim/snapshot/${encodeURIComponent(cameraId)}.svg`;
}
