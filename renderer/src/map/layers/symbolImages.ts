// The symbols' images, drawn once on a canvas each (symbols.ts says which shape a kind has): the alarm
// triangle, tinted by the billboard with the level's colour, and the vehicle symbols by team.
import { OUTLINE, SYMBOL_COLOURS } from '../palette';
import type { VehicleShape } from './symbols';

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
  g.strokeStyle = OUTLINE;
  g.stroke();
  g.fillStyle = OUTLINE;
  g.fillRect(size / 2 - size * 0.05, size * 0.36, size * 0.1, size * 0.3);
  g.fillRect(size / 2 - size * 0.05, size * 0.72, size * 0.1, size * 0.1);
  return canvas;
}

/** The outline of a vehicle shape in a box of `size` px, inset by `pad`. */
function tracePath(g: CanvasRenderingContext2D, shape: VehicleShape, size: number, pad: number) {
  const c = size / 2;
  const r = c - pad;
  g.beginPath();
  switch (shape) {
    case 'circle':
      g.arc(c, c, r, 0, 2 * Math.PI);
      break;
    case 'diamond':
      g.moveTo(c, pad);
      g.lineTo(size - pad, c);
      g.lineTo(c, size - pad);
      g.lineTo(pad, c);
      break;
    case 'shield':
      g.moveTo(pad, pad + r * 0.15);
      g.lineTo(c, pad);
      g.lineTo(size - pad, pad + r * 0.15);
      g.lineTo(size - pad, c + r * 0.1);
      g.quadraticCurveTo(size - pad, size - pad - r * 0.2, c, size - pad);
      g.quadraticCurveTo(pad, size - pad - r * 0.2, pad, c + r * 0.1);
      break;
    case 'cross': {
      const k = r * 0.25;
      g.moveTo(pad + k, pad);
      g.lineTo(size - pad - k, pad);
      g.quadraticCurveTo(size - pad, pad, size - pad, pad + k);
      g.lineTo(size - pad, size - pad - k);
      g.quadraticCurveTo(size - pad, size - pad, size - pad - k, size - pad);
      g.lineTo(pad + k, size - pad);
      g.quadraticCurveTo(pad, size - pad, pad, size - pad - k);
      g.lineTo(pad, pad + k);
      g.quadraticCurveTo(pad, pad, pad + k, pad);
      break;
    }
  }
  g.closePath();
}

/**
 * A vehicle's symbol on a canvas of `size` px (device pixels counted by the caller): the white body in
 * the blue ring, in the team's shape; emergency vehicles carry a cross.
 */
export function vehicleSymbol(shape: VehicleShape, size: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const g = canvas.getContext('2d');
  if (!g) return canvas;
  const ring = Math.max(1.5, size * 0.16);
  tracePath(g, shape, size, ring / 2 + 0.5);
  g.fillStyle = SYMBOL_COLOURS.vehicle;
  g.fill();
  g.lineWidth = ring;
  g.lineJoin = 'round';
  g.strokeStyle = SYMBOL_COLOURS.vehicleRing;
  g.stroke();
  if (shape === 'cross') {
    const w = size * 0.14;
    const l = size * 0.46;
    g.fillStyle = SYMBOL_COLOURS.vehicleRing;
    g.fillRect(size / 2 - w / 2, size / 2 - l / 2, w, l);
    g.fillRect(size / 2 - l / 2, size / 2 - w / 2, l, w);
  }
  return canvas;
}

const urls = new Map<VehicleShape, string>();

/** The symbol as a data URL (the legend's image), drawn once per shape. */
export function vehicleSymbolUrl(shape: VehicleShape): string {
  const known = urls.get(shape);
  if (known) return known;
  const url = vehicleSymbol(shape, 32).toDataURL();
  urls.set(shape, url);
  return url;
}
