// The video-wall window's camera list: which cameras match the filter text, online ones first. Pure:
// the picker component passes the camera list and a function that names a district.

export interface PickableCamera {
  id: string;
  name: string;
  /** online | offline | fault; kept as text so a new status still lists the camera */
  status: string;
  districtCode: string | null;
}

export interface PickerResult<T> {
  /** at most `limit` matches, online first, then in the server's (ID) order */
  items: T[];
  /** how many match in all */
  total: number;
}

const normalise = (text: string) => text.normalize('NFKC').toLowerCase();

/**
 * Cameras whose name, 20-digit ID, district name or district code contain every word of `query`
 * (case and width ignored). An empty query matches every camera.
 */
export function filterCameras<T extends PickableCamera>(
  cameras: readonly T[],
  query: string,
  districtNames: (code: string | null) => readonly string[],
  limit = 200,
): PickerResult<T> {
  const words = normalise(query).split(/\s+/).filter(Boolean);
  const matches = cameras.filter((camera) => {
    if (words.length === 0) return true;
    const haystack = normalise(
      [camera.name, camera.id, camera.districtCode ?? '', ...districtNames(camera.districtCode)].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
  const online = matches.filter((c) => c.status === 'online');
  const others = matches.filter((c) => c.status !== 'online');
  return { items: [...online, ...others].slice(0, Math.max(0, limit)), total: matches.length };
}
