// Case summaries for the renderer's pure tests, valid against the wire contract.
import { AlarmView } from '@contract/alarms';
import { CaseDetail, CaseSummary } from '@contract/cases';

let serial = 0;

export function summary(patch: Partial<CaseSummary> = {}): CaseSummary {
  serial += 1;
  return CaseSummary.parse({
    id: `case-${serial}`,
    caseNumber: `20261122-${String(serial).padStart(6, '0')}`,
    state: 'reported',
    source: 'public',
    kind: 'part',
    categoryId: 'part-0118',
    categoryName: '路灯',
    urgency: 'normal',
    lon: 119.18,
    lat: 34.6,
    address: '解放东路 88 号',
    description: '路灯不亮',
    districtCode: '329801',
    streetCode: '329801001',
    gridCellId: '3298010010010001',
    partId: null,
    departmentId: null,
    suggestedDepartmentId: 'lighting',
    routingReason: '部件先属主后属地 / Part: owner first',
    duplicateOfId: null,
    mergedIntoId: null,
    outcome: null,
    reworkCount: 0,
    clock: { step: 'accept', state: 'green', deadline: '2026-11-22T10:00:00.000Z', usedRatio: 0.1 },
    escalations: [],
    drill: false,
    version: 1,
    reportedAt: '2026-11-22T08:00:00.000Z',
    updatedAt: '2026-11-22T08:00:00.000Z',
    closedAt: null,
    ...patch,
  });
}

export function detail(patch: Partial<CaseDetail> = {}): CaseDetail {
  return CaseDetail.parse({
    ...summary(),
    photos: [],
    events: [],
    allowedCommands: [],
    possibleDuplicates: [],
    ...patch,
  });
}

let alarmSerial = 0;

/** An active gas alarm, valid against the wire contract; each call a new id and a later lastSeenAt. */
export function alarm(patch: Partial<AlarmView> = {}): AlarmView {
  alarmSerial += 1;
  return AlarmView.parse({
    id: `alarm-${alarmSerial}`,
    sensorId: `GAS-${alarmSerial}`,
    sensorType: 'gas',
    sensorName: `燃气井 ${alarmSerial}`,
    kind: 'threshold',
    level: 2,
    status: 'open',
    direction: 'above',
    threshold: 25,
    value: 31,
    peak: 31,
    count: 3,
    unit: '%LEL',
    lon: 119.17,
    lat: 34.6,
    districtCode: '329801',
    gridCellId: null,
    firstSeenAt: '2026-12-01T08:00:00.000Z',
    lastSeenAt: `2026-12-01T08:00:${String(alarmSerial % 60).padStart(2, '0')}.000Z`,
    clearedAt: null,
    acknowledgedAt: null,
    acknowledgedBy: null,
    decidedAt: null,
    decidedBy: null,
    note: '',
    caseId: null,
    incidentId: null,
    drill: false,
    version: 1,
    ...patch,
  });
}
