// deck.gl overlays (heat maps, vehicle tracks, aggregated case points) will live here, reconciled
// from the store like the Cesium layers. Nothing is drawn by deck.gl yet.
export const DECK_LAYERS: readonly string[] = [];
