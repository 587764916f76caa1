// Names that tell cameras apart in a list: a name that repeats (several "工地-K464" on one site) gets
// the camera's serial (the last six digits of its GB/T 28181 ID) as "工地-K464 #12". Pure.

export function distinctNames<T extends { id: string; name: string }>(
  cameras: readonly T[],
): Map<string, string> {
  const seen = new Map<string, number>();
  for (const c of cameras) seen.set(c.name, (seen.get(c.name) ?? 0) + 1);
  const names = new Map<string, string>();
  for (const c of cameras) {
    if ((seen.get(c.name) ?? 0) < 2) {
      names.set(c.id, c.name);
      continue;
    }
    const serial = /(\d{1,6})$/.exec(c.id)?.[1];
    names.set(c.id, serial ? `${c.name} #${Number(serial)}` : `${c.name} (${c.id})`);
  }
  return names;
}

/** Cameras a drawer lists before "show all": the actions come first, the list stays short. */
export const NEARBY_SHOWN = 4;
