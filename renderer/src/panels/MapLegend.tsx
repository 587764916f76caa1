// The map's controls and legend beside the layers panel: north up, the 2D (top-down) / 3D (oblique)
// toggle, and a legend of every symbol the map draws, with the same colours and shapes as the layers
// (map/layers/symbols.ts).
import { useState, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/messages';
import { useT } from '../i18n/useT';
import { BUILDING_COLOURS, PART_COLOURS, SYMBOL_COLOURS as C } from '../map/layers/symbols';

export interface MapControlsProps {
  onNorthUp(): void;
  /** switches the view; returns the view it switched to */
  onToggleTop(): 'oblique' | 'top';
}

type Shape = 'dot' | 'ring' | 'triangle' | 'square' | 'line' | 'cone' | 'cluster';

function Swatch({ shape, colour, edge }: { shape: Shape; colour: string; edge?: string }) {
  return (
    <span
      className={`legend-swatch legend-${shape}`}
      style={{ ['--swatch' as string]: colour, ['--edge' as string]: edge ?? '#050a14' }}
      aria-hidden="true"
    />
  );
}

function Row({ children, label }: { children: ReactNode; label: string }) {
  return (
    <li className="legend-row">
      {children}
      <span>{label}</span>
    </li>
  );
}

const PART_KEYS: Array<[keyof typeof PART_COLOURS, MessageKey]> = [
  ['01', 'layers.class.01'],
  ['02', 'layers.class.02'],
  ['03', 'layers.class.03'],
  ['04', 'layers.class.04'],
  ['05', 'layers.class.05'],
];

export function MapLegendBody() {
  const t = useT();
  return (
    <div className="legend-body">
      <h3>{t('legend.cases')}</h3>
      <ul>
        <Row label={t('legend.case.green')}>
          <Swatch shape="dot" colour={C.caseGreen} />
        </Row>
        <Row label={t('legend.case.yellow')}>
          <Swatch shape="dot" colour={C.caseYellow} />
        </Row>
        <Row label={t('legend.case.red')}>
          <Swatch shape="dot" colour={C.caseRed} />
        </Row>
        <Row label={t('legend.case.paused')}>
          <Swatch shape="dot" colour={C.casePaused} />
        </Row>
      </ul>
      <h3>{t('legend.alarms')}</h3>
      <ul>
        <Row label={t('alert.level.1')}>
          <Swatch shape="triangle" colour={C.alarm1} />
        </Row>
        <Row label={t('alert.level.2')}>
          <Swatch shape="triangle" colour={C.alarm2} />
        </Row>
        <Row label={t('alert.level.3')}>
          <Swatch shape="triangle" colour={C.alarm3} />
        </Row>
        <Row label={t('alert.level.4')}>
          <Swatch shape="triangle" colour={C.alarm4} />
        </Row>
      </ul>
      <h3>{t('legend.units')}</h3>
      <ul>
        <Row label={t('legend.vehicle')}>
          <Swatch shape="ring" colour={C.vehicle} edge={C.vehicleRing} />
        </Row>
        <Row label={t('legend.fleet')}>
          <Swatch shape="cluster" colour={C.vehicle} edge={C.vehicleRing} />
        </Row>
      </ul>
      <h3>{t('legend.devices')}</h3>
      <ul>
        <Row label={t('legend.camera')}>
          <Swatch shape="dot" colour={C.cameraOnline} />
        </Row>
        <Row label={t('legend.cone')}>
          <Swatch shape="cone" colour={C.cameraOnline} />
        </Row>
        <Row label={t('legend.cameraFault')}>
          <Swatch shape="dot" colour={C.cameraFault} />
        </Row>
        <Row label={t('legend.sensor')}>
          <Swatch shape="dot" colour={C.sensorNormal} />
        </Row>
        <Row label={t('legend.sensorAlarm')}>
          <Swatch shape="dot" colour={C.sensorAlarm} />
        </Row>
        <Row label={t('legend.offline')}>
          <Swatch shape="dot" colour={C.deviceOffline} />
        </Row>
        <Row label={t('legend.deviceCluster')}>
          <Swatch shape="cluster" colour={C.sensorNormal} />
        </Row>
      </ul>
      <h3>{t('layers.parts')}</h3>
      <ul>
        {PART_KEYS.map(([cls, key]) => (
          <Row key={cls} label={t(key)}>
            <Swatch shape="dot" colour={PART_COLOURS[cls]} />
          </Row>
        ))}
        <Row label={t('legend.partAbnormal')}>
          <Swatch shape="dot" colour={C.partAbnormal} />
        </Row>
      </ul>
      <h3>{t('legend.city')}</h3>
      <ul>
        <Row label={t('legend.building.low')}>
          <Swatch shape="square" colour={BUILDING_COLOURS.low} />
        </Row>
        <Row label={t('legend.building.mid')}>
          <Swatch shape="square" colour={BUILDING_COLOURS.mid} />
        </Row>
        <Row label={t('legend.building.high')}>
          <Swatch shape="square" colour={BUILDING_COLOURS.high} />
        </Row>
        <Row label={t('legend.bounds')}>
          <Swatch shape="line" colour={C.cityBounds} />
        </Row>
      </ul>
    </div>
  );
}

export function MapControls({ onNorthUp, onToggleTop }: MapControlsProps) {
  const t = useT();
  const [view, setView] = useState<'oblique' | 'top'>('oblique');
  const [legend, setLegend] = useState(false);
  return (
    <div className="map-controls" data-map-view={view}>
      <div className="map-buttons" role="toolbar" aria-label={t('legend.toolbar')}>
        <button type="button" className="btn btn-small" onClick={onNorthUp} title={t('legend.northUpHint')}>
          {t('legend.northUp')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-pressed={view === 'top'}
          onClick={() => setView(onToggleTop())}
        >
          {view === 'top' ? t('legend.to3d') : t('legend.to2d')}
        </button>
        <button
          type="button"
          className="btn btn-small"
          aria-expanded={legend}
          onClick={() => setLegend((v) => !v)}
        >
          {t('legend.title')}
        </button>
      </div>
      {legend && (
        <section className="map-legend" aria-label={t('legend.title')} data-map-cover>
          <MapLegendBody />
        </section>
      )}
    </div>
  );
}
