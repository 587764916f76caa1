// Video points: status changes from the video platform, and video-AI detections. A confident detection
// raises a video_ai report (CaseService.report) with its snapshot; every status change and detection is
// written with its outbox row (topics 'camera' and 'detection').
import crypto from 'node:crypto';
import type { CameraStatus, CameraStatusBatch, DetectionBody, DetectionView } from '@contract/city';
import type { ServerContext } from '../context';
import type { CaseService } from '../cases/service';
import type { Camera, Detection } from '../db/generated/sqlite/client';
import { appendOutbox } from '../db/outbox';
import { toLonLat, toXY } from '../city/geometry/projection';
import { SYSTEM_ACTOR } from '../domain';
import { AppError, badRequest } from '../errors';
import { notAhead } from './time';

export function detectionView(row: Detection): DetectionView {
  return { ...row, at: row.at.toISOString() };
}

export class VideoService {
  /** detections below this confidence are kept but raise no report (VIDEO_AI_MIN_CONFIDENCE) */
  readonly minConfidence: number;

  constructor(
    private readonly ctx: ServerContext,
    private readonly cases: CaseService,
  ) {
    const env = Number(process.env.VIDEO_AI_MIN_CONFIDENCE);
    this.minConfidence = Number.isFinite(env) && env >= 0 && env <= 1 ? env : 0.6;
  }

  async status(batch: CameraStatusBatch) {
    const { db } = this.ctx;
    const now = this.ctx.clock.now();
    const ids = [...new Set(batch.items.map((i) => i.cameraId))];
    const cameras = new Map((await db.camera.findMany({ where: { id: { in: ids } } })).map((c) => [c.id, c]));
    const nowMs = now.getTime();
    const rejected: Array<{ index: number; error: string }> = [];
    const usable = new Set<number>();
    batch.items.forEach((item, index) => {
      const ahead = item.at ? notAhead(Date.parse(item.at), nowMs) : null;
      if (!cameras.has(item.cameraId)) rejected.push({ index, error: `unknown camera ${item.cameraId}` });
      else if (ahead) rejected.push({ index, error: ahead });
      else usable.add(index);
    });
    let changed = 0;
    await db.$transaction(async (tx) => {
      for (const [index, item] of batch.items.entries()) {
        const camera = cameras.get(item.cameraId);
        if (!usable.has(index) || !camera || camera.status === item.status) continue;
        const at = item.at ? new Date(item.at) : now;
        const row = await tx.camera.update({
          where: { id: camera.id },
          data: { status: item.status, statusAt: at },
        });
        cameras.set(camera.id, row);
        await appendOutbox(
          tx,
          {
            topic: 'camera',
            type: 'camera.status',
            entityId: row.id,
            districtCode: row.districtCode,
            payload: { camera: cameraStatusView(row) },
          },
          now,
        );
        changed++;
      }
    });
    if (changed) this.ctx.bus.notifyOutbox();
    return {
      accepted: usable.size,
      changed,
      rejected,
    };
  }

  async detect(
    body: DetectionBody,
  ): Promise<{ detection: DetectionView; caseId: string | null; caseNumber: string | null }> {
    const { db } = this.ctx;
    const camera = await db.camera.findUnique({ where: { id: body.cameraId } });
    if (!camera) throw badRequest(`摄像机 ${body.cameraId} 不存在 / Unknown camera ${body.cameraId}`);
    const category = this.cases.ref.categories.get(`event-${body.code}`);
    if (!category || category.isMajor)
      throw badRequest(`未知的事件类别 ${body.code} / Unknown event code ${body.code}`);
    const now = this.ctx.clock.now();
    const at = body.at ? new Date(body.at) : now;
    const ahead = notAhead(at.getTime(), now.getTime());
    if (ahead) throw badRequest(`检测时间超前服务器 5 分钟以上 / ${ahead}`);
    // The problem is in front of the camera: 20 m along its heading.
    const [x, y] = toXY(camera.lon, camera.lat);
    const rad = (camera.heading * Math.PI) / 180;
    const [lon, lat] = toLonLat(x + 20 * Math.sin(rad), y + 20 * Math.cos(rad));
    const id = crypto.randomUUID();
    let caseRef: { id: string; caseNumber: string } | null = null;
    if (body.confidence >= this.minConfidence) {
      const report = {
        source: 'video_ai' as const,
        kind: 'event' as const,
        code: body.code,
        address: camera.name.slice(0, 200),
        description: `视频智能识别：${category.name}（置信度 ${Math.round(body.confidence * 100)}%），摄像机 ${camera.name}`,
        photos: [body.snapshotUrl],
        externalRef: `det-${id}`,
      };
      try {
        caseRef = await this.cases.report({ ...report, lon, lat }, SYSTEM_ACTOR);
      } catch (error) {
        if (!(error instanceof AppError) || error.status !== 400) throw error;
        caseRef = await this.cases.report({ ...report, lon: camera.lon, lat: camera.lat }, SYSTEM_ACTOR);
      }
    }
    const row = await db.$transaction(async (tx) => {
      const created = await tx.detection.create({
        data: {
          id,
          cameraId: camera.id,
          categoryId: category.id,
          confidence: body.confidence,
          snapshotUrl: body.snapshotUrl,
          lon,
          lat,
          caseId: caseRef?.id ?? null,
          at,
        },
      });
      await appendOutbox(
        tx,
        {
          topic: 'detection',
          type: 'detection.created',
          entityId: id,
          districtCode: camera.districtCode,
          payload: { detection: detectionView(created) },
        },
        now,
      );
      return created;
    });
    this.ctx.bus.notifyOutbox();
    return {
      detection: detectionView(row),
      caseId: caseRef?.id ?? null,
      caseNumber: caseRef?.caseNumber ?? null,
    };
  }
}

export function cameraStatusView(row: Camera) {
  return {
    id: row.id,
    name: row.name,
    owner: row.owner,
    lon: row.lon,
    lat: row.lat,
    // the column only ever holds a status the ingest schema accepted (CameraStatusBatch)
    status: row.status as CameraStatus,
    statusAt: row.statusAt?.toISOString() ?? null,
  };
}
