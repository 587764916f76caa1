// Site photos for a handling report: a URL typed in, or one of the sample photos served with the app.
// Photos are sent as URLs (the server stores links, not files).
import { useState, type ReactNode } from 'react';
import { useServices } from '../../app/ServicesContext';
import { SAMPLE_PHOTOS } from '../../live/endpoint';
import { useT } from '../../i18n/useT';
import { Attachment } from '../common/Attachment';

const MAX_PHOTOS = 9;

interface Props {
  label: ReactNode;
  value: string[];
  onChange(value: string[]): void;
}

export function PhotoPicker({ label, value, onChange }: Props) {
  const t = useT();
  const { origin } = useServices();
  const [url, setUrl] = useState('');
  const add = (photo: string) => {
    const trimmed = photo.trim();
    if (!trimmed || value.includes(trimmed) || value.length >= MAX_PHOTOS) return;
    onChange([...value, trimmed]);
  };
  const valid = /^(https?:\/\/|\/)/.test(url.trim());

  return (
    <fieldset className="field photo-picker">
      <legend>{label}</legend>
      {value.length > 0 && (
        <ul className="photo-chosen">
          {value.map((photo, i) => (
            <li key={photo} className="photo-item">
              <Attachment url={photo} label={t('timeline.photo', { n: i + 1 })} />
              <button
                type="button"
                className="btn btn-ghost btn-small"
                onClick={() => onChange(value.filter((p) => p !== photo))}
              >
                {t('form.removePhoto', { n: i + 1 })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="photo-url">
        <input
          className="input"
          name="photoUrl"
          type="url"
          aria-label={t('form.attachmentUrl')}
          placeholder={t('form.attachmentUrl')}
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <button
          type="button"
          className="btn btn-neutral btn-small"
          disabled={!valid}
          onClick={() => {
            add(url);
            setUrl('');
          }}
        >
          {t('form.addPhoto')}
        </button>
      </div>
      <div className="field-label">{t('form.samplePhotos')}</div>
      <div className="photo-samples">
        {SAMPLE_PHOTOS.map((photo, i) => (
          <button
            key={photo}
            type="button"
            className="sample"
            aria-label={t('form.samplePhoto', { n: i + 1 })}
            aria-pressed={value.includes(photo)}
            onClick={() => add(photo)}
          >
            <img src={`${origin}${photo}`} alt="" />
          </button>
        ))}
      </div>
    </fieldset>
  );
}
