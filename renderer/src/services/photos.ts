// Uploads a site photo for a case (POST /api/cases/:id/photos with the file's bytes). The server sniffs
// the bytes and keeps only JPEG, PNG and WebP up to 8 MB; the answer is the URL to attach and a signed
// preview URL an <img> can load.
import { z } from 'zod';
import { ApiError } from './api';

const Uploaded = z.object({ url: z.string(), preview: z.string() });
export type Uploaded = z.infer<typeof Uploaded>;

export const PHOTO_ACCEPT = 'image/jpeg,image/png,image/webp';
export const MAX_PHOTO_MB = 8;

export async function uploadPhoto(
  origin: string,
  token: string | null,
  caseId: string,
  file: Blob,
): Promise<Uploaded> {
  const response = await fetch(`${origin}/api/cases/${encodeURIComponent(caseId)}/photos`, {
    method: 'POST',
    headers: {
      'content-type': file.type || 'application/octet-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: file,
  });
  const body = (await response.json().catch(() => null)) as unknown;
  if (!response.ok) {
    const error = (body as { error?: { code?: string; message?: string } } | null)?.error;
    throw new ApiError(response.status, error?.code ?? 'http', error?.message ?? `HTTP ${response.status}`);
  }
  return Uploaded.parse(body);
}
