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

/** Every 4xx/5xx body has this shape: a code for programs and a message that says what to fix. */
export const ApiError = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
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
