// The 演练 banner of a drill node (issue 15): on every window this server serves (map wall, video wall,
// briefing, the sign-in form, print), above everything, with no way to close or hide it. The server says
// it is a drill node in its city configuration (`GET /api/city` → `drill: true`, contract/city.ts).
// Also marks the page: <body data-drill="true"> for tests and kiosk scripts, and 【演练】 in the title.
import { useEffect } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';
import { drillTitle } from '../../state/drills';
import './drill.css';

export function DrillBanner() {
  const t = useT();
  const drill = useAppStore((s) => s.city.config.drill);
  useEffect(() => {
    document.body.dataset.drill = drill ? 'true' : 'false';
    if (!drill) return;
    // the title is set by signals.ts on language changes: keep the mark in front of whatever it sets
    const mark = () => {
      if (!document.title.startsWith('【演练】')) document.title = drillTitle(document.title);
    };
    mark();
    const titleEl = document.querySelector('title');
    const observer = titleEl ? new MutationObserver(mark) : null;
    if (titleEl) observer?.observe(titleEl, { childList: true, characterData: true, subtree: true });
    return () => observer?.disconnect();
  }, [drill]);
  if (!drill) return null;
  return (
    <>
      <div className="drill-frame" aria-hidden="true" />
      <div className="drill-banner" role="status" data-drill-banner="true">
        <span className="drill-banner-mark" lang="zh-CN">
          演练
        </span>
        <span className="drill-banner-text">DRILL · {t('drill.bannerNote')}</span>
      </div>
    </>
  );
}
