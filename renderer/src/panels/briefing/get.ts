// The briefing's loaders take this: a GET through the one REST client (services/api.ts), its answer
// checked against `schema`, so a wrong answer is an error, not a broken chart.
import type { z } from 'zod';

export type Get = <S extends z.ZodType>(path: string, schema: S) => Promise<z.infer<S>>;
