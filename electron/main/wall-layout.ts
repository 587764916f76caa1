// The saved wall layout and the plan of windows it gives on the displays that are connected now.
// Pure: no `electron` import, so the planning rules run under plain Node tests.
//
// Displays are ordered primary first, then the others left to right (top to bottom when stacked);
// `displayIndex` counts in that order, so index 0 is always the primary display.
import * as z from 'zod';

export const WALL_ROLES = ['map-wall', 'video-wall', 'briefing'] as const;
export const WINDOW_MODES = ['fullscreen', 'kiosk', 'windowed'] as const;
export const MAX_WALL_WINDOWS = 16;
export const LAYOUT_FILE_NAME = 'wall-layout.json';

export type WallRole = (typeof WALL_ROLES)[number];
export type WindowMode = (typeof WINDOW_MODES)[number];

const PLACEHOLDER_ORIGIN = 'http://route.invalid';

/** A path on the app origin: starts with one "/", no whitespace, and resolves to the same origin. */
function isSameOriginRoute(route: string): boolean {
  if (!route.startsWith('/') || route.startsWith('//') || /[\s\\]/.test(route)) return false;
  try {
    return new URL(route, PLACEHOLDER_ORIGIN).origin === PLACEHOLDER_ORIGIN;
  } catch {
    return false;
  }
}

export const WallRoute = z
  .string()
  .max(512)
  .refine(isSameOriginRoute, 'route must be a path on the app, starting with a single "/" (e.g. "/")');

export const WindowSpec = z
  .strictObject({
    displayId: z.number().int().nonnegative().optional(),
    displayIndex: z
      .number()
      .int()
      .min(0)
      .max(MAX_WALL_WINDOWS - 1)
      .optional(),
    role: z.enum(WALL_ROLES),
    mode: z.enum(WINDOW_MODES),
    route: WallRoute,
  })
  .refine((spec) => (spec.displayId === undefined) !== (spec.displayIndex === undefined), {
    message: 'give exactly one of displayId or displayIndex',
  });
export type WindowSpec = z.infer<typeof WindowSpec>;

export const WallLayout = z.strictObject({
  version: z.literal(1),
  windows: z.array(WindowSpec).min(1).max(MAX_WALL_WINDOWS),
});
export type WallLayout = z.infer<typeof WallLayout>;

/** No saved layout: one map wall on the primary display (other displays get default roles). */
export const DEFAULT_LAYOUT: WallLayout = {
  version: 1,
  windows: [{ displayIndex: 0, role: 'map-wall', mode: 'fullscreen', route: '/' }],
};

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** The part of Electron's `Display` the planner needs, plus whether it is the primary display. */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  primary: boolean;
}

export interface WindowPlan {
  displayId: number;
  role: WallRole;
  mode: WindowMode;
  route: string;
  bounds: Rect;
  /** `layout`: as saved; `moved`: its saved display is gone or taken; `default`: no entry for it. */
  source: 'layout' | 'moved' | 'default';
}

export interface WallPlan {
  windows: WindowPlan[];
  warnings: string[];
}

export interface LoadedLayout {
  layout: WallLayout;
  isDefault: boolean;
  warnings: string[];
}

export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
}

/** Reads the layout file's text (`null` when there is no file). Anything invalid falls back to the default. */
export function parseLayoutFile(text: string | null): LoadedLayout {
  if (text === null) return { layout: DEFAULT_LAYOUT, isDefault: true, warnings: [] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      layout: DEFAULT_LAYOUT,
      isDefault: true,
      warnings: [`wall layout file is not valid JSON (${reason}); using the default layout`],
    };
  }
  const parsed = WallLayout.safeParse(json);
  if (!parsed.success) {
    return {
      layout: DEFAULT_LAYOUT,
      isDefault: true,
      warnings: [`wall layout file is invalid (${formatIssues(parsed.error)}); using the default layout`],
    };
  }
  return { layout: parsed.data, isDefault: false, warnings: [] };
}

export function serializeLayout(layout: WallLayout): string {
  return `${JSON.stringify(WallLayout.parse(layout), null, 2)}\n`;
}

function isUsable(display: DisplayInfo): boolean {
  const { bounds } = display;
  return (
    Number.isSafeInteger(display.id) &&
    [bounds.x, bounds.y, bounds.width, bounds.height].every(Number.isFinite) &&
    bounds.width > 0 &&
    bounds.height > 0
  );
}

/** Drops unusable and duplicate displays, then orders them: primary first, then left to right. */
export function orderDisplays(displays: readonly DisplayInfo[]): {
  displays: DisplayInfo[];
  warnings: string[];
} {
  const warnings: string[] = [];
  const seen = new Set<number>();
  const unique: DisplayInfo[] = [];
  for (const display of displays) {
    if (!isUsable(display)) warnings.push(`display ${display.id} has no usable bounds; ignored`);
    else if (seen.has(display.id))
      warnings.push(`display ${display.id} is listed twice; the first one is used`);
    else {
      seen.add(display.id);
      unique.push(display);
    }
  }
  const primaryId = unique.find((d) => d.primary)?.id;
  const rank = (d: DisplayInfo) => (d.id === primaryId ? 0 : 1);
  unique.sort((a, b) => rank(a) - rank(b) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y);
  return { displays: unique, warnings };
}

