// The server's security headers and CSP (issue 17, defect 6): the page, the API and assets carry them,
// and the renderer works under the policy: the map wall (Cesium and its workers, blob: URLs), the video
// wall (hls.js, MediaSource blob: URLs) and the sign-in page raise no CSP violation.
import { expect, test, type Page } from '@playwright/test';
import { signIn } from './support';

/** Collects CSP violations the page reports (the DOM event and the console message). */
async function watchCsp(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('__cspViolation', (text: string) => violations.push(text));
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));`,
  });
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
  });
  return violations;
}

test.describe('security headers', () => {
  test('headers on the page, API and assets; sign-in and video wall run under the CSP', async ({
    page,
    request,
  }) => {
    for (const path of ['/', '/?wall=video-wall', '/api/health', '/api/nope', '/tiles/nope.png']) {
      const response = await request.get(path);
      const headers = response.headers();
      expect(headers['content-security-policy'], path).toMatch(/^default-src 'none'/);
      expect(headers['x-content-type-options'], path).toBe('nosniff');
      expect(headers['x-frame-options'], path).toBe('DENY');
    }
    const violations = await watchCsp(page);
    await page.goto('/?map=off');
    await signIn(page, 'supervisor');
    await expect(page.locator('.queue[data-queue="intake"]')).toHaveAttribute('data-queue-status', 'ready');
    await page.goto('/?wall=video-wall');
    await expect(page.locator('body[data-wall="video-wall"]')).toHaveCount(1);
    expect(violations).toEqual([]);
  });

  test('the map wall draws under the CSP (Cesium workers, blob: URLs) @webgl', async ({ page }) => {
    const violations = await watchCsp(page);
    await page.goto('/');
    await signIn(page, 'commander');
    await expect(page.locator('body[data-map-first-frame]')).toHaveCount(1, { timeout: 120_000 });
    // Cesium's knockout used to call eval at load (blocked, and the map did not start):
    // renderer/build/knockoutNoEval.ts. No violation at all is allowed.
    expect(violations).toEqual([]);
  });
});
