// The per-user limits of the expensive routes (http/route-limits.ts), from the environment:
//   EXPORTS_PER_MINUTE (default 10), PLAYBACK_PER_MINUTE (default 120: a scrubbing time bar seeks often)
export const LIMITED = ['export', 'playback'] as const;
export type Limited = (typeof LIMITED)[number];

export type RouteLimitConfig = Record<Limited, number>;

export function routeLimitConfig(env: NodeJS.ProcessEnv, fail: (message: string) => never): RouteLimitConfig {
  const int = (name: string, fallback: number) => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 100_000)
      fail(`${name} must be an integer 1-100000, got "${raw}"`);
    return n;
  };
  return { export: int('EXPORTS_PER_MINUTE', 10), playback: int('PLAYBACK_PER_MINUTE', 120) };
}
