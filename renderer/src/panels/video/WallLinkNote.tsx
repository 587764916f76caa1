// The map wall's side of the video-wall link: a chip in the header while a video-wall window is
// linked, and a short note each time cameras were sent there instead of opening the overlay wall.
import { useEffect, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { useT } from '../../i18n/useT';

const NOTE_MS = 4_000;

export function VideoWallLinked() {
  const t = useT();
  const linked = useAppStore((s) => s.wall.role === 'map-wall' && s.wall.videoWall);
  if (!linked) return null;
  return (
    <span className="badge badge-link" title={t('wall.linkedHint')} data-video-wall-linked>
      {t('wall.linked')}
    </span>
  );
}

export function SentToVideoWall() {
  const t = useT();
  const sent = useAppStore((s) => s.wall.sent);
  const [shown, setShown] = useState<number | null>(null);
  useEffect(() => {
    if (!sent) return;
    setShown(sent.seq);
    const timer = setTimeout(() => setShown((seq) => (seq === sent.seq ? null : seq)), NOTE_MS);
    return () => clearTimeout(timer);
  }, [sent]);
  if (!sent || shown !== sent.seq) return null;
  return (
    <div className="wall-note" role="status" data-wall-sent={sent.count}>
      {t('wall.sent', { count: sent.count })}
    </div>
  );
}
