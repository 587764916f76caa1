// What is under the pointer or was clicked on the map, in the interface language: the tooltip's text
// and the pick detail's lines. The layers store only data in a MapPick (state/layers.ts); the words
// come from here, so switching the language changes the next tooltip without reloading a layer.
import type { MapPick } from '../state/layers';
import { departmentName, divisionName, findCategory, nameIn, type ReferenceData } from '../state/reference';
import type { Lang } from '../state/ui';
import { MESSAGES, type MessageKey } from './messages';
import { wallClock } from './time';
import { translate } from './translate';

const known = (key: string): key is MessageKey => Object.hasOwn(MESSAGES.zh, key);

/** A key's message when there is one, else `fallback` (a code shown as it is). */
function optional(lang: Lang, key: string, fallback: string): string {
  return known(key) ? translate(lang, key) : fallback;
}

/** A category's name in the language (the ID while the reference data is not there). */
function categoryName(ref: ReferenceData | undefined, id: string, lang: Lang): string {
  const found = ref && findCategory(ref, id);
  return found ? nameIn(found, lang) : id;
}

/** A device (or devices of one status) that is not working says so in its tooltip. */
function withStatus(text: string, status: string | undefined, lang: Lang): string {
  return status && status !== 'online' && status !== 'normal'
    ? translate(lang, 'pick.withStatus', { text, status: optional(lang, `pick.status.${status}`, status) })
    : text;
}

/** `ref` (the reference slice) names a part's category; without it the category's ID shows. */
export function pickText(pick: MapPick, lang: Lang, ref?: ReferenceData): string {
  const label = pick.label;
  switch (pick.kind) {
    case 'cluster': {
      const cls = pick.cls ? translate(lang, `layers.class.${pick.cls}`) : '';
      const count = pick.count ?? 0;
      return pick.abnormal
        ? translate(lang, 'pick.clusterAbnormal', { cls, count, abnormal: pick.abnormal })
        : translate(lang, 'pick.cluster', { cls, count });
    }
    case 'fleet':
      return translate(lang, 'pick.fleet', { count: pick.count ?? 0 });
    case 'devices': {
      const key = pick.of === 'camera' ? 'pick.cameras' : 'pick.sensors';
      return withStatus(translate(lang, key, { count: pick.count ?? 0 }), pick.status, lang);
    }
    case 'alarm':
      return translate(lang, 'pick.alarm', { level: pick.level ?? '?', label });
    case 'vehicle':
      return pick.team
        ? translate(lang, 'pick.vehicleTeam', {
            label,
            team: optional(lang, `pick.team.${pick.team}`, pick.team),
          })
        : translate(lang, 'pick.vehicle', { label });
    case 'part':
      return translate(lang, 'pick.part', {
        label: pick.category ? `${categoryName(ref, pick.category, lang)} ${label}` : label,
      });
    case 'camera':
    case 'sensor':
      return withStatus(translate(lang, `pick.${pick.kind}`, { label }), pick.status, lang);
    case 'case':
      return translate(lang, 'pick.case', { label });
  }
}

/** Fields a person reading the detail has no use for (addresses for machines, internal links). */
const HIDDEN_FIELDS: ReadonlySet<string> = new Set(['streamUrl', 'teamId']);

/**
 * The server's detail of a part or sensor (its scalar fields) as label / value lines in the interface
 * language: known fields by name; categories, departments and districts by name when `ref` is given;
 * known status and sensor-type codes by name; times in the city's time zone; anything else as it is.
 */
export function pickFieldLines(
  detail: Record<string, unknown>,
  lang: Lang,
  ref?: ReferenceData,
): Array<[string, string]> {
  return Object.entries(detail)
    .filter(([field, v]) => v !== null && v !== '' && typeof v !== 'object' && !HIDDEN_FIELDS.has(field))
    .map(([field, v]): [string, string] => [
      optional(lang, `pick.field.${field}`, field),
      fieldValue(field, v, lang, ref),
    ]);
}

function fieldValue(field: string, raw: unknown, lang: Lang, ref: ReferenceData | undefined): string {
  if (typeof raw === 'boolean') return translate(lang, raw ? 'pick.yes' : 'pick.no');
  const value = String(raw);
  if (field === 'categoryId') return categoryName(ref, value, lang);
  if (ref && (field === 'ownerDepartmentId' || field === 'departmentId'))
    return departmentName(ref, value, lang);
  if (ref && field === 'districtCode') return divisionName(ref, value, lang);
  if (field === 'status') return optional(lang, `pick.status.${value}`, value);
  if (field === 'type') return optional(lang, `sensor.${value}`, value);
  if (field === 'kind') return optional(lang, `pick.team.${value}`, value);
  if (field === 'owner') return optional(lang, `video.owner.${value}`, value);
  if (field.endsWith('At') && !Number.isNaN(Date.parse(value))) return cityTime(Date.parse(value), lang);
  return value;
}

/** YYYY-MM-DD HH:mm:ss in the city's time zone. */
function cityTime(epochMs: number, lang: Lang): string {
  const { date, time } = wallClock(epochMs, lang);
  return `${date} ${time}`;
}
