// The alarm's recent readings as a small line chart with its threshold (SVG, no chart library).
import type { Reading } from '../../state/alerts';

const W = 300;
const H = 80;

export function ReadingChart({
  readings,
  threshold,
  label,
}: {
  readings: readonly Reading[];
  threshold: number | null;
  label: string;
}) {
  const values = readings.map((r) => r.value);
  const all = threshold === null ? values : [...values, threshold];
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const y = (v: number) => H - 6 - ((v - min) / span) * (H - 12);
  const x = (i: number) => (readings.length > 1 ? (i / (readings.length - 1)) * W : W / 2);
  const points = values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  return (
    <svg
      className="reading-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={label}
      data-readings={readings.length}
      preserveAspectRatio="none"
    >
      {threshold !== null && (
        <line className="reading-threshold" x1={0} x2={W} y1={y(threshold)} y2={y(threshold)} />
      )}
      <polyline className="reading-line" points={points} />
      {values.map((v, i) =>
        threshold !== null && v >= threshold ? (
          <circle key={i} className="reading-over" cx={x(i)} cy={y(v)} r={2.5} />
        ) : null,
      )}
    </svg>
  );
}
