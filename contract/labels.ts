// Display names of the closed vocabularies (contract/domain.ts), Chinese first with English, shared by
// the server (error messages, exports) and the renderer (buttons, badges, timelines).
import type { CaseCommand, CaseState, Role, Source, Urgency } from './domain';

export interface Label {
  zh: string;
  en: string;
}

export const COMMAND_LABELS: Readonly<Record<CaseCommand, Label>> = {
  report: { zh: '上报', en: 'report' },
  verify: { zh: '派发核实', en: 'order verification' },
  verifyResult: { zh: '核实反馈', en: 'verification result' },
  accept: { zh: '受理', en: 'accept' },
  open: { zh: '立案', en: 'open case' },
  void: { zh: '作废', en: 'void' },
  merge: { zh: '合并重复案件', en: 'merge duplicate' },
  dispatch: { zh: '派遣', en: 'dispatch' },
  acceptTask: { zh: '签收', en: 'accept task' },
  return: { zh: '回退', en: 'return' },
  handle: { zh: '处置反馈', en: 'report handling' },
  check: { zh: '派发核查', en: 'order check' },
  recheckResult: { zh: '核查反馈', en: 're-check result' },
  approve: { zh: '准予结案', en: 'approve and close' },
  rework: { zh: '返工（再次处置）', en: 'rework' },
  closeFailed: { zh: '不合格办结', en: 'close as failed' },
  redispatch: { zh: '重新派遣', en: 'dispatch again' },
  suspend: { zh: '缓办/延期', en: 'suspend' },
  resume: { zh: '恢复办理', en: 'resume' },
  urge: { zh: '催办', en: 'urge' },
  supervise: { zh: '督办', en: 'supervise' },
  coordinate: { zh: '协调派遣', en: 'coordinate' },
};

export const STATE_LABELS: Readonly<Record<CaseState, Label>> = {
  reported: { zh: '上报', en: 'reported' },
  verifying: { zh: '核实中', en: 'verifying' },
  accepted: { zh: '已受理', en: 'accepted' },
  opened: { zh: '已立案', en: 'opened' },
  dispatched: { zh: '已派遣', en: 'dispatched' },
  handling: { zh: '处置中', en: 'handling' },
  handled: { zh: '已处置反馈', en: 'handled' },
  checking: { zh: '核查中', en: 'checking' },
  closed: { zh: '已结案', en: 'closed' },
  voided: { zh: '已作废', en: 'voided' },
  returned: { zh: '已回退', en: 'returned' },
  reworked: { zh: '返工', en: 'reworked' },
  suspended: { zh: '缓办', en: 'suspended' },
};

/** Slips the server's clock sweep writes into the timeline (提醒单 at 80 %, 催办单 at 100 %, 督办单 later). */
export const ESCALATION_LABELS: Readonly<Record<'remind' | 'urge' | 'supervise', Label>> = {
  remind: { zh: '提醒单', en: 'reminder' },
  urge: { zh: '催办单', en: 'urge slip' },
  supervise: { zh: '督办单', en: 'supervision slip' },
};

export const ROLE_LABELS: Readonly<Record<Role, Label>> = {
  supervisor: { zh: '监督中心受理员', en: 'Supervision centre' },
  dispatcher: { zh: '指挥中心派遣员', en: 'Dispatcher' },
  handler: { zh: '处置部门', en: 'Handling department' },
  inspector: { zh: '信息采集员', en: 'Inspector' },
  commander: { zh: '值班领导', en: 'Duty commander' },
  leader: { zh: '领导', en: 'Leader' },
  admin: { zh: '系统管理员', en: 'Administrator' },
  trainer: { zh: '培训管理员', en: 'Trainer' },
};

export const SOURCE_LABELS: Readonly<Record<Source, Label>> = {
  inspector: { zh: '监督员上报', en: 'Inspector' },
  hotline: { zh: '12345 热线', en: '12345 hotline' },
  public: { zh: '公众/APP', en: 'Public / app' },
  video_ai: { zh: '视频智能识别', en: 'Video AI' },
  sensor: { zh: '物联感知', en: 'IoT sensor' },
  media: { zh: '媒体曝光', en: 'Media' },
  transfer: { zh: '部门移送', en: 'Department transfer' },
  leader: { zh: '领导交办', en: 'Leader assignment' },
  upper: { zh: '上级平台交办', en: 'Upper platform' },
};

export const URGENCY_LABELS: Readonly<Record<Urgency, Label>> = {
  normal: { zh: '一般', en: 'Normal' },
  urgent: { zh: '紧急', en: 'Urgent' },
  critical: { zh: '特急', en: 'Critical' },
};
