// A plausible value for a JSON schema (as the OpenAPI document gives them), and malformed variants of it
// field by field: the schema-aware half of the fuzz test reaches past a route's first validation.
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  minimum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  minLength?: number;
  format?: string;
  pattern?: string;
  default?: unknown;
};

const PATTERNED: Array<[RegExp, string]> = [
  [/\\d\{6\}/, '320508'],
  [/\\d\{9\}/, '320508001'],
  [/\\d\{4\}-\\d\{2\}/, '2026-11-20'],
  [/a-z0-9/, 'fuzz.user'],
];

export function sample(schema: Schema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return null;
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  if (schema.default !== undefined) return schema.default;
  const alt = schema.anyOf ?? schema.oneOf;
  if (alt?.length) return sample(alt.find((s) => s.type !== 'null') ?? alt[0], depth + 1);
  if (schema.allOf?.length) return sample(schema.allOf[0], depth + 1);
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, prop] of Object.entries(schema.properties ?? {})) out[key] = sample(prop, depth + 1);
      return out;
    }
    case 'array':
      return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => sample(schema.items, depth + 1));
    case 'integer':
    case 'number':
      return Math.max(1, schema.minimum ?? (schema.exclusiveMinimum ?? 0) + 1);
    case 'boolean':
      return true;
    case 'string': {
      if (schema.format === 'date-time') return '2026-11-23T02:00:00Z';
      const known = PATTERNED.find(([re]) => schema.pattern && re.test(schema.pattern));
      if (known) return known[1];
      return 'x'.repeat(Math.max(8, schema.minLength ?? 1));
    }
    default:
      return null;
  }
}

const BAD_VALUES: unknown[] = [
  null,
  -1,
  0,
  1e308,
  '',
  'x'.repeat(100_000),
  '\u0000\ud800',
  '%E0%A4%A',
  [],
  [null],
  {},
  { __proto__: { admin: true } },
  true,
  '2099-01-01T00:00:00Z',
  '../../etc/passwd',
];

/** The sample, then the sample with each top-level field replaced by each bad value, then extra fields. */
export function variants(schema: Schema | undefined): unknown[] {
  const base = sample(schema);
  const out: unknown[] = [base];
  if (base && typeof base === 'object' && !Array.isArray(base)) {
    for (const key of Object.keys(base)) {
      for (const bad of BAD_VALUES) out.push({ ...base, [key]: bad });
      const { [key]: _dropped, ...rest } = base as Record<string, unknown>;
      out.push(rest);
    }
    out.push({ ...base, unexpected: 1, constructor: { prototype: 1 } });
  }
  return out;
}
