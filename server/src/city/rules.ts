// Time limits, the working calendar and escalation points as seed data (all editable by admin).

/** Minutes per step. Handle limits by urgency; category rows override (rulebook examples in DOMAIN.md). */
export interface TimeLimitSeed {
  category: string | null; // category id, or null for the default
  urgency: 'normal' | 'urgent' | 'critical';
  step: 'accept' | 'dispatch' | 'handle' | 'check' | 'overall' | 'onsite';
  unit: 'working_minutes' | 'natural_minutes';
  minutes: number;
}

const URG = ['normal', 'urgent', 'critical'] as const;

export function timeLimitSeeds(safetyCritical: string[]): TimeLimitSeed[] {
  const rows: TimeLimitSeed[] = [];
  for (const urgency of URG) {
    const factor = urgency === 'normal' ? 1 : urgency === 'urgent' ? 0.5 : 0.25;
    const unit = urgency === 'critical' ? 'natural_minutes' : 'working_minutes';
    rows.push({
      category: null,
      urgency,
      step: 'accept',
      unit: 'natural_minutes',
      minutes: Math.round(30 * factor),
    });
    rows.push({ category: null, urgency, step: 'dispatch', unit, minutes: Math.round(60 * factor) });
    rows.push({ category: null, urgency, step: 'handle', unit, minutes: Math.round(3 * 480 * factor) });
    rows.push({ category: null, urgency, step: 'check', unit, minutes: Math.round(120 * factor) });
    rows.push({ category: null, urgency, step: 'overall', unit, minutes: Math.round(5 * 480 * factor) });
  }
  // Rulebook examples: exposed rubbish 4 working hours, road cleaning 2 working hours.
  for (const urgency of URG) {
    rows.push({ category: 'event-0102', urgency, step: 'handle', unit: 'working_minutes', minutes: 240 });
    rows.push({ category: 'event-0104', urgency, step: 'handle', unit: 'working_minutes', minutes: 120 });
    rows.push({
      category: 'event-0101',
      urgency,
      step: 'handle',
      unit: 'working_minutes',
      minutes: 20 * 480,
    });
  }
  // Safety-critical: on site within 2 hours, repaired within 24 hours, natural time, any urgency.
  for (const category of safetyCritical) {
    for (const urgency of URG) {
      rows.push({ category, urgency, step: 'onsite', unit: 'natural_minutes', minutes: 120 });
      rows.push({ category, urgency, step: 'handle', unit: 'natural_minutes', minutes: 24 * 60 });
    }
  }
  return rows;
}

/** Working hours of a working day, local time (+08:00). */
export const WORKING_HOURS = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

/** Escalation points as fractions of the step limit: reminder, urge (overdue), supervision. */
export const ESCALATION = { remind: 0.8, urge: 1.0, supervise: 1.5 };

/** 2026 public holidays and make-up working days (调休) of the State Council notice; editable data. */
export const CALENDAR_2026: Array<{ date: string; kind: 'holiday' | 'workday'; name: string }> = [
  ...range('2026-01-01', 3, 'holiday', '元旦'),
  { date: '2026-01-04', kind: 'workday', name: '元旦调休' },
  ...range('2026-02-15', 9, 'holiday', '春节'),
  { date: '2026-02-14', kind: 'workday', name: '春节调休' },
  { date: '2026-02-28', kind: 'workday', name: '春节调休' },
  ...range('2026-04-04', 3, 'holiday', '清明节'),
  ...range('2026-05-01', 5, 'holiday', '劳动节'),
  { date: '2026-05-09', kind: 'workday', name: '劳动节调休' },
  ...range('2026-06-19', 3, 'holiday', '端午节'),
  ...range('2026-09-25', 3, 'holiday', '中秋节'),
  ...range('2026-10-01', 7, 'holiday', '国庆节'),
  { date: '2026-09-20', kind: 'workday', name: '国庆节调休' },
  { date: '2026-10-10', kind: 'workday', name: '国庆节调休' },
];

function range(start: string, days: number, kind: 'holiday', name: string) {
  const out: Array<{ date: string; kind: 'holiday'; name: string }> = [];
  const d = new Date(`${start}T00:00:00Z`);
  for (let i = 0; i < days; i++) {
    out.push({ date: d.toISOString().slice(0, 10), kind, name });
    d.setUTCDate(d.getUTCDate() + 1);
  }
  return out;
}
