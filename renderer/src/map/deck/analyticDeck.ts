// One setup for every 2D analytic deck.gl view (ADR 0009): a canvas sized by its box, an
// OrthographicView over metres around the city centre (no basemap, no Cesium camera), fitted to the
// city's bounds, with the city outline drawn over the view's own layers. deck.gl is loaded on demand.
// Used by the case-density heat view, the briefing's hot spots and its vehicle tracks.
import type * as DeckCore from '@deck.gl/core';
import type { Deck, Layer, OrthographicView } from '@deck.gl/core';
import type * as DeckLayers from '@deck.gl/layers';
import type { CityConfig } from '@contract/http';
import { fitBounds, project } from './heat';

export interface DeckModules {
  core: typeof DeckCore;
  layers: typeof DeckLayers;
}

export interface AnalyticDeck {
  deck: Deck<OrthographicView>;
  /** Replaces the view's own layers (the outline stays on top). */
  setLayers(layers: Layer[]): void;
  finalize(): void;
}

export interface AnalyticDeckOptions {
  canvas: HTMLCanvasElement;
  city: Pick<CityConfig, 'center' | 'bounds'>;
  /** the view's id */
  id: string;
  layers: Layer[];
  onAfterRender?: () => void;
}

/** deck.gl's core and basic layers, loaded once on first use. */
export async function loadDeck(): Promise<DeckModules> {
  const [core, layers] = await Promise.all([import('@deck.gl/core'), import('@deck.gl/layers')]);
  return { core, layers };
}

/** The city's bounds as a closed ring in the view's metres. */
export function cityOutline(city: Pick<CityConfig, 'center' | 'bounds'>): [number, number][] {
  const [w, s, e, n] = city.bounds;
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ].map(([lon = 0, lat = 0]) => project(lon, lat, city.center));
}

export function createAnalyticDeck(mods: DeckModules, options: AnalyticDeckOptions): AnalyticDeck {
  const { canvas, city, id, onAfterRender } = options;
  const { Deck, OrthographicView, COORDINATE_SYSTEM } = mods.core;
  // A previous deck fixed the canvas's size in pixels: let the box size it again.
  canvas.style.width = '';
  canvas.style.height = '';
  const outline = new mods.layers.PathLayer<{ path: [number, number][] }>({
    id: 'city-outline',
    data: [{ path: cityOutline(city) }],
    coordinateSystem: COORDINATE_SYSTEM.CARTESIAN,
    getPath: (d) => d.path,
    getColor: [34, 211, 238, 200],
    getWidth: 2,
    widthUnits: 'pixels',
  });
  const deck = new Deck({
    canvas,
    width: canvas.clientWidth,
    height: canvas.clientHeight,
    views: new OrthographicView({ id, flipY: false }),
    initialViewState: fitBounds(city.bounds, city.center, canvas.clientWidth, canvas.clientHeight),
    controller: true,
    layers: [...options.layers, outline],
    onAfterRender,
  });
  return {
    deck,
    setLayers: (layers) => deck.setProps({ layers: [...layers, outline] }),
    finalize: () => deck.finalize(),
  };
}
