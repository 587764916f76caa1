// The GeoJSON the map layers read (GET /api/divisions, /api/grid): feature collections of polygons with
// free-form properties. Positions are [lon, lat] (a height may follow).
import { z } from 'zod';

export const Position = z.array(z.number()).min(2);
export const PolygonGeometry = z.object({
  type: z.literal('Polygon'),
  coordinates: z.array(z.array(Position)),
});
export const MultiPolygonGeometry = z.object({
  type: z.literal('MultiPolygon'),
  coordinates: z.array(z.array(z.array(Position))),
});

export const PolygonFeature = z.object({
  geometry: z.discriminatedUnion('type', [PolygonGeometry, MultiPolygonGeometry]).nullable(),
  properties: z.record(z.string(), z.unknown()).nullable(),
});
export type PolygonFeature = z.infer<typeof PolygonFeature>;

export const PolygonCollection = z.object({ features: z.array(PolygonFeature) });
export type PolygonCollection = z.infer<typeof PolygonCollection>;
