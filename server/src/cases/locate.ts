// Finds the grid cell of a point (bounding-box query, then point-in-polygon), and the part of a report.
import { findGridCell, type PolygonCoords } from '../domain';
import type { Db } from '../db/client';

export interface Located {
  gridCellId: string;
  communityCode: string;
  streetCode: string;
  districtCode: string;
}

export async function locatePoint(db: Db, lon: number, lat: number): Promise<Located | null> {
  const rows = await db.gridCell.findMany({
    where: { minLon: { lte: lon }, maxLon: { gte: lon }, minLat: { lte: lat }, maxLat: { gte: lat } },
    take: 8,
  });
  const cell = findGridCell(
    [lon, lat],
    rows.map((r) => ({ ...r, polygon: JSON.parse(r.polygon) as PolygonCoords })),
  );
  return cell
    ? {
        gridCellId: cell.id,
        communityCode: cell.communityCode,
        streetCode: cell.streetCode,
        districtCode: cell.districtCode,
      }
    : null;
}
