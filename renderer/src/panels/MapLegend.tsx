// The map's controls and legend beside the layers panel: north up, the 2D (top-down) / 3D (oblique)
// toggle, and a legend of every symbol the map draws (the table in map/legend.ts, from the same palette
// and symbols as the layers).
import { useState } from 'react';
import { useT } from '../i18n/useT';
import { LEGEND, type LegendRow } from '../map/legend';
import { vehicleSymbolUrl } from '../map/layers/symbolImages';
import type { VehicleShape } from '../map/layers/symbols';

export interface MapControlsProps {
  onNorthUp(): void;
  /** switches the view; returns the view it switched to */
  onToggleTop(): 'oblique' | 'top';
}

function Swatch({ row }: { row: LegendRow }) {
  if (row.shape.startsWith('vehicle-'))
    return (
      <img
        className="legend-swatch legend-symbol"
        src={vehicleSymbolUrl(row.shape.slice('vehicle-'.length) as VehicleShape)}
        alt=""
        data-symbol={row.shape}
      />
    );
  return (
    <span
      className={`legend-swatch legend-${row.shape}`}
      style={{ ['--swatch' as string]: row.colour, ['--edge' as string]: row.edge ?? '#050a14' }}
      aria-hidden="true"
    />
  );
}

export function MapLegendBody() {
  const t = useT();
  return (
    <div className="legend-body">
      {LEGEND.map((section) => (
        <section key={section.title}>
          <h3>{t(section.title)}</h3>
          <ul>
            {section.rows.map((row) => (
              <li className="legend-row" key={row.label}>
                <Swatch row={row} />
                <span>{t(row.label)}</span>
              </li>
            ))}
          </ul>
        </section>
      ))}
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