function describeTarget(spec: WindowSpec): string {
  return spec.displayId !== undefined ? `display id ${spec.displayId}` : `display index ${spec.displayIndex}`;
}

function toPlan(spec: WindowSpec, display: DisplayInfo, source: WindowPlan['source']): WindowPlan {
  const { x, y, width, height } = display.bounds;
  return {
    displayId: display.id,
    role: spec.role,
    mode: spec.mode,
    route: spec.route,
    bounds: { x, y, width, height },
    source,
  };
}

/**
 * Exactly one window per connected display. Entries whose display is missing or already taken move to
 * the first display no entry claims, else are skipped with a warning, except a map wall when there
 * would be none: it takes the primary display. Displays left over get a default role: a map wall if
 * there is none yet, then video walls and briefings alternately.
 */
export function planWall(
  layout: WallLayout | null,
  displays: readonly DisplayInfo[],
  options: { forceMode?: WindowMode } = {},
): WallPlan {
  const ordered = orderDisplays(displays);
  const warnings = [...ordered.warnings];
  const available = ordered.displays;
  if (available.length === 0)
    return { windows: [], warnings: [...warnings, 'no usable display is connected'] };

  const entries = (layout ?? DEFAULT_LAYOUT).windows;
  const claimed = new Map<number, WindowPlan>();
  const pending: { spec: WindowSpec; index: number }[] = [];

  entries.forEach((spec, index) => {
    const target =
      spec.displayId !== undefined
        ? available.find((d) => d.id === spec.displayId)
        : available[spec.displayIndex ?? -1];
    if (!target) {
      warnings.push(`window ${index + 1} (${spec.role}): ${describeTarget(spec)} is not connected`);
      pending.push({ spec, index });
    } else if (claimed.has(target.id)) {
      warnings.push(
        `window ${index + 1} (${spec.role}): display ${target.id} is already used by another window`,
      );
      pending.push({ spec, index });
    } else {
      claimed.set(target.id, toPlan(spec, target, 'layout'));
    }
  });

  for (const { spec, index } of pending) {
    const free = available.find((d) => !claimed.has(d.id));
    const hasMapWall = [...claimed.values()].some((plan) => plan.role === 'map-wall');
    // The map wall is the one window a command centre cannot lose: it displaces the primary's window.
    const target = free ?? (spec.role === 'map-wall' && !hasMapWall ? available[0] : undefined);
    if (target) {
      const displaced = claimed.get(target.id);
      claimed.set(target.id, toPlan(spec, target, 'moved'));
      warnings.push(
        `window ${index + 1} (${spec.role}) moved to display ${target.id}` +
          (displaced ? `, replacing the ${displaced.role} window` : ''),
      );
    } else {
      warnings.push(`window ${index + 1} (${spec.role}) skipped: no free display`);
    }
  }

  let extra = 0;
  for (const display of available) {
    if (claimed.has(display.id)) continue;
    const hasMapWall = [...claimed.values()].some((plan) => plan.role === 'map-wall');
    const role: WallRole = hasMapWall ? (extra++ % 2 === 0 ? 'video-wall' : 'briefing') : 'map-wall';
    claimed.set(display.id, toPlan({ role, mode: 'fullscreen', route: '/' }, display, 'default'));
  }

  const windows = available
    .map((display) => claimed.get(display.id))
    .filter((plan): plan is WindowPlan => plan !== undefined)
    .map((plan) => (options.forceMode ? { ...plan, mode: options.forceMode } : plan));
  return { windows, warnings };
}

export interface PlanChanges {
  keep: WindowPlan[];
  close: WindowPlan[];
  open: WindowPlan[];
}

function samePlan(a: WindowPlan, b: WindowPlan): boolean {
  return (
    a.displayId === b.displayId &&
    a.role === b.role &&
    a.mode === b.mode &&
    a.route === b.route &&
    a.bounds.x === b.bounds.x &&
    a.bounds.y === b.bounds.y &&
    a.bounds.width === b.bounds.width &&
    a.bounds.height === b.bounds.height
  );
}

/** What to do with the open windows when the plan changes: identical windows stay, others are replaced. */
export function diffPlans(current: readonly WindowPlan[], next: readonly WindowPlan[]): PlanChanges {
  const keep = next.filter((plan) => current.some((open) => samePlan(open, plan)));
  const close = current.filter((open) => !next.some((plan) => samePlan(open, plan)));
  const open = next.filter((plan) => !current.some((existing) => samePlan(existing, plan)));
  return { keep, close, open };
}
