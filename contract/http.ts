import { z } from 'zod';

export const Health = z.object({
  status: z.enum(['ok', 'degraded']),
  node: z.string(),
  version: z.string(),
  uptimeS: z.number(),
  database: z.object({ provider: z.enum(['sqlite', 'postgresql']), ok: z.boolean() }),
  simulator: z.boolean(),
});
export type Health = z.infer<typeof Health>;

/** A message for people: Simplified Chinese and English; clients show the half of their language. */
export const LocalizedText = z.object({ zh: z.string(), en: z.string() });
export type LocalizedText = z.infer<typeof LocalizedText>;
/** A message as a client holds it: the server's { zh, en }, or a text of its own ("中文 / English"). */
export type ServerText = string | LocalizedText;

/**
 * Every 4xx/5xx body of the REST API has this shape: a code for programs and a message that says what to
 * fix, in both languages (never a stack trace or a path). Open311 keeps the GeoReport format.
 */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: LocalizedText,
    details: z.unknown().optional(),
  }),
});
export type ApiError = z.infer<typeof ApiError>;

/** Public city configuration the renderer reads at start. */
export const CityConfig = z.object({
  name: z.string(),
  nameEn: z.string(),
  center: z.object({ lon: z.number(), lat: z.number() }),
  /** [west, south, east, north] in degrees */
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  drill: z.boolean(),
});
export type CityConfig = z.infer<typeof CityConfig>;
