// The layers panel: a search box (case number / address, 16-digit part ID, 20-digit camera ID) that
// flies the map to the result, one toggle per layer with its live count, part classes, the detail of
// what was clicked on the map (a camera plays on the video wall), and the case-density heat view. Reads the layers slice; writes events.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { z } from 'zod';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, useStoreApi } from '../app/StoreContext';
import { useServices } from '../app/ServicesContext';
import type { MessageKey } from '../i18n/messages';
import { pickFieldLines, pickText } from '../i18n/pickText';
import type { VideoService } from '../services/video';
import { useT } from '../i18n/useT';
import { HeatView } from '../map/deck/HeatView';
import type { LayerApi } from '../map/layers/context';
import { CameraList } from '../map/layers/deviceData';
import { parseSearch } from '../map/search';
import {
  CASE_GROUPS,
  LAYER_IDS,
  PART_CLASSES,
  type LayerId,
  type LayersState,
  type MapPick,
} from '../state/layers';
import { usePlayCameras } from './video/usePlayCameras';
import './LayersPanel.css';

interface Located {
  id: string;
  lon: number;
  lat: number;
  label: string;
}

export function LayersPanel() {
  const store = useStoreApi();
  const t = useT();
  const { api } = useServices();
  const layers = useAppStore(useShallow((s) => s.layers));
  const [query, setQuery] = useState('');
  // The search's answer as a message key, so it follows a language switch.
  const [message, setMessage] = useState<{ key: MessageKey; params: Record<string, string> } | null>(null);
  const dispatch = store.getState().layersEvent;

  const search = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseSearch(query);
    let found: Located | null = null;
    try {
      if (parsed.kind === 'part') {
        const { part } = await api.get(`/parts/${parsed.id}`, FoundPart);
        found = { id: `part:${part.id}`, lon: part.lon, lat: part.lat, label: part.name };
      } else if (parsed.kind === 'camera') {
        const { cameras } = await api.get('/cameras', CameraList);
        const camera = cameras.find((c) => c.id === parsed.id);
        if (camera)
          found = { id: `camera:${camera.id}`, lon: camera.lon, lat: camera.lat, label: camera.name };
      } else if (parsed.kind === 'case') {
        const { items } = await api.get(`/cases?q=${encodeURIComponent(parsed.q)}&limit=1`, FoundCases);
        const hit = items[0];
        if (hit) found = { id: hit.id, lon: hit.lon, lat: hit.lat, label: hit.caseNumber };
      }
    } catch {
      found = null;
    }
    if (!found) {
      setMessage({ key: 'layers.notFound', params: { q: query.trim() } });
      return;
    }
    setMessage({ key: 'layers.found', params: { label: found.label } });
    store.getState().uiEvent({ type: 'focus', id: found.id, lon: found.lon, lat: found.lat });
  };

  const onHeatCount = useCallback(
    (count: number) => dispatch({ type: 'count', id: 'heat', count }),
    [dispatch],
  );

  return (
    <section className="layers-panel" aria-label={t('layers.panel')} data-map-cover>
      <form className="layers-search" role="search" onSubmit={(e) => void search(e)}>
        <input
          type="search"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          placeholder={t('layers.search')}
          aria-label={t('layers.search')}
        />
        <button type="submit">{t('layers.searchGo')}</button>
      </form>
      {message && (
        <p className="layers-message" role="status">
          {t(message.key, message.params)}
        </p>
      )}
      <h2>{t('layers.title')}</h2>
      <ul className="layers-list">
        {LAYER_IDS.map((id) => (
          <li key={id} data-layer={id} data-status={layers.status[id]}>
            <label>
              <input
                type="checkbox"
                checked={layers.on[id]}
                onChange={() => dispatch({ type: 'toggle', id })}
              />
              <span className="layers-name">{t(`layers.${id}` as MessageKey)}</span>
              <LayerCount id={id} layers={layers} />
            </label>
            {id === 'grid' && layers.on.grid && !layers.close && (
              <small className="layers-hint">{t('layers.gridHint')}</small>
            )}
            {id === 'cases' && layers.on.cases && (
              <div className="layers-classes">
                {CASE_GROUPS.map((group) => (
                  <label key={group} className="layers-class" data-group={group}>
                    <input
                      type="checkbox"
                      checked={layers.caseGroups[group]}
                      onChange={() => dispatch({ type: 'toggleCaseGroup', group })}
                    />
                    {t(`layers.caseGroup.${group}`)}{' '}
                    <span className="layers-count">{layers.caseCounts[group]}</span>
                  </label>
                ))}
              </div>
            )}
            {id === 'parts' && layers.on.parts && (
              <div className="layers-classes">
                {PART_CLASSES.map((cls) => (
                  <label key={cls} className="layers-class" data-class={cls}>
                    <input
                      type="checkbox"
                      checked={layers.partClasses[cls]}
                      onChange={() => dispatch({ type: 'togglePartClass', cls })}
                    />
                    {t(`layers.class.${cls}` as MessageKey)}{' '}
                    <span className="layers-count">{layers.partCounts[cls]}</span>
                  </label>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      {/* Cases and alarms clicked on the map open in their drawers instead. */}
      {layers.selected &&
        !['case', 'alarm', 'cluster', 'fleet', 'devices'].includes(layers.selected.kind) && (
          <PickDetail
            pick={layers.selected}
            api={api}
            onClose={() => dispatch({ type: 'select', pick: null })}
          />
        )}
      {layers.on.heat && <HeatView onCount={onHeatCount} />}
    </section>
  );
}

function LayerCount({ id, layers }: { id: LayerId; layers: LayersState }) {
  const t = useT();
  const status = layers.status[id];
  if (status === 'loading') return <span className="layers-count">{t('layers.loading')}</span>;
  if (status === 'error') return <span className="layers-count layers-error">{t('layers.error')}</span>;
  const count = layers.counts[id];
  return (
    <span className="layers-count" data-count={count ?? ''}>
      {count === null ? '' : count.toLocaleString('zh-CN')}
    </span>
  );
}

type Detail = Record<string, unknown>;

const Located = z.looseObject({ id: z.string(), lon: z.number(), lat: z.number() });
const FoundPart = z.object({ part: Located.extend({ name: z.string() }) });
const FoundCases = z.object({ items: z.array(Located.extend({ caseNumber: z.string() })) });
const Record_ = z.record(z.string(), z.unknown());

/** The server's record of what was clicked (null: nothing more than its label to show). */
async function pickDetail(pick: MapPick, api: LayerApi, video: VideoService): Promise<Detail | null> {
  const id = encodeURIComponent(pick.id);
  switch (pick.kind) {
    case 'part':
      return (await api.get(`/parts/${id}`, z.object({ part: Record_ }))).part;
    case 'sensor':
      return (await api.get(`/sensors/${id}`, z.object({ sensor: Record_ }))).sensor;
    case 'vehicle': {
      const { vehicles } = await api.get('/vehicles', z.object({ vehicles: z.array(Record_) }));
      return vehicles.find((v) => v.id === pick.id) ?? null;
    }
    case 'camera':
      // The camera list the video service keeps for this sign-in, not a new request per click.
      return (await video.list()).find((c) => c.id === pick.id) ?? null;
    default:
      return null;
  }
}

/** What was clicked on the map: its label, then the server's detail as key / value lines. */
function PickDetail({ pick, api, onClose }: { pick: MapPick; api: LayerApi; onClose(): void }) {
  const t = useT();
  const { video } = useServices();
  const lang = useAppStore((s) => s.ui.lang);
  const reference = useAppStore((s) => s.reference);
  const [lines, setLines] = useState<Array<[string, string]>>([]);
  useEffect(() => {
    let cancelled = false;
    setLines([]);
    pickDetail(pick, api, video).then(
      (detail) => {
        if (!cancelled && detail) setLines(pickFieldLines(detail, lang, reference));
      },
      () => undefined,
    );
    return () => {
      cancelled = true;
    };
  }, [pick, api, video, lang, reference]);
  return (
    <div className="layers-pick" data-pick={`${pick.kind}:${pick.id}`}>
      <header>
        <strong>{t('layers.picked')}</strong>
        <button type="button" onClick={onClose} aria-label={t('layers.close')}>
          ×
        </button>
      </header>
      <p>{pickText(pick, lang, reference)}</p>
      {pick.kind === 'camera' && <PlayCamera id={pick.id} />}
      <dl>
        {lines.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

/** A picked camera plays on the video wall; its stream URL comes from the cached camera list. */
function PlayCamera({ id }: { id: string }) {
  const t = useT();
  const { video } = useServices();
  const playCameras = usePlayCameras();
  const [missing, setMissing] = useState(false);
  const play = () =>
    video.camera(id).then(
      (camera) => (camera ? playCameras([camera]) : setMissing(true)),
      () => setMissing(true),
    );
  return (
    <p className="layers-play">
      <button type="button" onClick={() => void play()}>
        {t('video.playOnWall')}
      </button>
      {missing && <small className="layers-error"> {t('video.cameraMissing')}</small>}
    </p>
  );
}
