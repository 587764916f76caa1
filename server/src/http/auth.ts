// Login/logout/me, and the middleware that turns a bearer token into the acting user.
import type { Request, RequestHandler, Router } from 'express';
import { z } from 'zod';
import type { ServerContext } from '../context';
import { audit } from '../audit/audit';
import type { LoginGuard } from '../auth/login-guard';
import { authenticate, login, logout, type Actor } from '../auth/sessions';
import { AppError } from '../errors';
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

const locked = (retryAfterS: number) =>
  new AppError(
    429,
    'locked',
    {
      zh: `登录失败次数过多，已暂时锁定，请 ${Math.ceil(retryAfterS / 60)} 分钟后再试或联系系统管理员解锁`,
      en: `Too many failed sign-ins: locked for ${Math.ceil(retryAfterS / 60)} min, or until an administrator unlocks it`,
    },
    { retryAfterS },
  );

export function mountAuth(ctx: ServerContext, guard: LoginGuard) {
  return (router: Router) => {
    router.post(
      '/auth/login',
      asyncHandler(async (req, res) => {
        const body = parseOr400(LoginBody, req.body, 'login body');
        const address = req.ip ?? '';
        const block = await guard.blocked(body.username, address);
        if (block) {
          await audit(ctx, {
            action: 'auth.refused',
            username: body.username,
            address,
            outcome: 'denied',
            detail: { by: block.by, retryAfterS: block.retryAfterS },
          });
          throw locked(block.retryAfterS);
        }
        const result = await login(ctx, body.username, body.password);
        if (!result) {
          ctx.log.warn('login failed', { username: body.username });
          const lock = await guard.failed(body.username, address);
          await audit(ctx, { action: 'auth.failed', username: body.username, address, outcome: 'failed' });
          if (lock) {
            ctx.log.warn('login locked', { username: body.username, address, by: lock.by });
            await audit(ctx, {
              action: 'auth.locked',
              username: body.username,
              address,
              target: lock.by === 'account' ? body.username : address,
              outcome: 'denied',
              detail: { by: lock.by, retryAfterS: lock.retryAfterS },
            });
            throw locked(lock.retryAfterS);
          }
          throw unauthorized('用户名或密码错误 / Wrong username or password');
        }
        await guard.succeeded(body.username);
        await audit(ctx, { action: 'auth.login', actor: result.actor, address });
        ctx.log.info('login', { userId: result.actor.userId, role: result.actor.role });
        res.json({ token: result.token, expiresAt: result.expiresAt.toISOString(), user: result.actor });
      }),
    );
    router.post(
      '/auth/logout',
      requireActor(ctx),
      asyncHandler(async (req, res) => {
        await logout(ctx, bearer(req) ?? '');
        await audit(ctx, { action: 'auth.logout', actor: actorOf(req), address: req.ip });
        res.status(204).end();
      }),
    );
    router.get('/auth/me', requireActor(ctx), (req, res) => {
      res.json({ user: actorOf(req) });
    });
  };
}
