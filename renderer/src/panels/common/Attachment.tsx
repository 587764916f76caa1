// One attachment: a thumbnail for images from the server, a link for anything else.
import { useServices } from '../../app/ServicesContext';
import { attachmentView } from '../../services/endpoint';

export function Attachment({ url, label }: { url: string; label: string }) {
  const { origin } = useServices();
  const view = attachmentView(url, origin);
  if (view.kind === 'image') {
    return (
      <a className="thumb" href={view.href} target="_blank" rel="noreferrer" title={label}>
        <img src={view.href} alt={label} loading="lazy" />
      </a>
    );
  }
  return (
    <a className="attachment-link" href={view.href} target="_blank" rel="noreferrer noopener">
      {label}
    </a>
  );
}
