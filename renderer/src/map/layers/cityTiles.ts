// The city's own base map (XYZ tiles over NaturalEarthII, requested only inside the city's bounds and
// zoom range) and its 3D buildings (3D Tiles 1.1, light slate by height). Public sources: no token.
import {
  Cesium3DTileStyle,
  Cesium3DTileset,
  Credit,
  ImageryLayer,
  Rectangle,
  UrlTemplateImageryProvider,
  type Viewer,
} from 'cesium';

export interface CitySources {
  basemap?: {
    url: string;
    subdomains?: string[];
    minZoom?: number;
    maxZoom?: number;
    credit?: string;
    bounds?: [number, number, number, number];
    available?: boolean;
  };
  buildings?: { url: string; available?: boolean };
}

// Opaque, light slate by height: lit from one side (view3d.ts lightCity), walls and roofs read apart in
// the oblique view; the translucent teal of the top-down view read as flat boxes.
const BUILDING_STYLE = new Cesium3DTileStyle({
  color: {
    conditions: [
      ['${height} >= 60', "color('#dbe4f0')"],
      ['${height} >= 25', "color('#aebcd0')"],
      ['true', "color('#8595ad')"],
    ],
  },
});

/** Absolute URL for a source path ("/tiles/…") on the app's server. */
const absolute = (origin: string, url: string) => (/^https?:/.test(url) ? url : `${origin}${url}`);

/** Adds the city's tiles; resolves to a disposer. Never throws: a missing source leaves the globe. */
export async function addCityTiles(
  viewer: Viewer,
  origin: string,
  onBuildings?: (tileset: Cesium3DTileset) => void,
): Promise<() => void> {
  const disposers: Array<() => void> = [];
  let sources: CitySources;
  try {
    const response = await fetch(`${origin}/api/city/sources`, { headers: { accept: 'application/json' } });
    if (!response.ok) return () => undefined;
    sources = (await response.json()) as CitySources;
  } catch {
    return () => undefined;
  }
  if (viewer.isDestroyed()) return () => undefined;

  const base = sources.basemap;
  if (base && base.available !== false) {
    const bounds = base.bounds;
    const provider = new UrlTemplateImageryProvider({
      url: absolute(origin, base.url),
      subdomains: base.subdomains?.length ? base.subdomains : undefined,
      minimumLevel: base.minZoom ?? 10,
      maximumLevel: base.maxZoom ?? 18,
      rectangle: bounds ? Rectangle.fromDegrees(...bounds) : undefined,
      credit: base.credit ? new Credit(base.credit) : undefined,
    });
    // Below minimumLevel the provider would draw nothing at all: the globe shows through instead.
    const layer = new ImageryLayer(provider, { brightness: 0.72, contrast: 1.1 });
    viewer.imageryLayers.add(layer);
    disposers.push(() => {
      if (!viewer.isDestroyed()) viewer.imageryLayers.remove(layer, true);
    });
  }

  const buildings = sources.buildings;
  if (buildings && buildings.available !== false) {
    try {
      const tileset = await Cesium3DTileset.fromUrl(absolute(origin, buildings.url), {
        maximumScreenSpaceError: 24,
        // The camera stops at the roofs instead of flying through them (with the controller's collision).
        enableCollision: true,
      });
      if (viewer.isDestroyed()) return () => undefined;
      tileset.style = BUILDING_STYLE;
      viewer.scene.primitives.add(tileset);
      onBuildings?.(tileset);
      disposers.push(() => {
        if (!viewer.isDestroyed()) viewer.scene.primitives.remove(tileset);
      });
    } catch (error) {
      console.warn('3D buildings unavailable', error);
    }
  }
  viewer.scene.requestRender();
  return () => {
    for (const dispose of disposers) dispose();
  };
}
