// Session tokens: random 32 bytes, given once to the client, stored as sha256 with an expiry.
// The same token authenticates HTTP (Authorization: Bearer) and Socket.IO (handshake auth.token).
import crypto from 'node:crypto';
import type { Role } from '@contract/domain';
import type { ServerContext } from '../context';
import { verifyPassword } from './password';

export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  districtCode: string | null;
}

const sha256 = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export async function login(
  ctx: ServerContext,
  username: string,
  password: string,
): Promise<{ token: string; expiresAt: Date; actor: Actor } | null> {
  const user = await ctx.db.user.findUnique({ where: { username } });
  // Verify against a dummy hash when the user does not exist, so timing does not reveal usernames.
  const ok = (await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)) && !!user && user.active;
  if (!ok || !user) return null;
  const token = crypto.randomBytes(32).toString('base64url');
  const now = ctx.clock.now();
  const expiresAt = new Date(now.getTime() + ctx.config.sessionHours * 3600_000);
  await ctx.db.session.create({
    data: { tokenHash: sha256(token), userId: user.id, createdAt: now, expiresAt },
  });
  return { token, expiresAt, actor: toActor(user) };
}

export async function authenticate(
  ctx: ServerContext,
  token: string | undefined | null,
): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const session = await ctx.db.session.findUnique({
    where: { tokenHash: sha256(token) },
    include: { user: true },
  });
  if (!session || !session.user.active) return null;
  if (session.expiresAt.getTime() <= ctx.clock.now().getTime()) return null;
  return toActor(session.user);
}

export async function logout(ctx: ServerContext, token: string): Promise<void> {
  await ctx.db.session.deleteMany({ where: { tokenHash: sha256(token) } });
}

function toActor(user: {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentId: string | null;
  districtCode: string | null;
}): Actor {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    role: user.role as Role,
    departmentId: user.departmentId,
    districtCode: user.districtCode,
  };
}

// scrypt hash of a random password nobody knows; only used to equalise timing.
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$0k8Qd7n7p2oU1Y6z1m8M0y6b3yq2bq3d0hGk3m9W2rY=';
