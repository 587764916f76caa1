// Active alarms and incidents for stream snapshots, from the IoT services, and the units committed to an
// incident, under the same audience rules as their outbox rows (scope.ts), so a snapshot never shows
// what the live stream would not.
import { ACTIVE_ALARM_STATUSES } from '@contract/alarms';
import type { ServerContext } from '../context';
import type { Iot } from '../ingest';
import type { LiveUnits } from '../incidents/live-units';
import type { SnapshotBuilder } from './snapshot';

export function useIotSnapshots(snapshots: SnapshotBuilder, ctx: ServerContext, iot: Iot): void {
  snapshots.sources.alarms = async (audience) => {
    const rows = await ctx.db.alarm.findMany({
      where: { status: { in: ACTIVE_ALARM_STATUSES } },
      orderBy: [{ level: 'asc' }, { firstSeenAt: 'desc' }],
      take: 5000,
    });
    return rows
      .filter((r) =>
        audience.allows({ topic: 'alarm', departmentId: r.departmentId, districtCode: r.districtCode }),
      )
      .map((r) => iot.alarms.view(r));
  };
  snapshots.sources.incidents = async (audience) => {
    const incidents = await iot.incidents.list('active');
    return incidents.filter((i) =>
      audience.allows({ topic: 'incident', departmentId: null, districtCode: i.districtCode }),
    );
  };
}

export function useUnitSnapshots(snapshots: SnapshotBuilder, units: LiveUnits): void {
  snapshots.sources.units = (audience) => units.active(audience);
}
