// The map's symbols, one shape per kind so they read apart at a glance: cases are round dots coloured by
// their clock, alarms are warning triangles coloured by level, vehicles white dots in a blue ring,
// cameras magenta and sensors teal dots. The legend (panels/MapLegend.tsx) lists these same values.
// No Cesium import here: the legend loads before the engine.
import type { PartClass } from '../../state/layers';

/** Parts by major class (GB/T 30428.2), as dots at street level and class clusters above it. */
export const PART_COLOURS: Record<PartClass, string> = {
  '01': '#38bdf8',
  '02': '#fbbf24',
  '03': '#a3e635',
  '04': '#4ade80',
  '05': '#c084fc',
};

/** The 3D buildings by height (cityTiles.ts BUILDING_STYLE). */
export const BUILDING_COLOURS = { low: '#8595ad', mid: '#aebcd0', high: '#dbe4f0' } as const;
export const SYMBOL_COLOURS = {
  caseGreen: '#34d399',
  caseYellow: '#fbbf24',
  caseRed: '#f87171',
  casePaused: '#94a3b8',
  alarm1: '#ef4444',
  alarm2: '#fb923c',
  alarm3: '#facc15',
  alarm4: '#60a5fa',
  vehicle: '#f8fafc',
  vehicleRing: '#2563eb',
  cameraOnline: '#e879f9',
  deviceOffline: '#64748b',
  cameraFault: '#f97316',
  sensorNormal: '#2dd4bf',
  sensorAlarm: '#ef4444',
  partAbnormal: '#f43f5e',
  cityBounds: '#22d3ee',
} as const;

/**
 * A warning triangle drawn once on a canvas, white with a dark edge and a dark "!": a billboard tints
 * the white with the alarm level's colour. `size` in px (device pixels already counted by the caller).
 */
export function alarmTriangle(size: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  const pad = size * 0.08;
  g.beginPath();
  g.moveTo(size / 2, pad);
  g.lineTo(size - pad, size - pad);
  g.lineTo(pad, size - pad);
  g.closePath();
  g.fillStyle = '#ffffff';
  g.fill();
  g.lineWidth = Math.max(1.5, size * 0.07);
  g.strokeStyle = '#050a14';
  g.stroke();
  g.fillStyle = '#050a14';
  g.fillRect(size / 2 - size * 0.05, size * 0.36, size * 0.1, size * 0.3);
  g.fillRect(size / 2 - size * 0.05, size * 0.72, size * 0.1, size * 0.1);
  return canvas;
}
