/// <reference types="vite/client" />
import type { CityOpsHandle } from './app/signals';

declare global {
  interface Window {
    /** Where Cesium's static Workers/Assets/Widgets are served (set in map/cesium/baseUrl.ts). */
    CESIUM_BASE_URL?: string;
    /** Read-only diagnostics for tests and support (app/signals.ts). */
    readonly __cityOps?: CityOpsHandle;
  }
}
