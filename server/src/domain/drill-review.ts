// After-action review of a drill (复盘): from the records the scenario injected (alarms raised by its
// readings, cases reported by its 12345 calls, …) and every command on the drill's cases, alarms and
// incidents, the timeline and the response-time figures: per inject, the time to the first trainee
// action, to dispatch, to arrival on scene and to closing; per trainee and in total. Pure: the reader
// (server/src/drills/review.ts) loads the rows; nothing here knows Prisma or HTTP.
import type {
  DrillReviewAction,
  DrillReviewFigures,
  DrillReviewInject,
  DrillReviewRecord,
  DrillReviewTrainee,
  Milestone,
} from '@contract/drills';

/** Which milestone of a response a command marks (null: none, only an action). */
export function milestoneOf(a: Pick<DrillReviewAction, 'kind' | 'command' | 'toState' | 'unitStatus'>) {
  if (a.kind === 'case') {
    if (a.toState === 'closed' || a.toState === 'voided') return 'close';
    if (a.command === 'dispatch' || a.command === 'redispatch') return 'dispatch';
    return null;
  }
  if (a.kind === 'incident') {
    if (a.toState === 'closed' || a.toState === 'cancelled') return 'close';
    if (a.unitStatus === 'on_scene') return 'arrival';
    if (a.command === 'assign') return 'dispatch';
    return null;
  }
  // an alarm judged false is closed by that decision
  return a.command === 'false' ? 'close' : null;
}

/** A trainee's action: a person did it (the scenario and the server's own sweeps are not trainees). */
export const byTrainee = (a: DrillReviewAction) => a.actorId !== null && a.role !== 'system';

/** Groups records linked to each other (an alarm confirmed as an incident, cases linked to it …). */
function components(records: readonly DrillReviewRecord[]): Map<string, string> {
  const parent = new Map<string, string>(records.map((r) => [r.id, r.id]));
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root) as string;
    parent.set(id, root);
    return root;
  };
  for (const r of records)
    for (const link of r.links) if (parent.has(link)) parent.set(find(link), find(r.id));
  return new Map(records.map((r) => [r.id, find(r.id)]));
}

const seconds = (from: string, to: string | null) =>
  to === null ? null : Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

function stats(values: ReadonlyArray<number | null>) {
  const xs = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (xs.length === 0) return { n: 0, meanS: null, medianS: null, maxS: null };
  const mid = Math.floor(xs.length / 2);
  const median = xs.length % 2 ? (xs[mid] as number) : ((xs[mid - 1] as number) + (xs[mid] as number)) / 2;
  return {
    n: xs.length,
    meanS: Math.round(xs.reduce((s, x) => s + x, 0) / xs.length),
    medianS: Math.round(median),
    maxS: xs[xs.length - 1] as number,
  };
}

/** The figures of a drill from its records and actions (any order). */
export function reviewFigures(
  records: readonly DrillReviewRecord[],
  actions: readonly DrillReviewAction[],
): DrillReviewFigures {
  const root = components(records);
  const sorted = [...actions].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  const groups = new Map<string, DrillReviewRecord[]>();
  for (const r of records) {
    const key = root.get(r.id) as string;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  const injects: DrillReviewInject[] = [];
  for (const [key, group] of groups) {
    const injected = group.filter((r) => r.injected).sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
    const first = injected[0];
    if (!first) continue; // made by trainees alone: their actions still count per trainee
    const ids = new Set(group.map((r) => r.id));
    const mine = sorted.filter((a) => ids.has(a.recordId) && Date.parse(a.at) >= Date.parse(first.at));
    const human = mine.filter(byTrainee);
    const at = (m: Milestone) => mine.find((a) => milestoneOf(a) === m)?.at ?? null;
    injects.push({
      id: key,
      recordIds: group.map((r) => r.id),
      label: first.label,
      at: first.at,
      firstActionAt: human[0]?.at ?? null,
      firstActionBy: human[0]?.username ?? null,
      dispatchAt: at('dispatch'),
      arrivalAt: at('arrival'),
      closeAt: at('close'),
      firstActionS: seconds(first.at, human[0]?.at ?? null),
      dispatchS: seconds(first.at, at('dispatch')),
      arrivalS: seconds(first.at, at('arrival')),
      closeS: seconds(first.at, at('close')),
      actions: human.length,
    });
  }
  injects.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

  const injectOf = new Map<string, DrillReviewInject>();
  for (const inject of injects) for (const id of inject.recordIds) injectOf.set(id, inject);
  const trainees = new Map<string, DrillReviewAction[]>();
  for (const a of sorted.filter(byTrainee)) {
    const key = a.username ?? (a.actorId as string);
    trainees.set(key, [...(trainees.get(key) ?? []), a]);
  }
  const perTrainee: DrillReviewTrainee[] = [...trainees].map(([username, list]) => {
    // the trainee's first action on each inject they touched, and the dispatches they made
    const firstOn = new Map<string, number | null>();
    const dispatchOn = new Map<string, number | null>();
    for (const a of list) {
      const inject = injectOf.get(a.recordId);
      if (!inject || Date.parse(a.at) < Date.parse(inject.at)) continue;
      if (!firstOn.has(inject.id)) firstOn.set(inject.id, seconds(inject.at, a.at));
      if (milestoneOf(a) === 'dispatch' && !dispatchOn.has(inject.id))
        dispatchOn.set(inject.id, seconds(inject.at, a.at));
    }
    return {
      username,
      role: list[0]?.role ?? '',
      actions: list.length,
      injects: firstOn.size,
      firstActionS: stats([...firstOn.values()]),
      dispatchS: stats([...dispatchOn.values()]),
    };
  });
  perTrainee.sort((a, b) => b.actions - a.actions || a.username.localeCompare(b.username));

  return {
    injects,
    trainees: perTrainee,
    total: {
      injects: injects.length,
      answered: injects.filter((i) => i.firstActionAt !== null).length,
      actions: sorted.filter(byTrainee).length,
      firstActionS: stats(injects.map((i) => i.firstActionS)),
      dispatchS: stats(injects.map((i) => i.dispatchS)),
      arrivalS: stats(injects.map((i) => i.arrivalS)),
      closeS: stats(injects.map((i) => i.closeS)),
    },
  };
}
