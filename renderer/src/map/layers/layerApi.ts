// What a layer's data step may use of the REST client (live/api.ts ApiClient): a GET whose answer is
// checked with a zod schema. Kept apart from context.ts so data modules (and their Node tests) need no
// engine or service types.
import type { z } from 'zod';

export interface LayerApi {
  get<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>>;
}
