// Login/logout/me, and the middleware that turns a bearer token into the acting user.
import type { Request, RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { authenticate, login, logout, type Actor } from '../auth/sessions';
import { asyncHandler, parseOr400, unauthorized } from './errors';

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

const LoginBody = z.object({
  username: z.string().trim().min(1, 'username is required').max(64),
  password: z.string().min(1, 'password is required').max(200),
});

export function bearer(req: Request): string | null {
  const header = req.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match?.[1] ?? null;
}

export function requireActor(ctx: ServerContext): RequestHandler {
  return asyncHandler(async (req, _res, next) => {
    const token = bearer(req);
    if (!token) throw unauthorized();
    const actor = await authenticate(ctx, token);
    if (!actor)
      throw unauthorized('会话无效或已过期，请重新登录 / Session invalid or expired: sign in again');
    req.actor = actor;
    next();
  });
}

export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

export function mountAuth(ctx: ServerContext) {
  return (router: Router) => {
    router.post(
      '/auth/login',
      asyncHandler(async (req, res) => {
        const body = parseOr400(LoginBody, req.body, 'login body');
        const result = await login(ctx, body.username, body.password);
        if (!result) {
          ctx.log.warn('login failed', { username: body.username });
          throw unauthorized('用户名或密码错误 / Wrong username or password');
        }
        ctx.log.info('login', { userId: result.actor.userId, role: result.actor.role });
        res.json({ token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.actor });
      }),
    );
    router.post(
      '/auth/logout',
      requireActor(ctx),
      asyncHandler(async (req, res) => {
        await logout(ctx, bearer(req) ?? '');
        res.status(204).end();
      }),
    );
    router.get('/auth/me', requireActor(ctx), (req, res) => {
      res.json({ user: actorOf(req) });
    });
  };
}
