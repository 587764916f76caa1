// User-facing strings: Simplified Chinese first, English second. Placeholders are {name}.
// `en` is typed against `zh`, so a missing English key fails the type check; a unit test
// also checks placeholders match. Groups of keys live in messages/*.ts and are merged here.
import { alertEn, alertZh } from './messages/alert';
import { caseEn, caseZh } from './messages/case';
import { layersEn, layersZh } from './messages/layers';
import { sessionEn, sessionZh } from './messages/session';
import { shiftEn, shiftZh } from './messages/shift';
import { videoEn, videoZh } from './messages/video';
import { wallEn, wallZh } from './messages/wall';
import { briefingEn, briefingZh } from './messages/briefing';
import { drillEn, drillZh } from './messages/drill';
import { commandEn, commandZh } from './messages/command';
import { adminEn, adminZh } from './messages/admin';
import { playbackEn, playbackZh } from './messages/playback';

const coreZh = {
  'app.title': '{city}城市运行管理服务平台',
  'app.subtitle': '运管服 · 指挥大厅',
  'app.drill': '演练',
  'lang.label': '界面语言',
  'lang.zh': '中文',
  'lang.en': 'EN',
  'clock.label': '北京时间',
  'conn.label': '连接状态',
  'conn.online': '在线',
  'conn.connecting': '连接中',
  'conn.reconnecting': '重连中',
  'conn.offline': '离线',
  'conn.since': '自 {time}',
  'conn.staleBanner': '与服务器的连接已中断（自 {time}），画面数据可能不是最新',
  'city.builtin': '城市配置离线，使用内置配置',
  'city.loadFailed': '无法获取城市配置（{reason}）',
  'map.loading': '地图加载中…',
  'map.failed': '地图不可用：{reason}',
  'map.noWebgl': '本机不支持 WebGL，无法显示三维地图',
  'map.imageryFailed': '底图影像加载失败',
  'map.credits': '地图版权',
  'panel.slot': '侧边面板',
  'panel.collapse': '收起面板',
  'panel.expand': '展开面板',
  'duty.title': '值班概况',
  'duty.connection': '连接',
  'duty.node': '服务节点',
  'duty.version': '服务版本',
  'duty.headSeq': '服务端序号',
  'duty.lastSeq': '本端已应用序号',
  'duty.stream': '数据推送',
  'duty.stream.live': '实时推送',
  'duty.stream.polling': '定时刷新',
  'duty.latency': '往返时延',
  'duty.clockOffset': '时钟偏差',
  'duty.citySource': '城市配置',
  'duty.citySource.server': '服务端',
  'duty.citySource.builtin': '内置（离线）',
  'duty.map': '地图',
  'duty.map.loading': '加载中',
  'duty.map.ready': '就绪',
  'duty.map.error': '故障',
  'duty.map.off': '未启用',
  'duty.none': '—',
  'unit.ms': '{value} 毫秒',
} as const;

export const zh = {
  ...coreZh,
  ...sessionZh,
  ...caseZh,
  ...layersZh,
  ...videoZh,
  ...alertZh,
  ...wallZh,
  ...briefingZh,
  ...shiftZh,
  ...drillZh,
  ...commandZh,
  ...adminZh,
  ...playbackZh,
};

export type MessageKey = keyof typeof zh;

const coreEn: Record<keyof typeof coreZh, string> = {
  'app.title': '{city} Operation Management Service Platform',
  'app.subtitle': 'City operations · Command hall',
  'app.drill': 'DRILL',
  'lang.label': 'Interface language',
  'lang.zh': '中文',
  'lang.en': 'EN',
  'clock.label': 'Beijing time',
  'conn.label': 'Connection',
  'conn.online': 'Online',
  'conn.connecting': 'Connecting',
  'conn.reconnecting': 'Reconnecting',
  'conn.offline': 'Offline',
  'conn.since': 'since {time}',
  'conn.staleBanner': 'No connection to the server since {time}: data on screen may be out of date',
  'city.builtin': 'City configuration offline, using built-in settings',
  'city.loadFailed': 'Could not load the city configuration ({reason})',
  'map.loading': 'Loading map…',
  'map.failed': 'Map unavailable: {reason}',
  'map.noWebgl': 'This computer does not support WebGL; the 3D map cannot be shown',
  'map.imageryFailed': 'Base imagery failed to load',
  'map.credits': 'Map credits',
  'panel.slot': 'Side panel',
  'panel.collapse': 'Collapse panel',
  'panel.expand': 'Expand panel',
  'duty.title': 'Duty overview',
  'duty.connection': 'Connection',
  'duty.node': 'Server node',
  'duty.version': 'Server version',
  'duty.headSeq': 'Server head seq',
  'duty.lastSeq': 'Applied seq',
  'duty.stream': 'Updates',
  'duty.stream.live': 'Live stream',
  'duty.stream.polling': 'Periodic refresh',
  'duty.latency': 'Round trip',
  'duty.clockOffset': 'Clock offset',
  'duty.citySource': 'City configuration',
  'duty.citySource.server': 'Server',
  'duty.citySource.builtin': 'Built-in (offline)',
  'duty.map': 'Map',
  'duty.map.loading': 'Loading',
  'duty.map.ready': 'Ready',
  'duty.map.error': 'Fault',
  'duty.map.off': 'Off',
  'duty.none': '—',
  'unit.ms': '{value} ms',
};

export const en: Record<MessageKey, string> = {
  ...coreEn,
  ...sessionEn,
  ...caseEn,
  ...layersEn,
  ...videoEn,
  ...alertEn,
  ...wallEn,
  ...briefingEn,
  ...shiftEn,
  ...drillEn,
  ...commandEn,
  ...adminEn,
  ...playbackEn,
};

export const MESSAGES = { zh, en } as const;
