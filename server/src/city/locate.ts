// Grid-cell lookup for generated points: the demo grid is regular, so a point's cell is found by index.
import { DEMO_CITY, type GridCellRow } from './city';
import { toLonLat, type XY } from './geometry/projection';

const D_LON = 0.001092;
const D_LAT = 0.000899;

export interface Placed {
  lon: number;
  lat: number;
  cell: GridCellRow;
}

export function cellLocator(cells: GridCellRow[]) {
  const [west, south] = DEMO_CITY.bounds;
  const byIndex = new Map<string, GridCellRow>();
  for (const c of cells) {
    byIndex.set(`${Math.round((c.minLon - west) / D_LON)},${Math.round((c.minLat - south) / D_LAT)}`, c);
  }
  const at = (lon: number, lat: number): GridCellRow | null => {
    const col = Math.floor((lon - west) / D_LON);
    const row = Math.floor((lat - south) / D_LAT);
    return byIndex.get(`${col},${row}`) ?? null;
  };
  /** Places a point given in local metres; null when it falls outside the grid. */
  const place = ([x, y]: XY): Placed | null => {
    const [lon, lat] = toLonLat(x, y);
    const cell = at(lon, lat);
    return cell ? { lon, lat, cell } : null;
  };
  return { at, place };
}
