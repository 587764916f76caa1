import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DEFAULT_SERVER_ORIGIN, serverOrigin, wallRole } from '../../../renderer/src/services/endpoint';
import { cesiumBuildDir, resolveCesiumFile } from '../../../renderer/build/cesiumStatic';

describe('server origin', () => {
  test('over http(s) the renderer talks to its own origin, whatever the query says', () => {
    const location = {
      protocol: 'http:',
      origin: 'http://127.0.0.1:5871',
      search: '?server=http://evil.example',
    };
    assert.equal(serverOrigin(location), 'http://127.0.0.1:5871');
  });

  test('from file:// or app:// the server parameter is used when it is an http(s) URL', () => {
    assert.equal(
      serverOrigin({ protocol: 'app:', origin: 'null', search: '?server=http://10.0.0.5:5870/x' }),
      'http://10.0.0.5:5870',
    );
    assert.equal(
      serverOrigin({ protocol: 'file:', origin: 'null', search: '?server=javascript:alert(1)' }),
      DEFAULT_SERVER_ORIGIN,
    );
    assert.equal(
      serverOrigin({ protocol: 'file:', origin: 'null', search: '?server=not a url' }),
      DEFAULT_SERVER_ORIGIN,
    );
    assert.equal(serverOrigin({ protocol: 'file:', origin: 'null', search: '' }), DEFAULT_SERVER_ORIGIN);
  });
});

describe('wall window role', () => {
  test('absent or unknown is the map wall; the three roles are read, case and spaces ignored', () => {
    assert.equal(wallRole(''), 'map-wall');
    assert.equal(wallRole('?map=off'), 'map-wall');
    assert.equal(wallRole('?wall=video-wall'), 'video-wall');
    assert.equal(wallRole('?wall=briefing&map=off'), 'briefing');
    assert.equal(wallRole('wall=map-wall'), 'map-wall');
    assert.equal(wallRole('?wall=%20Video-Wall%20'), 'video-wall');
    assert.equal(wallRole('?wall=cinema'), 'map-wall');
    assert.equal(wallRole('?wall='), 'map-wall');
    assert.equal(wallRole('?wall=%E0%A4%A'), 'map-wall');
    assert.equal(wallRole('?wall=briefing&wall=video-wall'), 'briefing', 'the first one counts');
    assert.equal(wallRole('?wall=__proto__'), 'map-wall');
  });
});

describe('Cesium static files', () => {
  const dir = cesiumBuildDir(process.cwd());

  test('maps /cesium/<Workers|Assets|ThirdParty|Widgets>/… into the Cesium build', () => {
    assert.equal(
      resolveCesiumFile(dir, 'cesium', '/cesium/Assets/Textures/NaturalEarthII/tilemapresource.xml'),
      path.join(dir, 'Assets', 'Textures', 'NaturalEarthII', 'tilemapresource.xml'),
    );
  });

  test('refuses other folders and path traversal', () => {
    assert.equal(resolveCesiumFile(dir, 'cesium', '/cesium/Cesium.js'), null);
    assert.equal(resolveCesiumFile(dir, 'cesium', '/cesium/Assets/../../../../package.json'), null);
    assert.equal(resolveCesiumFile(dir, 'cesium', '/cesium/Assets/%2e%2e/%2e%2e/x'), null);
    assert.equal(resolveCesiumFile(dir, 'cesium', '/cesium/Assets/%E0%A4%A'), null);
    assert.equal(resolveCesiumFile(dir, 'cesium', '/assets/index.js'), null);
  });
});
