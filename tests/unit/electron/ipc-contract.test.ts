import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  IPC_CHANNELS,
  IpcValidationError,
  parseArgs,
  parseResult,
  PRELOAD_API,
  validateInvoke,
  type IpcChannel,
} from '../../../electron/main/ipc-contract';
import { DEFAULT_LAYOUT } from '../../../electron/main/wall-layout';

const ALARM = { level: 1, title: '主干道积水 Road flooding', body: '人民路与解放路口积水深约 30 cm。' };

/** For every channel: arguments that must pass, and arguments that must fail with a message matching. */
const CASES: Record<IpcChannel, { valid: unknown[][]; invalid: [unknown, RegExp][] }> = {
  'app:getInfo': {
    valid: [[]],
    invalid: [
      [['x'], /takes 0 argument\(s\), got 1/],
      ['not an array', /invalid arguments/],
    ],
  },
  'wall:getLayout': { valid: [[]], invalid: [[[{}], /takes 0 argument\(s\), got 1/]] },
  'wall:saveLayout': {
    valid: [
      [DEFAULT_LAYOUT],
      [{ version: 1, windows: [{ displayId: 42, role: 'video-wall', mode: 'kiosk', route: '/v' }] }],
    ],
    invalid: [
      [[], /takes 1 argument\(s\), got 0/],
      [[{ version: 1, windows: [] }], /argument 1\.windows/],
      [[{ version: 1, windows: [{ displayIndex: 0, role: 'map-wall', mode: 'tv', route: '/' }] }], /mode/],
      [
        [
          {
            version: 1,
            windows: [{ displayIndex: 0, role: 'map-wall', mode: 'kiosk', route: 'http://evil/' }],
          },
        ],
        /route/,
      ],
      [[{ ...DEFAULT_LAYOUT, owner: 'x' }], /Unrecognized key/],
      [[DEFAULT_LAYOUT, DEFAULT_LAYOUT], /takes 1 argument\(s\), got 2/],
    ],
  },
  'window:setFullscreen': {
    valid: [[true], [false]],
    invalid: [
      [[], /takes 1 argument\(s\), got 0/],
      [['true'], /argument 1: .*boolean/],
      [[1], /argument 1: .*boolean/],
      [[null], /argument 1/],
    ],
  },
  'window:toggleKiosk': { valid: [[]], invalid: [[[true], /takes 0 argument\(s\), got 1/]] },
  'drill:openWindow': {
    valid: [['http://127.0.0.1:41234/']],
    invalid: [
      [[], /takes 1 argument\(s\), got 0/],
      [[''], /argument 1/],
      [['x'.repeat(2049)], /argument 1/],
      [[41234], /argument 1/],
    ],
  },
  'notify:alarm': {
    valid: [
      [ALARM],
      [{ level: 4, title: 'T', body: '' }],
      [{ ...ALARM, title: 'x'.repeat(200), body: 'y'.repeat(1000) }],
    ],
    invalid: [
      [[], /takes 1 argument\(s\), got 0/],
      [[{ ...ALARM, level: 0 }], /argument 1\.level/],
      [[{ ...ALARM, level: 5 }], /argument 1\.level/],
      [[{ ...ALARM, level: 2.5 }], /argument 1\.level/],
      [[{ ...ALARM, level: '1' }], /argument 1\.level/],
      [[{ ...ALARM, title: 'x'.repeat(201) }], /argument 1\.title: .*200/],
      [[{ ...ALARM, title: '   ' }], /argument 1\.title/],
      [[{ ...ALARM, body: 'y'.repeat(1001) }], /argument 1\.body: .*1000/],
      [[{ level: 1, title: 'T' }], /argument 1\.body/],
      [[{ ...ALARM, html: '<img onerror=alert(1)>' }], /Unrecognized key.*html/],
      [['title only'], /argument 1/],
    ],
  },
};

describe('validateInvoke', () => {
  test('the cases above cover exactly the channels of the contract', () => {
    assert.deepEqual(Object.keys(CASES).sort(), [...IPC_CHANNELS].sort());
  });

  for (const channel of IPC_CHANNELS) {
    test(`${channel}: valid arguments pass, invalid ones fail with a clear message`, () => {
      for (const args of CASES[channel].valid) {
        const check = validateInvoke(channel, args);
        assert.equal(
          check.ok,
          true,
          `${channel} ${JSON.stringify(args)}: ${check.ok ? '' : check.error.message}`,
        );
        if (check.ok) assert.equal(check.call.channel, channel);
      }
      for (const [args, message] of CASES[channel].invalid) {
        const check = validateInvoke(channel, args);
        assert.equal(check.ok, false, `${channel} accepted ${JSON.stringify(args).slice(0, 80)}`);
        if (!check.ok) {
          assert.equal(check.error.code, 'invalid-args');
          assert.match(check.error.message, message);
          assert.match(check.error.message, new RegExp(channel));
        }
      }
    });
  }

  test('unknown channels are rejected, including prototype keys and look-alikes', () => {
    for (const channel of [
      'shell:openExternal',
      'app:getinfo',
      'toString',
      '__proto__',
      'constructor',
      '',
      42,
      null,
    ]) {
      const check = validateInvoke(channel, []);
      assert.equal(check.ok, false, String(channel));
      if (!check.ok) {
        assert.equal(check.error.code, 'unknown-channel');
        assert.match(check.error.message, /unknown IPC channel/);
      }
    }
  });

  test('parsed arguments are what the handler gets: trimmed title, no extra data', () => {
    const check = validateInvoke('notify:alarm', [{ ...ALARM, title: '  积水  ' }]);
    assert.equal(check.ok, true);
    if (check.ok && check.call.channel === 'notify:alarm') assert.equal(check.call.args[0].title, '积水');
  });

  test('parseArgs throws a typed error', () => {
    assert.throws(
      () => parseArgs('window:setFullscreen', ['yes']),
      (error: unknown) => error instanceof IpcValidationError && error.code === 'invalid-args',
    );
  });
});

describe('results and the preload API', () => {
  test('results are checked against the contract', () => {
    assert.deepEqual(
      parseResult('app:getInfo', { version: '0.1.0', platform: 'win32', wallRole: 'map-wall' }),
      {
        version: '0.1.0',
        platform: 'win32',
        wallRole: 'map-wall',
      },
    );
    assert.throws(
      () => parseResult('app:getInfo', { version: '0.1.0', platform: 'win32', wallRole: 'cinema' }),
      /wallRole/,
    );
    assert.throws(() => parseResult('window:toggleKiosk', { kiosk: 'yes' }), IpcValidationError);
  });

  test('every channel has exactly one named preload function, and nothing else is exposed', () => {
    const bound = Object.values(PRELOAD_API);
    assert.deepEqual([...bound].sort(), [...IPC_CHANNELS].sort());
    assert.equal(new Set(bound).size, bound.length);
    for (const name of Object.keys(PRELOAD_API)) assert.doesNotMatch(name, /invoke|send|ipc/i);
  });
});
