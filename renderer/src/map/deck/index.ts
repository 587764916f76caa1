// deck.gl views, reconciled from the store like the Cesium layers. Today: the case-density heat view,
// a separate 2D analytic view (HeatView.tsx), not an overlay on the Cesium camera (ADR 0009).
export const DECK_LAYERS: readonly string[] = ['case-heat', 'city-outline'];
