// 中文 / EN switch in the header.
import { useAppStore } from '../app/StoreContext';
import { useT } from '../i18n/useT';
import { LANGS } from '../state/ui';

export function LangToggle() {
  const lang = useAppStore((s) => s.ui.lang);
  const uiEvent = useAppStore((s) => s.uiEvent);
  const t = useT();
  return (
    <div className="lang" role="group" aria-label={t('lang.label')}>
      {LANGS.map((option) => (
        <button
          key={option}
          type="button"
          className="lang-option"
          aria-pressed={lang === option}
          lang={option === 'zh' ? 'zh-CN' : 'en'}
          onClick={() => uiEvent({ type: 'setLang', lang: option })}
        >
          {t(option === 'zh' ? 'lang.zh' : 'lang.en')}
        </button>
      ))}
    </div>
  );
}
