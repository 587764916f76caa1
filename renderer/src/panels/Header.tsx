// The header bar: platform title (current language first, the other one beneath), city status
// badges, the signed-in user, connection, clock and language switch.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';
import { translate } from '../i18n/translate';
import { ConnectionIndicator } from './ConnectionIndicator';
import { LangToggle } from './LangToggle';
import { LiveClock } from './LiveClock';
import { PlaybackHeader } from './playback/PlaybackHeader';
import { RoleChip } from './RoleChip';
import { VideoWallLinked } from './video/WallLinkNote';

export function Header() {
  const t = useT();
  const lang = useAppStore((s) => s.ui.lang);
  const city = useAppStore(
    useShallow((s) => ({
      name: s.city.config.name,
      nameEn: s.city.config.nameEn,
      drill: s.city.config.drill,
      builtin: s.city.source === 'builtin' && s.city.error !== null,
      error: s.city.error,
    })),
  );
  const replaying = useAppStore((s) => s.playback.mode === 'playback');
  const other = lang === 'zh' ? 'en' : 'zh';
  const cityIn = (l: typeof lang) => (l === 'zh' ? city.name : city.nameEn);

  return (
    <header className={replaying ? 'header header-playback' : 'header'}>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <div className="brand-text">
          <h1 className="brand-title">{t('app.title', { city: cityIn(lang) })}</h1>
          <div className="brand-subtitle" lang={other === 'zh' ? 'zh-CN' : 'en'}>
            {translate(other, 'app.title', { city: cityIn(other) })}
          </div>
        </div>
        {city.drill && <span className="badge badge-drill">{t('app.drill')}</span>}
        {city.builtin && (
          <span className="badge badge-warn" title={t('city.loadFailed', { reason: city.error ?? '' })}>
            {t('city.builtin')}
          </span>
        )}
      </div>
      <div className="header-status">
        <PlaybackHeader />
        <VideoWallLinked />
        <RoleChip />
        <ConnectionIndicator />
        <LiveClock />
        <LangToggle />
      </div>
    </header>
  );
}
