// Applies the pure policies of security.ts and url-policy.ts to Electron's session and web contents.
import { shell, type Session, type WebContents } from 'electron';
import { isPermissionAllowed, withCsp } from './security';
import { decideWindowOpen, isNavigationAllowed, isRedirectAllowed, type OriginPolicy } from './url-policy';

type Log = (line: string) => void;

/** CSP on every response, permissions limited to the app, no device access. */
export function hardenSession(ses: Session, policy: OriginPolicy, csp: string, log: Log): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders, csp) });
  });

  ses.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const allowed = isPermissionAllowed(permission, details.requestingUrl, policy);
    if (!allowed) log(`denied permission "${permission}" for ${details.requestingUrl}`);
    callback(allowed);
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, policy),
  );
  // WebHID, WebUSB, Web Serial: a wall has no business with local devices.
  ses.setDevicePermissionHandler(() => false);
}

/** Every web contents (windows, and any that might appear later): no new windows, no leaving the app. */
export function hardenWebContents(
  contents: WebContents,
  policy: OriginPolicy,
  externalOrigins: readonly string[],
  log: Log,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url, externalOrigins);
    if (decision.openExternally) {
      shell
        .openExternal(url)
        .catch((error: unknown) => log(`could not open ${url} in the browser: ${String(error)}`));
    } else {
      log(`blocked a new window for ${url}`);
    }
    return { action: decision.action };
  });

  contents.on('will-navigate', (event) => {
    if (!isNavigationAllowed(event.url, policy)) {
      event.preventDefault();
      log(`blocked navigation to ${event.url}`);
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isNavigationAllowed(event.url, policy)) {
      event.preventDefault();
      log(`blocked frame navigation to ${event.url}`);
    }
  });
  contents.on('will-redirect', (event) => {
    if (!isRedirectAllowed(event.url, policy)) {
      event.preventDefault();
      log(`blocked redirect to ${event.url}`);
    }
  });
  contents.on('will-attach-webview', (event) => {
    // webviewTag is off; refuse here as well in case a page ever gets one in.
    event.preventDefault();
    log('blocked a <webview>');
  });
}
