// Cesium loads its Workers, Assets and Widgets from CESIUM_BASE_URL at run time. The build copies
// them to ./cesium/ next to index.html (see renderer/build/cesiumStatic.ts); a relative URL keeps
// that working from http://, file:// and app://. This module must run before Cesium is used.
export const CESIUM_BASE_URL = './cesium/';

window.CESIUM_BASE_URL = CESIUM_BASE_URL;
