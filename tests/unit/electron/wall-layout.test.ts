import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { readLayoutFile, writeLayoutFile } from '../../../electron/main/layout-store';
import {
  DEFAULT_LAYOUT,
  diffPlans,
  orderDisplays,
  parseLayoutFile,
  planWall,
  WallLayout,
  type DisplayInfo,
  type WindowSpec,
} from '../../../electron/main/wall-layout';

// A 2×2 video wall to the right of the operator's primary screen; ids as Windows reports them.
const PRIMARY: DisplayInfo = {
  id: 2528732444,
  bounds: { x: 0, y: 0, width: 2560, height: 1440 },
  primary: true,
};
const WALL_A: DisplayInfo = { id: 11, bounds: { x: 2560, y: 0, width: 1920, height: 1080 }, primary: false };
const WALL_B: DisplayInfo = { id: 12, bounds: { x: 4480, y: 0, width: 1920, height: 1080 }, primary: false };
const WALL_C: DisplayInfo = {
  id: 13,
  bounds: { x: 2560, y: 1080, width: 1920, height: 1080 },
  primary: false,
};

function layout(...windows: WindowSpec[]): WallLayout {
  return WallLayout.parse({ version: 1, windows });
}

describe('planWall', () => {
  test('one display, no saved layout: one map wall on it, with the display bounds', () => {
    const plan = planWall(null, [PRIMARY]);
    assert.deepEqual(plan.windows, [
      {
        displayId: PRIMARY.id,
        role: 'map-wall',
        mode: 'fullscreen',
        route: '/',
        bounds: PRIMARY.bounds,
        source: 'layout',
      },
    ]);
    assert.deepEqual(plan.warnings, []);
  });

  test('no saved layout puts the map wall on the primary display even when it is not listed first', () => {
    const plan = planWall(null, [WALL_B, WALL_A, PRIMARY]);
    assert.deepEqual(
      plan.windows.map((w) => [w.displayId, w.role]),
      [
        [PRIMARY.id, 'map-wall'],
        [WALL_A.id, 'video-wall'],
        [WALL_B.id, 'briefing'],
      ],
    );
  });

  test('two displays with a saved layout by id, kiosk and windowed modes kept', () => {
    const saved = layout(
      { displayId: WALL_A.id, role: 'map-wall', mode: 'kiosk', route: '/' },
      { displayId: PRIMARY.id, role: 'briefing', mode: 'windowed', route: '/briefing' },
    );
    const plan = planWall(saved, [PRIMARY, WALL_A]);
    assert.deepEqual(
      plan.windows.map((w) => ({
        id: w.displayId,
        role: w.role,
        mode: w.mode,
        route: w.route,
        bounds: w.bounds,
      })),
      [
        { id: PRIMARY.id, role: 'briefing', mode: 'windowed', route: '/briefing', bounds: PRIMARY.bounds },
        { id: WALL_A.id, role: 'map-wall', mode: 'kiosk', route: '/', bounds: WALL_A.bounds },
      ],
    );
    assert.deepEqual(plan.warnings, []);
  });

  test('three displays by index: index 0 is the primary, then left to right', () => {
    const saved = layout(
      { displayIndex: 0, role: 'briefing', mode: 'windowed', route: '/' },
      { displayIndex: 1, role: 'map-wall', mode: 'fullscreen', route: '/' },
      { displayIndex: 2, role: 'video-wall', mode: 'kiosk', route: '/video' },
    );
    const plan = planWall(saved, [WALL_B, PRIMARY, WALL_A]);
    assert.deepEqual(
      plan.windows.map((w) => [w.displayId, w.role, w.mode]),
      [
        [PRIMARY.id, 'briefing', 'windowed'],
        [WALL_A.id, 'map-wall', 'fullscreen'],
        [WALL_B.id, 'video-wall', 'kiosk'],
      ],
    );
    for (const w of plan.windows) {
      const display = [PRIMARY, WALL_A, WALL_B].find((d) => d.id === w.displayId);
      assert.deepEqual(w.bounds, display?.bounds);
    }
  });

  test('four displays, layout for one: exactly one window per display, defaults alternate', () => {
    const saved = layout({ displayId: PRIMARY.id, role: 'map-wall', mode: 'fullscreen', route: '/' });
    const plan = planWall(saved, [PRIMARY, WALL_A, WALL_B, WALL_C]);
    assert.equal(plan.windows.length, 4);
    assert.equal(new Set(plan.windows.map((w) => w.displayId)).size, 4);
    assert.deepEqual(
      plan.windows.map((w) => [w.displayId, w.role, w.source]),
      [
        [PRIMARY.id, 'map-wall', 'layout'],
        [WALL_A.id, 'video-wall', 'default'],
        [WALL_C.id, 'briefing', 'default'], // same column as WALL_A, below it
        [WALL_B.id, 'video-wall', 'default'],
      ],
    );
  });

  test('a saved display that is disconnected moves its window to a free display, with a warning', () => {
    const saved = layout(
      { displayId: PRIMARY.id, role: 'briefing', mode: 'windowed', route: '/' },
      { displayId: 999, role: 'map-wall', mode: 'kiosk', route: '/' },
    );
    const plan = planWall(saved, [PRIMARY, WALL_A]);
    const moved = plan.windows.find((w) => w.role === 'map-wall');
    assert.equal(moved?.displayId, WALL_A.id);
    assert.equal(moved?.source, 'moved');
    assert.equal(moved?.mode, 'kiosk');
    assert.deepEqual(moved?.bounds, WALL_A.bounds);
    assert.ok(plan.warnings.some((w) => w.includes('display id 999 is not connected')));
  });

  test('a disconnected display with no free display left is skipped, never doubled up', () => {
    const saved = layout(
      { displayId: PRIMARY.id, role: 'map-wall', mode: 'fullscreen', route: '/' },
      { displayId: 999, role: 'video-wall', mode: 'fullscreen', route: '/' },
    );
    const plan = planWall(saved, [PRIMARY]);
    assert.deepEqual(
      plan.windows.map((w) => w.role),
      ['map-wall'],
    );
    assert.ok(plan.warnings.some((w) => w.includes('skipped: no free display')));
  });

  test('a map wall with nowhere to go takes the primary display rather than vanish', () => {
    const saved = layout(
      { displayId: WALL_A.id, role: 'map-wall', mode: 'kiosk', route: '/' },
      { displayId: PRIMARY.id, role: 'briefing', mode: 'windowed', route: '/briefing' },
    );
    const plan = planWall(saved, [PRIMARY]);
    assert.deepEqual(
      plan.windows.map((w) => [w.displayId, w.role, w.mode, w.source]),
      [[PRIMARY.id, 'map-wall', 'kiosk', 'moved']],
    );
    assert.ok(plan.warnings.some((w) => w.includes('replacing the briefing window')));
  });

  test('two entries for the same display: the first keeps it, the second moves', () => {
    const saved = layout(
      { displayId: WALL_A.id, role: 'map-wall', mode: 'fullscreen', route: '/' },
      { displayIndex: 1, role: 'video-wall', mode: 'fullscreen', route: '/' }, // index 1 is WALL_A too
    );
    const plan = planWall(saved, [PRIMARY, WALL_A]);
    assert.deepEqual(
      plan.windows.map((w) => [w.displayId, w.role, w.source]),
      [
        [PRIMARY.id, 'video-wall', 'moved'],
        [WALL_A.id, 'map-wall', 'layout'],
      ],
    );
    assert.ok(plan.warnings.some((w) => w.includes('already used')));
  });

  test('a moved entry does not take a display another entry names explicitly', () => {
    const saved = layout(
      { displayId: 999, role: 'map-wall', mode: 'fullscreen', route: '/' },
      { displayId: WALL_A.id, role: 'video-wall', mode: 'fullscreen', route: '/' },
    );
    const plan = planWall(saved, [PRIMARY, WALL_A]);
    assert.deepEqual(
      plan.windows.map((w) => [w.displayId, w.role]),
      [
        [PRIMARY.id, 'map-wall'],
        [WALL_A.id, 'video-wall'],
      ],
    );
  });

  test('duplicate display ids from the system are used once', () => {
    const plan = planWall(null, [PRIMARY, { ...PRIMARY, bounds: { x: 9, y: 9, width: 10, height: 10 } }]);
    assert.equal(plan.windows.length, 1);
    assert.deepEqual(plan.windows[0]?.bounds, PRIMARY.bounds);
    assert.ok(plan.warnings.some((w) => w.includes('listed twice')));
  });

  test('forceMode (the --kiosk flag) overrides every mode', () => {
    const saved = layout({ displayIndex: 0, role: 'map-wall', mode: 'windowed', route: '/' });
    const plan = planWall(saved, [PRIMARY, WALL_A], { forceMode: 'kiosk' });
    assert.deepEqual(
      plan.windows.map((w) => w.mode),
      ['kiosk', 'kiosk'],
    );
  });

  test('no usable display: no windows and a warning', () => {
    const plan = planWall(null, [{ id: 1, bounds: { x: 0, y: 0, width: 0, height: 0 }, primary: true }]);
    assert.deepEqual(plan.windows, []);
    assert.ok(plan.warnings.some((w) => w.includes('no usable display')));
  });

  test('displays without a primary flag are ordered by position', () => {
    const ordered = orderDisplays([
      { ...WALL_B, primary: false },
      { ...PRIMARY, primary: false },
    ]);
    assert.deepEqual(
      ordered.displays.map((d) => d.id),
      [PRIMARY.id, WALL_B.id],
    );
  });
});

