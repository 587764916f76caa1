// Knockout (bundled by Cesium's widgets, which the Viewer loads) finds the global object at load time
// with `this || (0, eval)("this")`. In an ES module `this` is undefined, so it calls eval, which the
// app's Content Security Policy forbids (no 'unsafe-eval', contract/csp.ts): the Viewer then fails to
// start. This plugin gives knockout `globalThis` instead; the build fails if the line is not found, so
// a Cesium upgrade that changes it is noticed rather than silently breaking the map under the CSP.
import type { Plugin } from 'vite';

const KNOCKOUT = /[\\/]knockout-[\d.]+\.js$/;
const GLOBAL_LOOKUP = 'this||(0,eval)("this")';

export function knockoutNoEval(): Plugin {
  return {
    name: 'city-ops:knockout-no-eval',
    enforce: 'pre',
    transform(code, id) {
      if (!KNOCKOUT.test(id.split('?')[0] ?? id)) return null;
      if (!code.includes(GLOBAL_LOOKUP)) {
        this.error(
          `knockoutNoEval: ${GLOBAL_LOOKUP} not found in ${id}; check the CSP fix against this Cesium`,
        );
      }
      return { code: code.replace(GLOBAL_LOOKUP, 'this||globalThis'), map: null };
    },
  };
}
