// Site photos (desk or phone, the same API):
//   POST /api/cases/:id/photos   body: the image bytes (Content-Type image/jpeg | image/png | image/webp),
//                                at most 8 MB → 201 {url, preview}; anyone who may read the case
//   GET  /api/cases/:id/photos/:file   with a bearer token of a reader, or a signed URL (?exp=&sig=) as
//                                the case detail gives its readers (an <img> sends no token)
// The bytes decide the type (sniffed), never the header; a non-image is 415, too big 413.
import express, { type RequestHandler, type Router } from 'express';
import { mayReadPhoto } from '../access/rules';
import type { Actor } from '../auth/sessions';
import { authenticate } from '../auth/sessions';
import type { ServerContext } from '../context';
import { toSnapshot, type CaseRow } from '../cases/view';
import { AppError, forbidden, notFound, unauthorized } from '../errors';
import { CONTENT_TYPES, MAX_PHOTO_BYTES, sniffImage, type PhotoStore, type PhotoType } from '../photos/store';
import { actorOf, bearer, requireActor } from './auth';
import { asyncHandler, classifyError, sendError } from './errors';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/octet-stream'];

export function mountPhotos(ctx: ServerContext, photos: PhotoStore) {
  const readable = async (caseId: string, actor: Actor) => {
    const row = (await ctx.db.case.findUnique({ where: { id: caseId } })) as CaseRow | null;
    if (!row) throw notFound(`case ${caseId}`);
    if (!mayReadPhoto(toSnapshot(row), actor))
      throw forbidden('无权查看该案件 / You may not see this case (outside your department or district)');
  };
  // Who may add a photo is known before the body is read: nobody else can make the server take 8 MB.
  const mayAdd: RequestHandler = asyncHandler(async (req, _res, next) => {
    await readable(String(req.params.id), actorOf(req));
    next();
  });
  return (router: Router) => {
    router.post(
      '/cases/:id/photos',
      requireActor(ctx),
      mayAdd,
      express.raw({ type: () => true, limit: MAX_PHOTO_BYTES }),
      asyncHandler(async (req, res) => {
        const caseId = String(req.params.id);
        const declared = (req.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (bytes.length === 0)
          throw new AppError(400, 'bad_request', '没有图片内容 / The body is empty: send the image bytes');
        if (declared === 'multipart/form-data')
          throw new AppError(415, 'unsupported_media_type', {
            zh: '请直接发送图片内容（Content-Type: image/jpeg、image/png 或 image/webp），不要用表单',
            en: 'Send the image bytes as the body (Content-Type image/jpeg, image/png or image/webp), not a form',
          });
        const type: PhotoType | null = sniffImage(bytes);
        if (!type || !IMAGE_TYPES.includes(declared))
          throw new AppError(
            415,
            'unsupported_media_type',
            '只接受 JPEG、PNG 或 WebP 图片 / Only JPEG, PNG or WebP images are accepted',
          );
        const url = await photos.save(caseId, bytes, type);
        ctx.log.info('photo uploaded', { caseId, userId: actorOf(req).userId, bytes: bytes.length, type });
        res.status(201).json({ url, preview: photos.sign(url, ctx.clock.now().getTime()) });
      }),
    );
    router.get(
      '/cases/:id/photos/:file',
      asyncHandler(async (req, res) => {
        const caseId = String(req.params.id);
        const file = String(req.params.file);
        const where = photos.fileOf(caseId, file);
        if (!where) throw notFound('photo');
        const pathname = `/api/cases/${caseId}/photos/${file}`;
        const now = ctx.clock.now().getTime();
        if (!photos.verify(pathname, req.query.exp, req.query.sig, now)) {
          const token = bearer(req);
          const actor = token ? await authenticate(ctx, token) : null;
          if (!actor)
            throw unauthorized('照片链接已过期，请刷新案件 / The photo link expired: reload the case');
          await readable(caseId, actor);
        }
        const type = file.slice(file.lastIndexOf('.') + 1) as PhotoType;
        res.setHeader('Content-Type', CONTENT_TYPES[type]);
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Content-Security-Policy', "default-src 'none'");
        res.setHeader('Cache-Control', 'private, max-age=3600');
        res.sendFile(where, (err) => {
          if (err && !res.headersSent) sendError(res, classifyError(notFound('photo')));
        });
      }),
    );
  };
}
