// The incident drawer's words, Chinese first with English (kept beside the panel so the shared message
// files stay small; the vocabulary's own labels come from contract/incidents.ts).
import type { GapReason, PickReason, SegmentKey, UnitKind } from '@contract/incidents';
import type { Lang } from '../../state/ui';

const WORDS = {
  drawer: ['应急指挥', 'Emergency command'],
  close: ['关闭', 'Close'],
  level: ['等级', 'Level'],
  state: ['状态', 'State'],
  elapsed: ['已用时', 'Elapsed'],
  roster: ['已调派力量', 'Units committed'],
  noUnits: ['尚未调派', 'No units yet'],
  recommended: ['推荐力量（按道路到达时间）', 'Recommended units (by road ETA)'],
  assign: ['调派', 'Assign'],
  assignAll: ['全部调派', 'Assign all'],
  release: ['撤回', 'Release'],
  eta: ['预计到达', 'ETA'],
  inStatus: ['持续', 'for'],
  fix: ['定位', 'fix'],
  timeline: ['处置时间线', 'Timeline'],
  segments: ['响应时间', 'Response times'],
  target: ['目标', 'target'],
  note: ['记录', 'Note'],
  summary: ['处置总结', 'Summary'],
  closeIncident: ['结束事件', 'Close incident'],
  control: ['已控制', 'Under control'],
  gaps: ['缺口', 'Gaps'],
  flyTo: ['定位', 'Fly to'],
  nothingNeeded: ['出动方案已满足', 'The run card is covered'],
  system: ['系统', 'system'],
} as const;

export type Word = keyof typeof WORDS;
export const w = (lang: Lang, key: Word): string => WORDS[key][lang === 'en' ? 1 : 0];

const KINDS: Record<UnitKind, [string, string]> = {
  sanitation: ['环卫', 'Sanitation'],
  enforcement: ['执法', 'Enforcement'],
  repair: ['抢修', 'Repair'],
  emergency: ['应急', 'Emergency'],
  inspector: ['网格员', 'Inspector'],
};
export const kindText = (lang: Lang, k: UnitKind) => KINDS[k][lang === 'en' ? 1 : 0];

const PICKS: Record<PickReason, [string, string]> = {
  closest_eta: ['到达最快', 'closest by ETA'],
  kind_match: ['类型匹配', 'kind matches'],
  department_match: ['专业对口', 'department matches'],
  in_district: ['本辖区', 'in district'],
  fix_stale: ['定位过旧', 'fix too old'],
};
export const pickText = (lang: Lang, r: PickReason) => PICKS[r][lang === 'en' ? 1 : 0];

const GAPS: Record<GapReason, [string, string]> = {
  none_available: ['无可用力量', 'none available'],
  none_within_limit: ['限时内无可到达力量', 'none within the limit'],
  fixes_stale: ['定位过旧', 'fixes too old'],
  unreachable: ['道路不可达', 'unreachable by road'],
};
export const gapText = (lang: Lang, r: GapReason) => GAPS[r][lang === 'en' ? 1 : 0];

const SEGMENTS: Record<SegmentKey, [string, string]> = {
  callProcessingS: ['接警处理', 'Call processing'],
  turnoutS: ['出动准备', 'Turnout'],
  travelS: ['途中行驶', 'Travel'],
  responseS: ['响应总时', 'Response'],
};
export const segmentText = (lang: Lang, k: SegmentKey) => SEGMENTS[k][lang === 'en' ? 1 : 0];

const COMMANDS: Record<string, [string, string]> = {
  assign: ['调派', 'assigned'],
  release: ['撤回', 'released'],
  unitStatus: ['状态', 'status'],
  note: ['记录', 'note'],
  setLevel: ['调整等级', 'level changed'],
  handOver: ['移交指挥', 'handed over'],
  link: ['关联', 'linked'],
  control: ['已控制', 'under control'],
  close: ['结束', 'closed'],
  cancel: ['撤销', 'cancelled'],
};
export const commandText = (lang: Lang, c: string) => COMMANDS[c]?.[lang === 'en' ? 1 : 0] ?? c;
