// Demo camera streams: a few short HLS streams (H.264, 480x270) of a synthetic street scene, made with
// Debian's ffmpeg when it is installed; cameras share them round-robin (/media/demo/N/index.m3u8).
// Without ffmpeg nothing is built and the client shows the camera's snapshot instead (docs/adr/0007).
//   node --import tsx server/src/tiles/video.ts [--force]
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_STREAMS } from '../city/cameras';

export const VIDEO_DIR = fileURLToPath(new URL('../../../assets/video/demo', import.meta.url));
const FONT = '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc';

export function ffmpegAvailable(): boolean {
  return spawnSync('ffmpeg', ['-hide_banner', '-version'], { stdio: 'ignore' }).status === 0;
}

export function videoNeeded(dir = VIDEO_DIR): boolean {
  return ffmpegAvailable() && !fs.existsSync(path.join(dir, String(DEMO_STREAMS - 1), 'index.m3u8'));
}

function filters(n: number): string {
  const car = (speed: number, offset: number, y: number, w: number, colour: string, reverse = false) =>
    `drawbox=x='${reverse ? `560-mod(t*${speed}+${offset},640)` : `mod(t*${speed}+${offset},640)-80`}':y=${y}:w=${w}:h=${Math.round(w * 0.42)}:color=${colour}:t=fill`;
  const buildings = Array.from({ length: 6 }, (_, i) => {
    const h = 60 + ((n * 37 + i * 53) % 70);
    return `drawbox=x=${i * 82}:y=${140 - h}:w=74:h=${h}:color=0x${(0x707a88 + ((n + i) % 4) * 0x0a0a0a).toString(16)}:t=fill`;
  });
  const text = (s: string, x: string, y: number, size: number) =>
    `drawtext=${fs.existsSync(FONT) ? `fontfile=${FONT}:` : ''}text='${s}':x=${x}:y=${y}:fontsize=${size}:fontcolor=white:box=1:boxcolor=black@0.45:boxborderw=4`;
  return [
    ...buildings,
    'drawbox=x=0:y=140:w=480:h=130:color=0x5a5f66:t=fill',
    'drawbox=x=0:y=140:w=480:h=5:color=0xc9c2b0:t=fill',
    "drawbox=x='mod(-t*120,80)+0':y=203:w=40:h=4:color=white:t=fill",
    "drawbox=x='mod(-t*120,80)+160':y=203:w=40:h=4:color=white:t=fill",
    "drawbox=x='mod(-t*120,80)+320':y=203:w=40:h=4:color=white:t=fill",
    car(90, n * 70, 165, 70, '0xc0392b'),
    car(60, n * 40 + 250, 222, 80, '0x2e86c1', true),
    car(120, n * 90 + 400, 160, 56, '0xf1c40f'),
    text(`海州市 演示视频点位 ${n + 1}`, '8', 8, 16),
    text('%{pts\\:hms}', 'w-tw-8', 8, 14),
  ].join(',');
}

export function buildDemoVideo(
  dir = VIDEO_DIR,
  log: (line: string) => void = (l) => console.log(`[video] ${l}`),
): number {
  if (!ffmpegAvailable()) {
    log('ffmpeg not found (Debian: apt-get install ffmpeg): no demo streams; clients show snapshots');
    return 0;
  }
  for (let n = 0; n < DEMO_STREAMS; n++) {
    const out = path.join(dir, String(n));
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    const args = [
      '-hide_banner',
      '-loglevel',
      'error',
      '-y',
      '-f',
      'lavfi',
      '-i',
      `color=c=0x9db8d6:s=480x270:r=15:d=20`,
      '-vf',
      filters(n),
      '-c:v',
      'libx264',
      '-profile:v',
      'baseline',
      '-preset',
      'veryfast',
      '-crf',
      '30',
      '-g',
      '30',
      '-pix_fmt',
      'yuv420p',
      '-f',
      'hls',
      '-hls_time',
      '2',
      '-hls_playlist_type',
      'vod',
      '-hls_segment_filename',
      path.join(out, 'seg%03d.ts'),
      path.join(out, 'index.m3u8'),
    ];
    const r = spawnSync('ffmpeg', args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`ffmpeg failed for stream ${n}: ${r.stderr.slice(0, 500)}`);
    log(`demo stream ${n + 1}/${DEMO_STREAMS}: ${path.relative(process.cwd(), out)}/index.m3u8`);
  }
  return DEMO_STREAMS;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  try {
    if (process.argv.includes('--force') || videoNeeded()) buildDemoVideo();
    else console.log('[video] demo streams are up to date (or ffmpeg is missing)');
  } catch (error) {
    console.error(`[video] ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
