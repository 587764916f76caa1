// The wall windows without a browser (the role from `?wall=` is in endpoint.test.ts): the wall link's
// messages (every one from the channel is untrusted), presence and the choice of video wall, the camera list filter, the
// wall slice, and the link service itself between windows on an in-memory channel: heartbeats,
// play → played, the fallback when nobody confirms, and a session handed to a wall window.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import {
  startWallLink,
  type WallAuth,
  type WallLinkService,
  type WallPort,
} from '../../../renderer/src/services/wallChannel';
import {
  ACK_TIMEOUT_MS,
  HEARTBEAT_MS,
  PRESENCE_MS,
  SESSION_WAIT_MS,
  acceptableOffer,
  addressedTo,
  asksForSession,
  notePresence,
  parseWallMessage,
  pickVideoWall,
  prunePeers,
  type Peers,
  type SharedSession,
  type WallMessage,
} from '../../../renderer/src/services/wallLink';
import { filterCameras } from '../../../renderer/src/state/cameraPicker';
import { createAppStore, type AppStore } from '../../../renderer/src/state/store';
import { initialWall, reduceWall, type WallRole } from '../../../renderer/src/state/wall';

const camera = (n: number) => ({
  id: `3207000000131600${String(n).padStart(4, '0')}`,
  name: `演示点位 ${n}`,
  streamUrl: `/media/demo/${n % 6}/index.m3u8`,
  lon: 119.17,
  lat: 34.6,
});

const SESSION = {
  token: 'token-of-the-map-wall',
  expiresAt: '2099-01-01T00:00:00.000Z',
  user: {
    userId: 'u-sup',
    username: 'supervisor',
    displayName: '监督员',
    role: 'supervisor' as const,
    departmentId: null,
    districtCode: null,
  },
};

describe('wall link messages', () => {
  const valid: WallMessage[] = [
    { type: 'presence', from: 'a', role: 'video-wall', on: true },
    { type: 'play', from: 'a', to: 'b', id: 'a:1', cameras: [camera(1)] },
    { type: 'played', from: 'b', to: 'a', id: 'a:1', count: 1 },
    { type: 'session.request', from: 'b', id: 'b:1' },
    { type: 'session.offer', from: 'a', to: 'b', id: 'b:1', session: SESSION },
    { type: 'session.started', from: 'a' },
    { type: 'session.ended', from: 'a' },
  ];

  test('every message type parses as sent', () => {
    for (const message of valid) assert.deepEqual(parseWallMessage(message), message, message.type);
  });

  test('anything else is dropped, never thrown', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'play',
      42,
      [],
      {},
      { type: 'play' },
      { type: 'reboot', from: 'a' },
      { type: 'presence', from: 'a', role: 'cinema', on: true },
      { type: 'presence', from: '', role: 'video-wall', on: true },
      { type: 'presence', from: 'x'.repeat(65), role: 'video-wall', on: true },
      { type: 'play', from: 'a', to: 'b', id: '1', cameras: [] },
      { type: 'play', from: 'a', to: 'b', id: '1', cameras: Array.from({ length: 17 }, (_, i) => camera(i)) },
      { type: 'play', from: 'a', to: 'b', id: '1', cameras: [{ ...camera(1), lon: Number.NaN }] },
      { type: 'play', from: 'a', to: 'b', id: '1', cameras: [{ ...camera(1), id: '' }] },
      { type: 'play', from: 'a', to: 'b', id: '1', cameras: [{ ...camera(1), streamUrl: 7 }] },
      { type: 'played', from: 'b', to: 'a', id: '1', count: -1 },
      { type: 'session.offer', from: 'a', to: 'b', id: '1', session: { token: '' } },
      { type: 'session.offer', from: 'a', to: 'b', id: '1', session: { ...SESSION, user: { role: 'root' } } },
      Object.create(null),
    ];
    for (const data of bad) assert.equal(parseWallMessage(data), null, JSON.stringify(data));
  });

  test('a camera without a stream URL is carried (the cell says it has none); extra fields are dropped', () => {
    const parsed = parseWallMessage({
      type: 'play',
      from: 'a',
      to: 'b',
      id: '1',
      extra: true,
      cameras: [{ ...camera(1), streamUrl: '', secret: 'x' }],
    });
    assert.ok(parsed && parsed.type === 'play');
    assert.deepEqual(parsed, {
      type: 'play',
      from: 'a',
      to: 'b',
      id: '1',
      cameras: [{ ...camera(1), streamUrl: '' }],
    });
  });

  test('a window ignores its own messages and those addressed to another window', () => {
    assert.equal(addressedTo({ type: 'session.started', from: 'me' }, 'me'), false);
    assert.equal(addressedTo({ type: 'session.started', from: 'a' }, 'me'), true);
    assert.equal(addressedTo({ type: 'played', from: 'a', to: 'me', id: '1', count: 1 }, 'me'), true);
    assert.equal(addressedTo({ type: 'played', from: 'a', to: 'b', id: '1', count: 1 }, 'me'), false);
  });
});

