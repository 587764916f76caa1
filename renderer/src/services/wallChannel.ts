// The wall link service: the windows of one machine talk over a BroadcastChannel (live/wallLink.ts
// holds the messages and rules). A video-wall window announces itself every HEARTBEAT_MS and plays
// the cameras a map wall sends it; a map wall that heard one lately sends its "play" actions there
// (confirmed within ACK_TIMEOUT_MS, else it plays them itself, as without a video wall).
//
// Sessions: each Electron window has its own sessionStorage, so a video wall or briefing window would
// open at the login form. Such a window asks the channel, and a window signed in here answers with
// its own session; the wall window uses it (checked with GET /api/auth/me) until that window signs
// out. Why this is acceptable: a BroadcastChannel only reaches documents of the same origin in the
// same browser profile, i.e. this app's own pages, on the same machine, run by the same OS user, who
// could already read the token from any of them; the app's origin serves only this renderer (Electron
// blocks navigation elsewhere, the CSP forbids foreign scripts). What is shared is that user's session
// and nothing more: it is not stored in the wall window, signing out there does not end it, and only
// the display windows (video wall, briefing) take one; the map wall, where a person signs in with
// their own name, never does.
import { createTimers } from '../app/timers';
import type { AppStore } from '../state/store';
import type { CameraRef } from '../state/video';
import type { WallRole } from '../state/wall';
import {
  ACK_TIMEOUT_MS,
  HEARTBEAT_MS,
  SESSION_WAIT_MS,
  acceptableOffer,
  addressedTo,
  asksForSession,
  forgetPeer,
  linkCameras,
  notePresence,
  parseWallMessage,
  pickVideoWall,
  prunePeers,
  type Peers,
  type SharedSession,
  type WallMessage,
} from './wallLink';

/** The part of a BroadcastChannel the link uses (tests pass an in-memory one). */
export interface WallPort {
  postMessage(message: unknown): void;
  addEventListener(type: 'message', listener: (event: { data: unknown }) => void): void;
  close(): void;
}

/** What the link needs of the auth service (live/auth.ts `AuthService` has it). */
export interface WallAuth {
  token(): string | null;
  shareable(): SharedSession | null;
  borrowed(): boolean;
  adopt(session: SharedSession): Promise<boolean>;
  release(): void;
  onTokenChange(listener: (token: string | null) => void): () => void;
}

export interface WallLinkService {
  readonly id: string;
  /** map wall: whether a video-wall window is linked now */
  videoWallLinked(): boolean;
  /** map wall: sends cameras to the video wall; true once it confirmed, false: play them here */
  sendToVideoWall(cameras: readonly CameraRef[]): Promise<boolean>;
  /** wall windows: asks the channel for a session when nobody is signed in here */
  askForSession(): void;
  /** the page is going away (it may come back from the back-forward cache): a video wall says so */
  leave(): void;
  stop(): void;
}

export interface WallLinkOptions {
  role: WallRole;
  port: WallPort | null;
  /** this window's id on the channel */
  id?: string;
  now?: () => number;
  log?: (message: string) => void;
}

