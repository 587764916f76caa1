// Generated snapshot images for simulated video-AI detections and inspector photos: a deterministic SVG
// "camera frame" per name (street, buildings, a marked box, the camera caption and time stamp).
import crypto from 'node:crypto';

const LABELS = ['店外经营', '占道经营', '小广告', '非机动车乱停放', '暴露垃圾', '道路积水', '井盖缺失'];

export function snapshotSvg(name: string): string {
  const h = crypto.createHash('sha256').update(name).digest();
  const b = (i: number) => h[i % h.length] as number;
  const esc = (s: string) => s.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const buildings = Array.from({ length: 7 }, (_, i) => {
    const x = i * 100 + (b(i) % 30) - 10;
    const height = 90 + (b(i + 7) % 120);
    const shade = 70 + (b(i + 14) % 60);
    return `<rect x="${x}" y="${260 - height}" width="${80 + (b(i + 3) % 30)}" height="${height}" fill="rgb(${shade},${shade + 8},${shade + 20})"/>`;
  }).join('');
  const bx = 120 + (b(20) % 360);
  const by = 250 + (b(21) % 60);
  const label = LABELS[b(22) % LABELS.length] as string;
  const minutes = (b(23) * 6 + b(24)) % 1440;
  const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(b(25) % 60).padStart(2, '0')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="640" height="360" viewBox="0 0 640 360">
<defs><linearGradient id="s" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#8fb3d9"/><stop offset="1" stop-color="#dfe8ef"/></linearGradient></defs>
<rect width="640" height="260" fill="url(#s)"/>${buildings}
<polygon points="0,360 640,360 460,250 180,250" fill="#5a5f66"/><rect x="0" y="250" width="640" height="6" fill="#c9c2b0"/>
<polygon points="312,360 328,360 322,250 318,250" fill="#f2f2f2"/>
<rect x="${bx}" y="${by}" width="${90 + (b(26) % 60)}" height="${50 + (b(27) % 40)}" fill="none" stroke="#ff3b30" stroke-width="3"/>
<text x="${bx}" y="${by - 6}" font-size="16" fill="#ff3b30" font-family="Noto Sans CJK SC, sans-serif">${esc(label)} ${(0.6 + (b(28) % 40) / 100).toFixed(2)}</text>
<rect x="0" y="0" width="640" height="26" fill="rgba(0,0,0,0.45)"/>
<text x="8" y="18" font-size="14" fill="#fff" font-family="Noto Sans CJK SC, monospace">${esc(name.slice(0, 60))}  ${time}</text>
</svg>`;
}
