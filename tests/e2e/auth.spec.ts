// Signing in and out: the server's message on a wrong password (in the interface language), the role
// chip, a session that survives a reload, a session ended on the server, and signing out.
import { expect, test } from '@playwright/test';
import { signIn } from './support';

test.describe('sign-in', () => {
  test('wrong password, role chip, reload, expired session, sign-out', async ({ page, request }) => {
    await page.goto('/?map=off');
    const form = page.getByRole('form', { name: '值班登录' });
    await expect(form).toBeVisible();

    await form.getByRole('button', { name: '登录', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('请输入用户名和密码');
    await page.getByLabel('用户名').fill('supervisor');
    await page.getByLabel('密码').fill('wrong-password');
    await form.getByRole('button', { name: '登录', exact: true }).click();
    await expect(form.getByRole('alert')).toHaveText('用户名或密码错误');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    const formEn = page.getByRole('form', { name: 'Duty sign-in' });
    await expect(formEn.getByRole('alert')).toHaveText('Wrong username or password');
    await page.getByRole('button', { name: '中文', exact: true }).click();

    await page.getByLabel('用户名').fill('');
    await signIn(page, 'supervisor');
    const chip = page.getByRole('group', { name: '当前用户' });
    await expect(chip).toContainText('监督中心受理员');
    await expect(chip).toContainText('监督中心 王受理');
    await expect(page.locator('.queue[data-queue="intake"]')).toHaveAttribute('data-queue-status', 'ready');

    await page.reload();
    await expect(page.locator('body[data-auth="user:supervisor"]')).toHaveCount(1);

    // The server ends the session (e.g. signed out elsewhere): the next request is refused and the
    // wall goes back to the login form with a message.
    const stored = await page.evaluate("sessionStorage.getItem('cityOps.session')");
    const token = (JSON.parse(String(stored)) as { token: string }).token;
    expect(token).toBeTruthy();
    const ended = await request.post('/api/auth/logout', { headers: { authorization: `Bearer ${token}` } });
    expect(ended.status()).toBe(204);
    await expect(page.locator('body[data-auth="anonymous"]')).toHaveCount(1);
    await expect(form.getByRole('alert')).toHaveText('会话已过期，请重新登录');

    await signIn(page, 'dispatcher');
    await expect(page.getByRole('group', { name: '当前用户' })).toContainText('指挥中心派遣员');
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(form.getByRole('alert')).toHaveText('已退出登录');
    expect(await page.evaluate("sessionStorage.getItem('cityOps.session')")).toBeNull();
  });
});