describe('layout file', () => {
  test('no file: the default layout, no warning', () => {
    assert.deepEqual(parseLayoutFile(null), { layout: DEFAULT_LAYOUT, isDefault: true, warnings: [] });
  });

  test('invalid JSON falls back to the default with a warning', () => {
    const loaded = parseLayoutFile('{ "version": 1, "windows": [ ');
    assert.equal(loaded.isDefault, true);
    assert.deepEqual(loaded.layout, DEFAULT_LAYOUT);
    assert.match(loaded.warnings[0] ?? '', /not valid JSON/);
  });

  test('valid JSON with a wrong shape falls back and names the problem', () => {
    const text = JSON.stringify({
      version: 1,
      windows: [{ displayIndex: 0, role: 'cinema', mode: 'kiosk', route: '/' }],
    });
    const loaded = parseLayoutFile(text);
    assert.equal(loaded.isDefault, true);
    assert.match(loaded.warnings[0] ?? '', /windows\.0\.role/);
  });

  test('entries must name exactly one display and a same-origin route', () => {
    const bad: unknown[] = [
      { role: 'map-wall', mode: 'kiosk', route: '/' },
      { displayId: 1, displayIndex: 0, role: 'map-wall', mode: 'kiosk', route: '/' },
      { displayIndex: 0, role: 'map-wall', mode: 'kiosk', route: '//evil.example/' },
      { displayIndex: 0, role: 'map-wall', mode: 'kiosk', route: '/\\evil.example/' },
      { displayIndex: 0, role: 'map-wall', mode: 'kiosk', route: 'https://evil.example/' },
      { displayIndex: 0, role: 'map-wall', mode: 'kiosk', route: 'javascript:alert(1)' },
      { displayIndex: 0, role: 'map-wall', mode: 'kiosk', route: '/', extra: true },
    ];
    for (const entry of bad) {
      assert.equal(
        WallLayout.safeParse({ version: 1, windows: [entry] }).success,
        false,
        JSON.stringify(entry),
      );
    }
    assert.equal(WallLayout.safeParse({ version: 1, windows: [] }).success, false);
    assert.equal(WallLayout.safeParse({ version: 2, windows: DEFAULT_LAYOUT.windows }).success, false);
  });

  test('write then read round-trips; an unreadable path falls back with a warning', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wall-layout-'));
    try {
      const file = path.join(dir, 'nested', 'wall-layout.json');
      const saved = layout({ displayId: 7, role: 'video-wall', mode: 'kiosk', route: '/video' });
      writeLayoutFile(file, saved);
      assert.deepEqual(readLayoutFile(file), { layout: saved, isDefault: false, warnings: [] });
      assert.deepEqual(readLayoutFile(path.join(dir, 'missing.json')).warnings, []);
      const asDirectory = readLayoutFile(dir);
      assert.equal(asDirectory.isDefault, true);
      assert.match(asDirectory.warnings[0] ?? '', /cannot read/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('diffPlans', () => {
  test('keeps identical windows, replaces changed ones, closes removed ones', () => {
    const before = planWall(null, [PRIMARY, WALL_A, WALL_B]).windows;
    const after = planWall(null, [PRIMARY, { ...WALL_A, bounds: { ...WALL_A.bounds, width: 1280 } }]).windows;
    const changes = diffPlans(before, after);
    assert.deepEqual(
      changes.keep.map((w) => w.displayId),
      [PRIMARY.id],
    );
    assert.deepEqual(changes.close.map((w) => w.displayId).sort(), [WALL_A.id, WALL_B.id].sort());
    assert.deepEqual(
      changes.open.map((w) => [w.displayId, w.bounds.width]),
      [[WALL_A.id, 1280]],
    );
  });
});
