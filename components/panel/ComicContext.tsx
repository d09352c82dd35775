import type { ComicLink, HiddenItem, KeepReading } from '../../lib/views/context';
import { t } from '../i18n';
import { Badge } from '../shared/Badge';
import { fidelityText } from '../shared/fidelity';
import { HiddenItems } from '../shared/HiddenItems';
import { issuesText, rangesText, rangeText } from '../shared/issues';
import { RevealedView } from '../shared/RevealedView';
import { SourceLinks } from '../shared/SourceLinks';
import type { PanelActions } from './types';
import { keepReadingText } from './words';

function where(link: ComicLink): string {
  const source = link.book ?? link.volumeTitle;
  if (source && link.issues) return t('panel.comic.at', { source, at: issuesText(link.issues) });
  if (source && link.issueRange) return t('panel.comic.at', { source, at: rangeText(link.issueRange) });
  if (link.book) return link.book;
  if (link.volumeTitle && link.chapter)
    return t('panel.comic.chapter', { volume: link.volumeTitle, number: link.chapter.number, title: link.chapter.title });
  if (link.volumeTitle) return link.volumeTitle;
  return link.scope === 'episode' ? t('panel.comic.thisEpisode') : t('panel.comic.thisSeason');
}

/**
 * The comic card, the part no other product has: which volume (and chapter, where known) this episode adapts,
 * how faithfully, what changed, and where to read on. One "Sources" link for the whole card.
 */
export function ComicContext({
  links,
  hidden,
  next,
  reveal,
}: {
  links: ComicLink[];
  hidden: HiddenItem[];
  next: KeepReading | null;
  reveal: PanelActions['reveal'];
}) {
  const sources = links.flatMap((link) => [...link.sources, ...link.notes.flatMap((n) => n.sources)]);
  return (
    <section class="bs-section bs-comic-card" aria-labelledby="bs-comic-heading">
      <h3 id="bs-comic-heading">{t('panel.comic.heading')}</h3>
      {links.length === 0 && hidden.length === 0 && <p class="bs-muted">{t('panel.comic.none')}</p>}
      <ul class="bs-comic-list">
        {links.map((link) => (
          <li key={link.id} class="bs-comic">
            <p class="bs-comic__where">
              <Badge tone={link.fidelity}>{fidelityText(link.fidelity)}</Badge>
              <span>
                {where(link)}
                {link.scope === 'season' && <span class="bs-muted"> · {t('panel.comic.seasonWide')}</span>}
              </span>
            </p>
            <p>{link.note}</p>
            {link.notes.map((n) => (
              <p key={n.id} class="bs-comic__more">
                {n.text}
              </p>
            ))}
          </li>
        ))}
      </ul>
      <HiddenItems items={hidden} kind="change" reveal={reveal} render={(item) => <RevealedView item={item} />} />
      {next && (
        <p class="bs-keep-reading">
          <span class="bs-keep-reading__label">{t('panel.comic.readNext')} </span>
          <strong>{next.title}</strong>
          {next.issues && <> ({rangesText(next.issues)})</>}. {keepReadingText(next)}
        </p>
      )}
      <SourceLinks sources={sources} />
    </section>
  );
}
