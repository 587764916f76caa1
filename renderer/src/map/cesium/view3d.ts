// Applies the camera plan (cameraPlan.ts) to Cesium: the oblique city view, flights to a place that end
// above the roofs at 45°, north-up and the 2D/3D toggle around the point at the screen's centre, wheel
// zoom limits with collision detection, a fixed light so the building walls read at any hour, and no
// "Cesium ion" logo (this app uses no ion service).
import {
  BoundingSphere,
  Cartesian2,
  Cartesian3,
  Credit,
  CreditDisplay,
  DirectionalLight,
  HeadingPitchRange,
  Math as CesiumMath,
  Matrix4,
  Transforms,
  type Camera,
  type Scene,
} from 'cesium';
import { MAX_ZOOM_M, MIN_ZOOM_M, type LookAt } from './cameraPlan';

/** Call before the first Viewer: the credit line names CesiumJS in text instead of the ion logo. */
export function replaceIonLogo(): void {
  CreditDisplay.cesiumCredit = new Credit('CesiumJS', true);
}

export function limitCamera(scene: Scene): void {
  const control = scene.screenSpaceCameraController;
  control.minimumZoomDistance = MIN_ZOOM_M;
  control.maximumZoomDistance = MAX_ZOOM_M;
  control.enableCollisionDetection = true;
}

/**
 * A light from the south-east, high in the sky, fixed to the city (not the real sun, which is below the
 * horizon on a night shift): roofs are bright, south and east walls lit, the others in shade.
 */
export function lightCity(scene: Scene, lon: number, lat: number): void {
  const enu = Transforms.eastNorthUpToFixedFrame(Cartesian3.fromDegrees(lon, lat));
  const local = Cartesian3.normalize(new Cartesian3(-0.45, 0.55, -0.7), new Cartesian3());
  const direction = Matrix4.multiplyByPointAsVector(enu, local, new Cartesian3());
  scene.light = new DirectionalLight({
    direction: Cartesian3.normalize(direction, direction),
    intensity: 2.2,
  });
}

const offset = (view: LookAt) =>
  new HeadingPitchRange(
    CesiumMath.toRadians(view.headingDeg),
    CesiumMath.toRadians(view.pitchDeg),
    view.range,
  );

export function setView(camera: Camera, view: LookAt): void {
  camera.lookAt(Cartesian3.fromDegrees(view.lon, view.lat), offset(view));
  // Free the camera again (lookAt pins it to the point).
  camera.lookAtTransform(Matrix4.IDENTITY);
}

export function flyToView(camera: Camera, view: LookAt, duration: number, complete?: () => void): void {
  camera.flyToBoundingSphere(new BoundingSphere(Cartesian3.fromDegrees(view.lon, view.lat), 1), {
    offset: offset(view),
    duration,
    ...(complete ? { complete } : {}),
  });
}

/** The ground point at the middle of the canvas, with the camera's distance to it (null above the sky). */
export function centrePoint(scene: Scene): { lon: number; lat: number; range: number } | null {
  const canvas = scene.canvas;
  const centre = new Cartesian2(canvas.clientWidth / 2, canvas.clientHeight / 2);
  const ground = scene.camera.pickEllipsoid(centre, scene.globe.ellipsoid);
  if (!ground) return null;
  const carto = scene.globe.ellipsoid.cartesianToCartographic(ground);
  return {
    lon: CesiumMath.toDegrees(carto.longitude),
    lat: CesiumMath.toDegrees(carto.latitude),
    range: Cartesian3.distance(scene.camera.positionWC, ground),
  };
}

/** Turns the view around the point at the screen's centre: heading and pitch given (degrees). */
export function orbitCentre(scene: Scene, headingDeg: number, pitchDeg: number, duration = 0.8): boolean {
  const centre = centrePoint(scene);
  if (!centre) return false;
  flyToView(scene.camera, { ...centre, headingDeg, pitchDeg }, duration);
  scene.requestRender();
  return true;
}

export const currentPitchDeg = (camera: Camera): number => CesiumMath.toDegrees(camera.pitch);