describe('presence', () => {
  const hello = (from: string, role: WallRole = 'video-wall', on = true) =>
    ({ type: 'presence', from, role, on }) as const;

  test('a video wall counts while heard from within PRESENCE_MS, and at once not when it leaves', () => {
    let peers: Peers = new Map();
    assert.equal(pickVideoWall(peers, 0), null);
    peers = notePresence(peers, hello('v1'), 1_000);
    assert.equal(pickVideoWall(peers, 1_000), 'v1');
    assert.equal(pickVideoWall(peers, 1_000 + PRESENCE_MS), 'v1');
    assert.equal(pickVideoWall(peers, 1_001 + PRESENCE_MS), null);
    assert.equal(prunePeers(peers, 1_001 + PRESENCE_MS).size, 0);
    peers = notePresence(peers, hello('v1', 'video-wall', false), 2_000);
    assert.equal(pickVideoWall(peers, 2_000), null);
  });

  test('of two video walls the first one seen keeps the cameras; briefings never get any', () => {
    let peers: Peers = new Map();
    peers = notePresence(peers, hello('b1', 'briefing'), 0);
    assert.equal(pickVideoWall(peers, 0), null);
    peers = notePresence(peers, hello('zz'), 100);
    peers = notePresence(peers, hello('aa'), 200);
    peers = notePresence(peers, hello('zz'), 2_100); // a heartbeat does not make it newer
    assert.equal(pickVideoWall(peers, 2_200), 'zz');
    // The first one stops announcing itself: the other takes over.
    peers = notePresence(peers, hello('aa'), 6_000);
    assert.equal(pickVideoWall(peers, 7_500), 'aa');
  });

  test('only the display windows ask for a session, and only when nobody is signed in', () => {
    assert.equal(asksForSession('map-wall', false), false);
    assert.equal(asksForSession('video-wall', false), true);
    assert.equal(asksForSession('briefing', false), true);
    assert.equal(asksForSession('video-wall', true), false);
  });

  test('an offer is taken only for the request we sent and while its session lasts', () => {
    const offer = { type: 'session.offer', from: 'a', to: 'b', id: 'b:1', session: SESSION } as const;
    const now = Date.parse('2026-12-01T00:00:00Z');
    assert.equal(acceptableOffer(offer, 'b:1', now), true);
    assert.equal(acceptableOffer(offer, null, now), false);
    assert.equal(acceptableOffer(offer, 'b:2', now), false);
    const over = { ...offer, session: { ...SESSION, expiresAt: '2026-11-30T00:00:00Z' } };
    assert.equal(acceptableOffer(over, 'b:1', now), false);
    const garbled = { ...offer, session: { ...SESSION, expiresAt: 'soon' } };
    assert.equal(acceptableOffer(garbled, 'b:1', now), false);
  });
});

