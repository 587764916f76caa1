// Electron fuses: switches compiled into the Electron binary, flipped once on the packaged app (after
// packaging, before signing). They turn off ways to run the binary as something other than this app.
//   node --import tsx electron/fuses.ts <path to the packaged Electron executable>
// With Electron Forge, pass FUSE_CONFIG to @electron-forge/plugin-fuses; with electron-builder, call
// applyFuses() from an afterPack hook.
import { flipFuses, FuseV1Options, FuseVersion, type FuseV1Config } from '@electron/fuses';
import { pathToFileURL } from 'node:url';

export const FUSE_CONFIG = {
  version: FuseVersion.V1,
  // Fail if this Electron has a fuse we have not decided on (a new one after an upgrade).
  strictlyRequireAllFuses: true,
  // ELECTRON_RUN_AS_NODE would turn the signed binary into a general-purpose Node.js.
  [FuseV1Options.RunAsNode]: false,
  // Cookies (the server session) encrypted at rest with an OS-protected key.
  [FuseV1Options.EnableCookieEncryption]: true,
  // NODE_OPTIONS could preload arbitrary code into the main process.
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  // --inspect and friends would open a debugger port into the main process.
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  // app.asar is checked against the hash embedded in the binary (macOS and Windows).
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  // Only the app.asar is loaded, never a loose app/ folder someone dropped next to it.
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
  // No separate V8 snapshot for the browser process: the default.
  [FuseV1Options.LoadBrowserProcessSpecificV8Snapshot]: false,
  // The app is served over http(s); file:// needs no extra privileges.
  [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
  // WebAssembly trap handlers stay on (the default): faster and safer bounds checks for Cesium's wasm.
  [FuseV1Options.WasmTrapHandlers]: true,
} as const satisfies FuseV1Config;

/** Flips the fuses of a packaged Electron binary; returns what @electron/fuses returns (bytes written). */
export function applyFuses(
  electronBinary: string,
  platform = process.platform,
  arch = process.arch,
): Promise<number> {
  // Flipping fuses breaks the ad-hoc signature of arm64 macOS binaries; it has to be re-done.
  const resetAdHocDarwinSignature = platform === 'darwin' && arch === 'arm64';
  return flipFuses(electronBinary, { ...FUSE_CONFIG, resetAdHocDarwinSignature });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const binary = process.argv[2];
  if (!binary) {
    console.error('usage: node --import tsx electron/fuses.ts <path to the packaged Electron executable>');
    process.exit(2);
  }
  applyFuses(binary).then(
    () => console.log(`[fuses] flipped the fuses of ${binary}`),
    (error: unknown) => {
      console.error(`[fuses] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