export function startWallLink(store: AppStore, auth: WallAuth, options: WallLinkOptions): WallLinkService {
  const { role, port } = options;
  const id = options.id ?? windowId();
  const now = options.now ?? Date.now;
  const log = options.log ?? (() => undefined);
  // Answers' timeouts, the video wall's heartbeat and the map wall's presence check (app/timers.ts):
  // stop() ends them all.
  const timers = createTimers();
  const later = (ms: number, run: () => void) => void timers.after(ms, run);
  let peers: Peers = new Map();
  const acks = new Map<string, (ok: boolean) => void>();
  let counter = 0;
  const nextId = () => `${id}:${++counter}`;
  /** the request we wait an offer for, and the window our borrowed session came from */
  let asking: string | null = null;
  let source: string | null = null;
  /** the token this window handed out: when it ends, the borrowers are told */
  let offered: string | null = null;
  let dropped = 0;

  const post = (message: WallMessage) => {
    try {
      port?.postMessage(message);
    } catch (error) {
      log(`wall link: cannot post ${message.type}: ${String(error)}`);
    }
  };
  const wallEvent = store.getState().wallEvent;
  const updatePresence = () => {
    peers = prunePeers(peers, now());
    wallEvent({ type: 'videoWall', present: pickVideoWall(peers, now()) !== null });
  };
  const signedIn = () => auth.token() !== null;
  /** signed in and checked: the wall is on screen (cameras put on it earlier would be cleared) */
  const ready = () => signedIn() && store.getState().session.status === 'signedIn';
  /** nobody signed in and no sign-in under way (the login form is idle) */
  const idle = () => !signedIn() && store.getState().session.status === 'anonymous';
  const setSource = () =>
    wallEvent({
      type: 'session',
      source: asking ? 'asking' : auth.borrowed() ? 'borrowed' : signedIn() ? 'own' : 'none',
    });

  const onPlay = (message: Extract<WallMessage, { type: 'play' }>) => {
    if (role !== 'video-wall' || !ready()) return; // not confirmed: the map wall plays it itself
    const cameras = linkCameras(message.cameras);
    store.getState().videoEvent({ type: 'playMany', cameras });
    post({ type: 'played', from: id, to: message.from, id: message.id, count: cameras.length });
  };

  const onOffer = (message: Extract<WallMessage, { type: 'session.offer' }>) => {
    if (!idle() || !acceptableOffer(message, asking, now())) return;
    asking = null;
    source = message.from;
    setSource();
    void auth.adopt(message.session).then(
      (ok) => {
        if (!ok && source === message.from) source = null;
        setSource();
      },
      () => setSource(),
    );
  };

  const receive = (data: unknown) => {
    const message = parseWallMessage(data);
    if (!message) {
      // Untrusted input: a malformed message is dropped, never acted on (logged once in a while).
      if (dropped++ % 50 === 0) log('wall link: ignored a malformed message');
      return;
    }
    if (!addressedTo(message, id)) return;
    switch (message.type) {
      case 'presence':
        if (role !== 'map-wall') return;
        peers = notePresence(peers, message, now());
        updatePresence();
        return;
      case 'play':
        onPlay(message);
        return;
      case 'played':
        acks.get(message.id)?.(true);
        return;
      case 'session.request': {
        const own = auth.shareable();
        if (!own) return;
        offered = own.token;
        post({ type: 'session.offer', from: id, to: message.from, id: message.id, session: own });
        return;
      }
      case 'session.offer':
        onOffer(message);
        return;
      case 'session.started':
        service.askForSession();
        return;
      case 'session.ended':
        if (source === message.from && auth.borrowed()) {
          source = null;
          auth.release();
          setSource();
        }
        return;
    }
  };
  port?.addEventListener('message', (event) => {
    try {
      receive(event.data);
    } catch (error) {
      log(`wall link: ${String(error)}`);
    }
  });

  const announce = () => {
    // Only a signed-in video wall can play: before that the map wall keeps its own overlay wall.
    if (role === 'video-wall' && ready()) post({ type: 'presence', from: id, role, on: true });
  };
  const unsubscribe = auth.onTokenChange((token) => {
    if (offered !== null && token !== offered) {
      post({ type: 'session.ended', from: id });
      offered = null;
    }
    if (!token) source = null;
    if (role === 'video-wall' && !token) post({ type: 'presence', from: id, role, on: false });
    setSource();
  });

  // Signed in here (the form, or a reload that restored the session): wall windows that found nobody
  // to ask a moment ago ask again.
  const unsubscribeStore = store.subscribe((state, previous) => {
    if (state.session.status !== 'signedIn' || previous.session.status === 'signedIn') return;
    if (auth.shareable()) post({ type: 'session.started', from: id });
    announce();
  });

  if (role === 'video-wall' && port) {
    timers.every(HEARTBEAT_MS, announce);
    announce();
  }
  if (role === 'map-wall' && port) timers.every(1_000, updatePresence);

  const service: WallLinkService = {
    id,
    videoWallLinked: () => port !== null && pickVideoWall(peers, now()) !== null,
    sendToVideoWall(cameras) {
      const target = port ? pickVideoWall(peers, now()) : null;
      const list = linkCameras(cameras);
      if (!target || list.length === 0) return Promise.resolve(false);
      const request = nextId();
      return new Promise<boolean>((resolve) => {
        acks.set(request, (ok) => {
          acks.delete(request);
          if (!ok) {
            // It did not answer: treat it as gone until it announces itself again.
            peers = forgetPeer(peers, target);
            updatePresence();
          }
          resolve(ok);
        });
        later(ACK_TIMEOUT_MS, () => acks.get(request)?.(false));
        post({ type: 'play', from: id, to: target, id: request, cameras: list });
      });
    },
    askForSession() {
      if (!port || asking || !asksForSession(role, !idle())) return;
      const request = nextId();
      asking = request;
      setSource();
      post({ type: 'session.request', from: id, id: request });
      later(SESSION_WAIT_MS, () => {
        if (asking !== request) return;
        asking = null;
        setSource();
      });
    },
    leave() {
      if (role === 'video-wall') post({ type: 'presence', from: id, role, on: false });
    },
    stop() {
      service.leave();
      timers.dispose();
      for (const ack of [...acks.values()]) ack(false);
      unsubscribe();
      unsubscribeStore();
      port?.close();
    },
  };
  setSource();
  return service;
}

/** A random id for this window (crypto.randomUUID needs a secure context; getRandomValues does not). */
function windowId(): string {
  const bytes = new Uint8Array(12);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The channel, or null where BroadcastChannel does not exist (the link is then simply off). */
export function openWallPort(name: string): WallPort | null {
  // Typed structurally: the module also compiles (and is tested) without the DOM library.
  const Channel = (globalThis as unknown as { BroadcastChannel?: new (name: string) => WallPort })
    .BroadcastChannel;
  if (!Channel) return null;
  try {
    return new Channel(name);
  } catch {
    return null;
  }
}