describe('camera list filter', () => {
  const cams = [
    { id: '32070000001316000001', name: '海州路口', status: 'offline', districtCode: '320706' },
    { id: '32070000001316000002', name: '朝阳桥', status: 'online', districtCode: '320707' },
    { id: '32070000001316000003', name: 'ＣＢＤ 广场', status: 'online', districtCode: null },
    { id: '32070000001316000004', name: '河道 4', status: 'maintenance', districtCode: '320706' },
  ];
  const names = (code: string | null) => (code === '320706' ? ['海州区', 'Haizhou'] : []);
  const ids = (r: { items: Array<{ id: string }> }) => r.items.map((c) => c.id.slice(-1));

  test('empty text lists every camera, online first, then in order', () => {
    const all = filterCameras(cams, '  ', names);
    assert.equal(all.total, 4);
    assert.deepEqual(ids(all), ['2', '3', '1', '4']);
  });

  test('matches name, ID, district name or code, every word, case and width ignored', () => {
    assert.deepEqual(ids(filterCameras(cams, '朝阳', names)), ['2']);
    assert.deepEqual(ids(filterCameras(cams, '000003', names)), ['3']);
    assert.deepEqual(ids(filterCameras(cams, 'haizhou', names)), ['1', '4']);
    assert.deepEqual(ids(filterCameras(cams, '海州区 河道', names)), ['4']);
    assert.deepEqual(ids(filterCameras(cams, 'cbd', names)), ['3']);
    assert.deepEqual(ids(filterCameras(cams, '320707', names)), ['2']);
    assert.equal(filterCameras(cams, '不存在', names).total, 0);
  });

  test('the list is cut at the limit but the total says how many match', () => {
    const cut = filterCameras(cams, '', names, 2);
    assert.deepEqual([ids(cut), cut.total], [['2', '3'], 4]);
    assert.equal(filterCameras(cams, '', names, -1).items.length, 0);
  });
});

describe('wall slice', () => {
  test('presence and session changes; each confirmed send gets a new note', () => {
    const s0 = initialWall('map-wall');
    assert.equal(reduceWall(s0, { type: 'videoWall', present: false }), s0);
    const s1 = reduceWall(s0, { type: 'videoWall', present: true });
    assert.equal(s1.videoWall, true);
    const s2 = reduceWall(reduceWall(s1, { type: 'sent', count: 1 }), { type: 'sent', count: 1 });
    assert.deepEqual(s2.sent, { count: 1, seq: 2 });
    assert.equal(reduceWall(s2, { type: 'sent', count: 0 }), s2);
    assert.equal(reduceWall(s2, { type: 'session', source: 'borrowed' }).session, 'borrowed');
    assert.equal(createAppStore({ wallRole: 'briefing' }).getState().wall.role, 'briefing');
    assert.equal(createAppStore().getState().wall.role, 'map-wall');
  });
});

/** An in-memory BroadcastChannel: a message reaches every other port, asynchronously, as a copy. */
function bus() {
  const ports = new Set<{ listeners: Array<(event: { data: unknown }) => void> }>();
  const sent: unknown[] = [];
  const open = (): WallPort => {
    const port = { listeners: [] as Array<(event: { data: unknown }) => void> };
    ports.add(port);
    return {
      postMessage(message) {
        const data = structuredClone(message);
        sent.push(data);
        for (const other of ports)
          if (other !== port) queueMicrotask(() => other.listeners.forEach((l) => l({ data })));
      },
      addEventListener(_type, listener) {
        port.listeners.push(listener);
      },
      close() {
        ports.delete(port);
      },
    };
  };
  /** a stranger on the channel */
  const inject = (data: unknown) => {
    for (const port of ports) port.listeners.forEach((l) => l({ data }));
  };
  return { open, inject, sent };
}

/**
 * The auth service's behaviour that the link relies on (live/auth.ts itself needs the DOM's
 * sessionStorage): sign-in here, adopting a borrowed session (refused when the server does not know
 * the token), releasing it, and the token-change listeners.
 */
