// The Content Security Policy of the command client, from `default-src 'none'`: the same directives
// the Electron shell adds to every response (electron/main/security.ts buildCsp) and the server sends
// with every answer (server/src/http/headers.ts), so a browser window, a `?wall=` window and a command
// hall network get the shell's policy too. A unit test keeps the two in step.

/**
 * The directives, given the WebSocket origin of the app server (null: 'self' only) and extra http(s)
 * origins (already normalised) that may serve images, media and data but never scripts.
 */
export function cspDirectives(
  webSocketOrigin: string | null,
  extraOrigins: readonly string[] = [],
): Array<[string, ...string[]]> {
  const ws = webSocketOrigin ? [webSocketOrigin] : [];
  return [
    // Nothing is allowed unless a directive below says so.
    ['default-src', "'none'"],
    // The Vite bundle and Cesium come from the app server. 'wasm-unsafe-eval' lets Cesium's
    // WebAssembly decoders (Draco, Basis) compile; it does not allow eval() or new Function().
    ['script-src', "'self'", "'wasm-unsafe-eval'"],
    // 'unsafe-inline': Cesium's CreditDisplay and Widgets inject <style> elements and React renders
    // style attributes; styles cannot run code.
    ['style-src', "'self'", "'unsafe-inline'"],
    // Map tiles, textures, icons: the app, data: (Cesium's icons) and blob: (imagery decoded off-thread).
    ['img-src', "'self'", 'data:', 'blob:', ...extraOrigins],
    // Video walls: hls.js feeds <video> through MediaSource, which needs blob: URLs.
    ['media-src', "'self'", 'blob:', ...extraOrigins],
    // REST and Socket.IO on the app server; Cesium fetches payloads it has put in data:/blob: URLs.
    ['connect-src', "'self'", ...ws, 'data:', 'blob:', ...extraOrigins],
    ['font-src', "'self'"],
    // Cesium's Web Workers are loaded from the app, or wrapped in blob: URLs by its TaskProcessor.
    ['worker-src', "'self'", 'blob:'],
    // These do not fall back to default-src, so they are closed explicitly.
    ['base-uri', "'none'"],
    ['form-action', "'self'"],
    ['frame-ancestors', "'none'"],
    ['object-src', "'none'"],
  ];
}

export function cspHeader(webSocketOrigin: string | null, extraOrigins: readonly string[] = []): string {
  return cspDirectives(webSocketOrigin, extraOrigins)
    .map((parts) => parts.join(' '))
    .join('; ');
}
