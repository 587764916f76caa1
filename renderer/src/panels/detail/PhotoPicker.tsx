// Site photos for a handling report: uploaded from this computer (or a phone through the same API), a
// URL typed in, or one of the sample photos served with the app. The command carries URLs; an uploaded
// photo's URL points at the server, which serves it only to people who may read the case.
import { useState, type ReactNode } from 'react';
import { useServices } from '../../app/ServicesContext';
import { useAppStore } from '../../app/StoreContext';
import { SAMPLE_PHOTOS } from '../../services/endpoint';
import { MAX_PHOTO_MB, PHOTO_ACCEPT, uploadPhoto } from '../../services/photos';
import { localizedText } from '../../i18n/serverText';
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
  const { origin, auth } = useServices();
  const caseId = useAppStore((s) => s.detail.caseId);
  const lang = useAppStore((s) => s.ui.lang);
  const [url, setUrl] = useState('');
  // Uploaded photos: the URL to attach -> a signed URL the thumbnail can load.
  const [previews, setPreviews] = useState<Record<string, string>>({});
  const [upload, setUpload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });
  const onFiles = async (files: FileList | null) => {
    if (!files || !caseId) return;
    setUpload({ busy: true, error: null });
    let added = [...value];
    try {
      for (const file of Array.from(files).slice(0, MAX_PHOTOS - value.length)) {
        if (file.size > MAX_PHOTO_MB * 1024 * 1024)
          throw new Error(t('form.photoTooBig', { mb: MAX_PHOTO_MB }));
        const done = await uploadPhoto(origin, auth.token(), caseId, file);
        setPreviews((p) => ({ ...p, [done.url]: done.preview }));
        added = [...added, done.url];
        onChange(added);
      }
      setUpload({ busy: false, error: null });
    } catch (error) {
      setUpload({ busy: false, error: error instanceof Error ? error.message : String(error) });
    }
  };
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
              <Attachment url={previews[photo] ?? photo} label={t('timeline.photo', { n: i + 1 })} />
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
      <label className="photo-upload btn btn-neutral btn-small" aria-disabled={upload.busy || !caseId}>
        {upload.busy ? t('form.uploading') : t('form.uploadPhoto')}
        <input
          type="file"
          accept={PHOTO_ACCEPT}
          multiple
          aria-label={t('form.uploadPhoto')}
          disabled={upload.busy || !caseId || value.length >= MAX_PHOTOS}
          onChange={(e) => {
            void onFiles(e.target.files);
            e.target.value = '';
          }}
        />
      </label>
      {upload.error && (
        <p className="queue-error" role="alert">
          {t('form.uploadFailed', { reason: localizedText(upload.error, lang) })}
        </p>
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