function fakeAuth(store: AppStore, known: Set<string>) {
  type Stored = SharedSession;
  let current: Stored | null = null;
  let borrowed = false;
  const listeners = new Set<(token: string | null) => void>();
  const set = (session: Stored | null, isBorrowed = false) => {
    const changed = current?.token !== session?.token;
    current = session;
    borrowed = session !== null && isBorrowed;
    if (changed) for (const l of listeners) l(session?.token ?? null);
  };
  const auth: WallAuth & { login(): void; logout(): void } = {
    token: () => current?.token ?? null,
    shareable: () => (current && !borrowed ? current : null),
    borrowed: () => current !== null && borrowed,
    async adopt(session) {
      set(session, true);
      store.getState().sessionEvent({ type: 'checking' });
      await Promise.resolve();
      if (!known.has(session.token)) {
        set(null);
        store.getState().sessionEvent({ type: 'signedOut', reason: 'expired' });
        return false;
      }
      store.getState().sessionEvent({ type: 'signedIn', user: session.user, expiresAt: session.expiresAt });
      return true;
    },
    release() {
      if (!borrowed) return;
      set(null);
      store.getState().sessionEvent({ type: 'signedOut', reason: 'logout' });
    },
    onTokenChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    login() {
      set(SESSION);
      store.getState().sessionEvent({ type: 'signedIn', user: SESSION.user, expiresAt: SESSION.expiresAt });
    },
    logout() {
      set(null);
      store.getState().sessionEvent({ type: 'signedOut', reason: 'logout' });
    },
  };
  return auth;
}

interface Window {
  store: AppStore;
  auth: ReturnType<typeof fakeAuth>;
  link: WallLinkService;
}

