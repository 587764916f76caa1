// Password hashing with scrypt (node:crypto). Stored as scrypt$N$r$p$salt$hash (base64).
// Verification is asynchronous (libuv's thread pool): a burst of logins never blocks the event loop
// that serves every other request and socket.
import crypto from 'node:crypto';
import os from 'node:os';

const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

export function hashPassword(password: string, salt = crypto.randomBytes(16)): string {
  const hash = crypto.scryptSync(password, salt, KEYLEN, { N, r: R, p: P });
  return ['scrypt', N, R, P, salt.toString('base64'), hash.toString('base64')].join('$');
}

// At most cores - 1 hashes at once, so a burst of sign-ins queues instead of taking every core from the
// event loop (libuv's pool has 4 threads; these machines may have 2 cores).
const MAX_PARALLEL = Math.max(1, (os.availableParallelism?.() ?? os.cpus().length) - 1);
let running = 0;
const waiting: Array<() => void> = [];

async function scrypt(password: string, salt: Buffer, length: number, options: crypto.ScryptOptions) {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await new Promise<Buffer>((resolve, reject) =>
      crypto.scrypt(password, salt, length, options, (err, key) => (err ? reject(err) : resolve(key))),
    );
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, salt, hash] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hash, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && crypto.timingSafeEqual(actual, expected);
}
