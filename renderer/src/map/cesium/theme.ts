// The command hall's 3D scene: dark, night-time, nothing drawn that carries no information. Shared by
// the app's viewer (viewer.ts) and the render benchmark's page, so the benchmark measures the app's scene.
//
// No sky atmosphere: it is a scattering shader run for every pixel the sky shell covers, and from inside
// the shell (any view below ~100 km, i.e. always here) that is the whole screen, also looking straight
// down. On a software GPU it took ~90 ms of a ~160 ms frame of the bare globe (docs/benchmarks.md); on a
// wall at 3840×2160 it is eight times the pixels. The horizon is then the dark background, as in the
// rest of the theme. No ground atmosphere, sun or moon either.
import { Color, type Scene } from 'cesium';

export const THEME = {
  background: Color.fromCssColorString('#050a14'),
  globe: Color.fromCssColorString('#0a1930'),
  accent: Color.fromCssColorString('#22d3ee'),
};

/** Viewer constructor options of the theme (spread into `new Viewer(…, {…})`). */
export const THEME_VIEWER_OPTIONS = { skyBox: false, skyAtmosphere: false } as const;

/** The theme's scene settings, once the viewer exists. */
export function applySceneTheme(scene: Scene): void {
  scene.backgroundColor = THEME.background;
  scene.globe.baseColor = THEME.globe;
  scene.globe.showGroundAtmosphere = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
}
