// Emergency command on the leaders' briefing: the incident board and the vehicle tracks.
export const commandZh = {
  'brief.board': '应急事件 · 力量动态',
  'brief.board.none': '当前无进行中的应急事件',
  'brief.board.commander': '指挥长 {name}',
  'brief.board.noCommander': '未指定指挥长',
  'brief.board.elapsed': '已用时 {time}',
  'brief.board.units': '力量 {count}',
  'brief.board.eta': '{unit} 预计 {time} 到达',
  'brief.board.etaDue': '{unit} 即将到达',
  'brief.tracks': '车辆轨迹 · 近 1 小时',
  'brief.tracks.count': '{count} 辆',
  'brief.tracks.loading': '轨迹加载中…',
  'brief.tracks.failed': '轨迹不可用（{reason}）',
  'brief.tracks.legend': '图例',
  'brief.tracks.other': '其他',
} as const;

export const commandEn: Record<keyof typeof commandZh, string> = {
  'brief.board': 'Incidents · units',
  'brief.board.none': 'No active incidents',
  'brief.board.commander': 'Commander {name}',
  'brief.board.noCommander': 'No commander assigned',
  'brief.board.elapsed': 'Elapsed {time}',
  'brief.board.units': '{count} units',
  'brief.board.eta': '{unit} arrives in {time}',
  'brief.board.etaDue': '{unit} arriving',
  'brief.tracks': 'Vehicle tracks · last hour',
  'brief.tracks.count': '{count} vehicles',
  'brief.tracks.loading': 'Loading tracks…',
  'brief.tracks.failed': 'Tracks unavailable ({reason})',
  'brief.tracks.legend': 'Legend',
  'brief.tracks.other': 'Other',
};
