// The save state every administration screen shares: run a change, show the server's message on
// failure (in the interface language; a 409 says someone else changed it first), count saves so the
// change history reloads.
import { useCallback, useState } from 'react';
import { useAppStore } from '../../app/StoreContext';
import { localizedText } from '../../i18n/serverText';
import { messageOf } from '../../services/api';

export function useAdminSave() {
  const lang = useAppStore((s) => s.ui.lang);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [count, setCount] = useState(0);
  const run = useCallback(
    async (change: () => Promise<unknown>): Promise<boolean> => {
      setError(null);
      setSaved(false);
      try {
        await change();
        setSaved(true);
        setCount((n) => n + 1);
        return true;
      } catch (e) {
        setError(localizedText(messageOf(e), lang));
        setCount((n) => n + 1);
        return false;
      }
    },
    [lang],
  );
  return { error, saved, count, run };
}

export function SaveStatus({
  error,
  saved,
  savedText,
}: {
  error: string | null;
  saved: boolean;
  savedText: string;
}) {
  if (error)
    return (
      <p className="queue-error admin-error" role="alert">
        {error}
      </p>
    );
  if (saved)
    return (
      <p className="admin-saved" role="status">
        {savedText}
      </p>
    );
  return null;
}
