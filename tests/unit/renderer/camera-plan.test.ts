// The camera plan: an oblique city view, focused places seen from above the roofs, the 2D/3D toggle.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  cameraHeight,
  cityView,
  focusView,
  MIN_ZOOM_M,
  OBLIQUE_PITCH_DEG,
  TOP_PITCH_DEG,
  toggledPitch,
} from '../../../renderer/src/map/cesium/cameraPlan';

const BOUNDS: [number, number, number, number] = [119.13, 34.57, 119.23, 34.63];

describe('camera plan', () => {
  test('the city opens oblique, north up, far enough to see its bounds', () => {
    const view = cityView(BOUNDS);
    assert.equal(view.pitchDeg, OBLIQUE_PITCH_DEG);
    assert.equal(view.headingDeg, 0);
    assert.ok(view.range > 9_000, `range ${view.range}`);
    assert.ok(view.lon > (BOUNDS[0] + BOUNDS[2]) / 2, 'a little east of the centre (panel on the right)');
  });

  test('a focused place is seen at 45° from above the tallest buildings, never from inside one', () => {
    const view = focusView({ lon: 119.18, lat: 34.6 }, { left: 0, right: 1920 }, 1920);
    assert.equal(view.pitchDeg, -45);
    assert.ok(cameraHeight(view.range, view.pitchDeg) > 500);
    assert.ok(cameraHeight(view.range, view.pitchDeg) > MIN_ZOOM_M);
    assert.equal(view.lon, 119.18, 'no shift when nothing covers the map');
    const shifted = focusView({ lon: 119.18, lat: 34.6 }, { left: 0, right: 960 }, 1920);
    assert.ok(shifted.lon > 119.18, 'a panel on the right: the camera looks east of the place');
  });

  test('the 2D/3D toggle switches between top-down and oblique', () => {
    assert.equal(toggledPitch(-45), TOP_PITCH_DEG);
    assert.equal(toggledPitch(-89.9), OBLIQUE_PITCH_DEG);
  });
});
