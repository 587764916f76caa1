// 值班登录: username and password over the map; says why the user is here (expired, signed out) and
// shows the server's message when sign-in fails.
import { useState, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../app/StoreContext';
import { useWindowServices } from '../app/ServicesContext';
import { localizedText } from '../i18n/serverText';
import { useT } from '../i18n/useT';

export function LoginScreen() {
  const t = useT();
  const { auth } = useWindowServices();
  const lang = useAppStore((s) => s.ui.lang);
  const session = useAppStore(
    useShallow((s) => ({ status: s.session.status, error: s.session.error, reason: s.session.reason })),
  );
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [incomplete, setIncomplete] = useState(false);
  const busy = session.status === 'signingIn' || session.status === 'checking';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setIncomplete(true);
      return;
    }
    setIncomplete(false);
    void auth.login(username.trim(), password);
  };

  const message = incomplete
    ? t('login.required')
    : session.error
      ? localizedText(session.error, lang)
      : session.reason === 'expired'
        ? t('login.expired')
        : session.reason === 'logout'
          ? t('login.loggedOut')
          : null;
  const isError = incomplete || session.error !== null || session.reason === 'expired';

  return (
    <div className="login-backdrop">
      <form className="login" onSubmit={submit} aria-labelledby="login-title" noValidate>
        <h2 id="login-title" className="login-title">
          {t('login.title')}
        </h2>
        <p className="login-subtitle">{t('login.subtitle')}</p>
        {message && (
          <p className={isError ? 'login-message login-message-error' : 'login-message'} role="alert">
            {message}
          </p>
        )}
        <label className="field">
          <span className="field-label">{t('login.username')}</span>
          <input
            className="input"
            name="username"
            autoComplete="username"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
            disabled={busy}
            autoFocus
          />
        </label>
        <label className="field">
          <span className="field-label">{t('login.password')}</span>
          <input
            className="input"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            disabled={busy}
          />
        </label>
        <button type="submit" className="btn btn-primary login-submit" disabled={busy}>
          {session.status === 'checking'
            ? t('login.checking')
            : session.status === 'signingIn'
              ? t('login.signingIn')
              : t('login.submit')}
        </button>
      </form>
    </div>
  );
}
