// The after-action review as CSV (UTF-8 with BOM): the first line says 演练 / DRILL and which drill, then
// the totals, the injects with their response times, the trainees, and the timeline of every step.
import type { DrillReview, DrillStat } from '@contract/drills';
import { csvCell } from '../http/csv';

const row = (...cells: unknown[]) => cells.map(csvCell).join(',');
const stat = (s: DrillStat) => [s.n, s.meanS ?? '', s.medianS ?? '', s.maxS ?? ''];

export function reviewCsvLines(review: DrillReview): string[] {
  const { drill, figures } = review;
  const t = figures.total;
  return [
    row(
      '演练 DRILL',
      drill.id,
      drill.scenarioName ?? '',
      drill.scenarioNameEn ?? '',
      drill.startedAt,
      drill.stoppedAt ?? '',
    ),
    '',
    row('汇总 Totals', '注入 injects', '已响应 answered', '操作 actions'),
    row('', t.injects, t.answered, t.actions),
    row('指标 Figure', '次数 n', '平均 mean s', '中位 median s', '最长 max s'),
    row('首次响应 first action', ...stat(t.firstActionS)),
    row('派遣 dispatch', ...stat(t.dispatchS)),
    row('到场 arrival', ...stat(t.arrivalS)),
    row('办结 close', ...stat(t.closeS)),
    '',
    row(
      '注入 Inject',
      '时间 at',
      '首次响应人 first by',
      '首次响应 s',
      '派遣 s',
      '到场 s',
      '办结 s',
      '操作 actions',
    ),
    ...figures.injects.map((i) =>
      row(i.label, i.at, i.firstActionBy ?? '', i.firstActionS, i.dispatchS, i.arrivalS, i.closeS, i.actions),
    ),
    '',
    row(
      '学员 Trainee',
      '角色 role',
      '操作 actions',
      '响应注入 injects',
      '首次响应 mean s',
      '首次响应 median s',
      '派遣 mean s',
    ),
    ...figures.trainees.map((tr) =>
      row(
        tr.username,
        tr.role,
        tr.actions,
        tr.injects,
        tr.firstActionS.meanS ?? '',
        tr.firstActionS.medianS ?? '',
        tr.dispatchS.meanS ?? '',
      ),
    ),
    '',
    row(
      '时间线 Timeline',
      '类别 kind',
      '对象 record',
      '操作 command',
      '状态 state',
      '人员 who',
      '角色 role',
      '备注 note',
    ),
    ...review.steps.map((s) =>
      row(s.at, `inject:${s.kind}`, `T+${s.atS}s`, s.ok ? 'ok' : 'failed', '', '', 'scenario', s.detail),
    ),
    ...review.actions.map((a) =>
      row(
        a.at,
        a.kind,
        a.recordId,
        a.command,
        a.unitStatus ?? a.toState ?? '',
        a.username ?? '',
        a.role,
        a.note,
      ),
    ),
  ];
}
