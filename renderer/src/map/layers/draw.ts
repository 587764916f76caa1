// Cesium drawing helpers the layers share: the palette's CSS colours as engine colours (made once),
// point and billboard collections drawn in the translucent pass only (each item shaded once, see
// cesium/theme.ts), and the dark outline.
import {
  type Billboard,
  BillboardCollection,
  BlendOption,
  Color,
  PointPrimitiveCollection,
  type Scene,
} from 'cesium';
import { OUTLINE as OUTLINE_CSS } from '../palette';

const colours = new Map<string, Color>();

/** The engine colour of a palette entry (CSS), with `alpha`; made once, shared: never change it. */
export function colour(css: string, alpha = 1): Color {
  const key = `${css}/${alpha}`;
  let c = colours.get(key);
  if (!c) colours.set(key, (c = Color.fromCssColorString(css).withAlpha(alpha)));
  return c;
}

export const OUTLINE = colour(OUTLINE_CSS);

export function pointCollection(scene: Scene): PointPrimitiveCollection {
  return scene.primitives.add(
    new PointPrimitiveCollection({ blendOption: BlendOption.TRANSLUCENT }),
  ) as PointPrimitiveCollection;
}

export function billboardCollection(scene: Scene): BillboardCollection {
  return scene.primitives.add(
    new BillboardCollection({ scene, blendOption: BlendOption.TRANSLUCENT }),
  ) as BillboardCollection;
}

/** Removes collections from the scene (those not destroyed yet). */
export function removeAll(scene: Scene, ...collections: Array<{ isDestroyed(): boolean }>): void {
  for (const c of collections) if (!c.isDestroyed()) scene.primitives.remove(c);
}

/**
 * Adds a billboard whose image is shared by id: every billboard with the same `imageId` uses one entry
 * of the collection's texture atlas (a canvas given as `image` would get a new entry each).
 */
export function addSymbol(
  collection: BillboardCollection,
  options: Parameters<BillboardCollection['add']>[0],
  imageId: string,
  image: HTMLCanvasElement,
): Billboard {
  const billboard = collection.add(options);
  billboard.setImage(imageId, image);
  return billboard;
}
