// A trend chart (ECharts): reports per channel as stacked bars, closed in time and overdue as lines.
// Type sizes follow the root font size, so the chart reads on a 3840×2160 wall as on 1920×1080.
import { useEffect, useRef } from 'react';
import type { TrendPoint } from '@contract/evaluation';
import { SOURCE_LABELS } from '@contract/labels';
import type { Source } from '@contract/domain';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { useViewportKey } from './useViewport';

const SOURCE_COLORS = [
  '#38bdf8',
  '#a78bfa',
  '#f472b6',
  '#facc15',
  '#4ade80',
  '#fb923c',
  '#94a3b8',
  '#2dd4bf',
  '#e879f9',
];

export function TrendChart({
  title,
  points,
  id,
  animate = true,
  light = false,
}: {
  title: string;
  points: TrendPoint[];
  id: string;
  animate?: boolean;
  /** dark type on white paper (the printed report) */
  light?: boolean;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const lang = useAppStore((s) => s.ui.lang);
  const t = useT();
  const viewport = useViewportKey();
  useEffect(() => {
    let disposed = false;
    let dispose = () => {};
    void import('./echarts').then(({ echarts }) => {
      const el = ref.current;
      if (disposed || !el) return;
      const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
      el.dataset.chartReady = 'false';
      const chart = echarts.init(el, undefined, { renderer: 'canvas' });
      const ink = light
        ? { text: '#0f172a', axis: '#334155', split: '#e2e8f0' }
        : { text: '#cbd5e1', axis: '#94a3b8', split: '#1e293b' };
      const sources = [...new Set(points.flatMap((p) => Object.keys(p.bySource)))].sort();
      const label = (s: string) => SOURCE_LABELS[s as Source]?.[lang] ?? s;
      const text = { color: ink.text, fontSize: 0.8 * rem };
      chart.on('finished', () => {
        el.dataset.chartReady = 'true';
        el.dataset.chartSize = viewport;
      });
      chart.setOption({
        animation: animate,
        textStyle: text,
        legend: { top: 0, textStyle: text, itemWidth: rem, itemHeight: 0.7 * rem },
        tooltip: { trigger: 'axis', textStyle: { fontSize: 0.8 * rem } },
        grid: { left: 3 * rem, right: 3 * rem, top: 2.6 * rem, bottom: 1.8 * rem },
        xAxis: {
          type: 'category',
          data: points.map((p) => (p.bucket.length > 7 ? p.bucket.slice(5) : p.bucket)),
          axisLabel: { fontSize: 0.75 * rem, color: ink.axis },
        },
        yAxis: [
          {
            type: 'value',
            axisLabel: { fontSize: 0.75 * rem, color: ink.axis },
            splitLine: { lineStyle: { color: ink.split } },
          },
          {
            type: 'value',
            axisLabel: { fontSize: 0.75 * rem, color: ink.axis },
            splitLine: { show: false },
          },
        ],
        series: [
          ...sources.map((s, i) => ({
            name: label(s),
            type: 'bar',
            stack: 'reports',
            data: points.map((p) => p.bySource[s] ?? 0),
            itemStyle: { color: SOURCE_COLORS[i % SOURCE_COLORS.length] },
          })),
          {
            name: t('brief.closedInTime'),
            type: 'line',
            yAxisIndex: 1,
            data: points.map((p) => p.closedInTime),
            lineStyle: { width: 0.2 * rem, color: '#22c55e' },
            itemStyle: { color: '#22c55e' },
            symbolSize: 0.4 * rem,
          },
          {
            name: t('brief.overdueSeries'),
            type: 'line',
            yAxisIndex: 1,
            data: points.map((p) => p.overdue),
            lineStyle: { width: 0.2 * rem, color: '#ef4444' },
            itemStyle: { color: '#ef4444' },
            symbolSize: 0.4 * rem,
          },
        ],
      });
      dispose = () => chart.dispose();
    });
    return () => {
      disposed = true;
      dispose();
    };
  }, [points, lang, t, animate, light, viewport]);
  return (
    <figure className="brief-chart" aria-label={title}>
      <figcaption>{title}</figcaption>
      <div ref={ref} className="brief-chart-canvas" data-chart={id} />
    </figure>
  );
}
