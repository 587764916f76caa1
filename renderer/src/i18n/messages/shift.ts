// A working day at the wall (issue 19): the recovery offer, alarm notices for people who do not own
// an alarm, the commander's alarm cases, the intake list at volume, the legend and the duty overview.
export const shiftZh = {
  'recovery.offer':
    '地图连接中断后未能恢复，需要重新加载页面。为保留您输入的内容，页面不会自动刷新；完成输入后请点击“重新加载”。',
  'recovery.reload': '重新加载',
  'alert.thresholdBelow': '{value}{unit}（低于下限 {threshold}{unit}）',
  'alert.countBelow': '连续 {count} 次低于下限',
  'alert.storm': '{count} 条告警待确认收到',
  'alert.toast': '告警通知',
  'alert.toastMany': '{count} 条告警（最新：{name}）',
  'alert.toastDismiss': '知道了',
  'tab.alarmCases': '告警案件',
  'video.nearbyAll': '显示全部 {count} 个摄像头',
  'video.nearbyFewer': '收起',
} as const;

export const shiftEn: Record<keyof typeof shiftZh, string> = {
  'recovery.offer':
    'The map did not recover after the connection was lost and the page needs a reload. To keep what you typed it will not reload by itself: finish, then press Reload.',
  'recovery.reload': 'Reload',
  'alert.thresholdBelow': '{value}{unit} (below the lower limit {threshold}{unit})',
  'alert.countBelow': '{count} readings below the limit',
  'alert.storm': '{count} alarms to acknowledge',
  'alert.toast': 'Alarm notice',
  'alert.toastMany': '{count} alarms (latest: {name})',
  'alert.toastDismiss': 'Got it',
  'tab.alarmCases': 'Alarm cases',
  'video.nearbyAll': 'Show all {count} cameras',
  'video.nearbyFewer': 'Show fewer',
};
