// The command hall's 3D scene: dark, night-time, nothing drawn that carries no information. Shared by
// the app's viewer (viewer.ts) and the render benchmark's page, so the benchmark measures the app's scene.
//
// No sky atmosphere: it is a scattering shader run for every pixel the sky shell covers, and from inside
// the shell (any view below ~100 km, i.e. always here) that is the whole screen, also looking straight
// down. On a software GPU it took ~90 ms of a ~160 ms frame of the bare globe (docs/benchmarks.md); on a
// wall at 3840×2160 it is eight times the pixels. The horizon is then the dark background, as in the
// rest of the theme. No ground atmosphere, sun or moon either.
//
// Antialiasing: Cesium draws every frame into its own multisampled framebuffer (`msaaSamples`, 4) and
// copies the result to the canvas in one full-screen pass, so a multisampled canvas as well (WebGL's
// default `antialias: true`) only adds a second resolve of an image that is already smooth. The canvas
// is therefore created without it (on WebGL 1, which has no multisampled framebuffers, that means no
// antialiasing; Chromium and Electron give WebGL 2). On a software GPU (SwiftShader, llvmpipe: no GPU in the machine,
// every pixel rasterised on the CPU) Cesium's own MSAA goes too: it is a quarter of such a frame, and
// a map that answers beats smooth edges (docs/benchmarks.md).
//
// No order-independent translucency: it clears two extra full-screen buffers and composites them every
// frame, and what is translucent here (view cones, grid cells, point edges) lies flat on the ground,
// where Cesium's back-to-front blending is right. Point collections draw in the translucent pass only
// (layers/draw.ts `pointCollection`), so each point is shaded once instead of once per pass.
import { Color, type Scene } from 'cesium';
import { SCENE_COLOURS } from '../palette';

export const THEME = {
  background: Color.fromCssColorString(SCENE_COLOURS.background),
  globe: Color.fromCssColorString(SCENE_COLOURS.globe),
  accent: Color.fromCssColorString(SCENE_COLOURS.accent),
};

/** Viewer constructor options of the theme (spread into `new Viewer(…, {…})`); a new object each time,
 * as Cesium writes its own defaults into `contextOptions.webgl`. */
export function themeViewerOptions() {
  return {
    skyBox: false as const,
    skyAtmosphere: false as const,
    contextOptions: { webgl: { antialias: false } },
    orderIndependentTranslucency: false,
  };
}

const SOFTWARE_RENDERERS = /swiftshader|llvmpipe|softpipe|software/i;

/** Whether the canvas's WebGL context rasterises on the CPU (by the renderer string it reports). */
export function softwareRenderer(canvas: HTMLCanvasElement): boolean {
  // getContext of the type the canvas already has returns that context (and null for another type).
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  return SOFTWARE_RENDERERS.test(renderer);
}

/** The theme's scene settings, once the viewer exists. */
export function applySceneTheme(scene: Scene): void {
  scene.backgroundColor = THEME.background;
  scene.globe.baseColor = THEME.globe;
  scene.globe.showGroundAtmosphere = false;
  if (scene.sun) scene.sun.show = false;
  if (scene.moon) scene.moon.show = false;
  if (softwareRenderer(scene.canvas)) scene.msaaSamples = 1;
}