describe('wall link service', () => {
  let clock = Date.parse('2026-12-01T08:00:00Z');
  const flush = () => new Promise((resolve) => setImmediate(resolve));
  const valid = new Set([SESSION.token]);
  let windows: Window[] = [];

  beforeEach(() => mock.timers.enable({ apis: ['setTimeout', 'setInterval'] }));
  afterEach(() => {
    for (const w of windows) w.link.stop();
    windows = [];
    mock.timers.reset();
  });
  const tick = async (ms: number) => {
    clock += ms;
    mock.timers.tick(ms);
    await flush();
    await flush();
  };

  const open = (channel: ReturnType<typeof bus>, role: WallRole, id: string): Window => {
    const store = createAppStore({ wallRole: role });
    const auth = fakeAuth(store, valid);
    const link = startWallLink(store, auth, { role, port: channel.open(), id, now: () => clock });
    const window = { store, auth, link };
    windows.push(window);
    return window;
  };
  const signIn = async (w: Window) => {
    w.auth.login();
    await flush();
  };

  test('a signed-in video wall links the map wall; its cameras go there and are confirmed', async () => {
    const channel = bus();
    const map = open(channel, 'map-wall', 'map');
    await signIn(map);
    const wall = open(channel, 'video-wall', 'vw');
    assert.equal(map.link.videoWallLinked(), false);

    // Not signed in yet: the video wall stays silent, the map wall plays on its overlay.
    await tick(HEARTBEAT_MS);
    assert.equal(map.link.videoWallLinked(), false);
    assert.equal(await map.link.sendToVideoWall([camera(1)]), false);

    wall.link.askForSession();
    await flush();
    await flush();
    assert.equal(wall.store.getState().session.status, 'signedIn');
    assert.equal(wall.store.getState().wall.session, 'borrowed');
    await flush();
    assert.equal(map.link.videoWallLinked(), true);
    assert.equal(map.store.getState().wall.videoWall, true);

    const sent = map.link.sendToVideoWall([camera(1), camera(2), camera(1)]);
    await flush();
    assert.equal(await sent, true);
    const cells = wall.store.getState().video.cells.flatMap((c) => (c ? [c.camera.id] : []));
    assert.deepEqual(cells, [camera(1).id, camera(2).id]);
    assert.equal(map.store.getState().video.open, false, 'the map wall opened nothing');
  });

  test('a video wall that stops announcing itself is dropped after PRESENCE_MS', async () => {
    const channel = bus();
    const map = open(channel, 'map-wall', 'map');
    await signIn(map);
    const wall = open(channel, 'video-wall', 'vw');
    await signIn(wall);
    await tick(HEARTBEAT_MS);
    assert.equal(map.link.videoWallLinked(), true);
    wall.link.stop(); // says goodbye
    await flush();
    assert.equal(map.link.videoWallLinked(), false);

    // A heartbeat from a window that then hangs: the link times out by itself.
    channel.inject({ type: 'presence', from: 'ghost', role: 'video-wall', on: true });
    assert.equal(map.link.videoWallLinked(), true);
    await tick(PRESENCE_MS + 1_000);
    assert.equal(map.link.videoWallLinked(), false);
    assert.equal(map.store.getState().wall.videoWall, false);
  });

  test('nobody confirms within ACK_TIMEOUT_MS: false (the caller plays on the map wall) and it is forgotten', async () => {
    const channel = bus();
    const map = open(channel, 'map-wall', 'map');
    channel.inject({ type: 'presence', from: 'mute', role: 'video-wall', on: true });
    assert.equal(map.link.videoWallLinked(), true);
    const sent = map.link.sendToVideoWall([camera(3)]);
    await tick(ACK_TIMEOUT_MS);
    assert.equal(await sent, false);
    assert.equal(map.link.videoWallLinked(), false);
  });

  test('malformed and foreign messages change nothing', async () => {
    const channel = bus();
    const map = open(channel, 'map-wall', 'map');
    await signIn(map);
    const wall = open(channel, 'video-wall', 'vw');
    await signIn(wall);
    for (const data of [
      null,
      'hello',
      { type: 'play', from: 'x', to: 'vw', id: '1', cameras: [{ id: 1 }] },
      { type: 'play', from: 'x', to: 'someone-else', id: '1', cameras: [camera(5)] },
      { type: 'session.offer', from: 'x', to: 'vw', id: 'never-asked', session: SESSION },
      { type: 'session.ended', from: 'x' },
      { type: 'presence', from: 'x', role: 'video-wall', on: 'yes' },
    ])
      assert.doesNotThrow(() => channel.inject(data));
    await flush();
    assert.deepEqual(wall.store.getState().video.cells, [null, null, null, null]);
    assert.equal(wall.store.getState().session.status, 'signedIn');
    assert.equal(map.store.getState().session.status, 'signedIn');
  });

  test('a wall window borrows the session, is signed out with it, and follows the next sign-in', async () => {
    const channel = bus();
    const map = open(channel, 'map-wall', 'map');
    const briefing = open(channel, 'briefing', 'br');

    // Nobody signed in: after SESSION_WAIT_MS the login form.
    briefing.link.askForSession();
    assert.equal(briefing.store.getState().wall.session, 'asking');
    await tick(SESSION_WAIT_MS);
    assert.equal(briefing.store.getState().wall.session, 'none');
    assert.equal(briefing.store.getState().session.status, 'anonymous');

    // The map wall signs in: the briefing asks again by itself and gets the session.
    await signIn(map);
    await flush();
    await flush();
    assert.equal(briefing.store.getState().session.status, 'signedIn');
    assert.equal(briefing.auth.token(), SESSION.token);
    assert.equal(briefing.auth.shareable(), null, 'a borrowed session is not offered on');
    // The map wall never takes one, even when offered.
    assert.equal(asksForSession('map-wall', false), false);

    // The map wall signs out: so does the briefing (locally: it has no server session of its own).
    map.auth.logout();
    await flush();
    assert.equal(briefing.store.getState().session.status, 'anonymous');
    assert.equal(briefing.store.getState().wall.session, 'none');
    await signIn(map);
    await flush();
    await flush();
    assert.equal(briefing.store.getState().session.status, 'signedIn');
  });

  test('a session the server refuses is not kept: the login form', async () => {
    const channel = bus();
    const map = open(channel, 'map-wall', 'map');
    await signIn(map);
    valid.delete(SESSION.token);
    try {
      const wall = open(channel, 'video-wall', 'vw');
      wall.link.askForSession();
      await flush();
      await flush();
      await flush();
      assert.equal(wall.store.getState().session.status, 'anonymous');
      assert.equal(wall.auth.token(), null);
      assert.equal(wall.store.getState().wall.session, 'none');
    } finally {
      valid.add(SESSION.token);
    }
  });
});
