// Deterministic generation of reports from every channel: same seed, same sequence.
import type { ReportBody } from '@contract/cases';
import type { Source } from '@contract/domain';
import { CATEGORIES } from '../city/categories';
import { DEMO_CITY } from '../city/city';
import { pick, rng } from '../city/random';

/** Share of reports per channel (inspectors and the hotline carry most of the load). */
const CHANNELS: Array<[Source, number]> = [
  ['inspector', 0.45],
  ['hotline', 0.25],
  ['public', 0.12],
  ['video_ai', 0.1],
  ['sensor', 0.03],
  ['media', 0.02],
  ['transfer', 0.02],
  ['leader', 0.005],
  ['upper', 0.005],
];

/** Relative report intensity per local hour (0–23): quiet at night, peaks mid-morning and afternoon. */
export const DAILY_CURVE = [
  0.15, 0.1, 0.08, 0.08, 0.1, 0.2, 0.5, 1.0, 1.6, 1.9, 1.9, 1.6, 1.2, 1.3, 1.7, 1.8, 1.7, 1.4, 1.0, 0.8, 0.6,
  0.45, 0.3, 0.2,
];
const CURVE_MEAN = DAILY_CURVE.reduce((a, b) => a + b, 0) / DAILY_CURVE.length;

/** Reports per second at rate 1 (16,000 a day), scaled by the hour of the day (+08:00). */
export function reportsPerSecond(at: Date, rate: number): number {
  const hour = (at.getUTCHours() + 8) % 24;
  return ((16_000 / 86_400) * rate * (DAILY_CURVE[hour] ?? 1)) / CURVE_MEAN;
}

const STREETS = [
  '朝阳路',
  '解放路',
  '海连路',
  '通灌路',
  '郁州路',
  '苍梧路',
  '新浦路',
  '盐河路',
  '人民路',
  '建设路',
];
const VIDEO_AI = ['0504', '0501', '0201', '0506', '0102'];

export function reportGenerator(seed: number) {
  const random = rng(seed);
  const [w, s, e, n] = DEMO_CITY.bounds;
  const events = CATEGORIES.filter((c) => c.kind === 'event');
  const parts = CATEGORIES.filter((c) => c.kind === 'part');
  let counter = 0;
  return (): ReportBody => {
    counter++;
    let x = random();
    let source: Source = 'inspector';
    for (const [channel, share] of CHANNELS) {
      if (x < share) {
        source = channel;
        break;
      }
      x -= share;
    }
    const isPart = source !== 'video_ai' && random() < 0.3;
    const category =
      source === 'video_ai'
        ? (events.find((c) => c.code === pick(random, VIDEO_AI)) ?? pick(random, events))
        : isPart
          ? pick(random, parts)
          : pick(random, events);
    const lon = w + (e - w) * (0.02 + 0.96 * random());
    const lat = s + (n - s) * (0.02 + 0.96 * random());
    const street = pick(random, STREETS);
    return {
      source,
      kind: category.kind,
      code: category.code,
      lon: Math.round(lon * 1e6) / 1e6,
      lat: Math.round(lat * 1e6) / 1e6,
      address: `海州市${street}${1 + Math.floor(random() * 300)}号附近`,
      description: `${category.name}：${source === 'hotline' ? '市民来电反映' : source === 'video_ai' ? '视频智能识别发现' : '现场发现'}${category.name}问题`,
      photos:
        source === 'video_ai' || source === 'inspector' ? [`/api/sim/snapshot/${seed}-${counter}.svg`] : [],
      ...(source === 'hotline' ? { externalRef: `12345-${seed}-${counter}` } : {}),
    };
  };
}
