import type { ComicLink, HiddenItem, KeepReading } from '../../lib/db/context';
import { Badge } from '../shared/Badge';
import { HiddenItems } from '../shared/HiddenItems';
import { RevealedView } from '../shared/RevealedView';
import { SourceLinks } from '../shared/SourceLinks';
import type { PanelActions } from './types';

const FIDELITY = { adapted: 'Adapted', changed: 'Changed', 'show-only': 'Show-only' } as const;

function where(link: ComicLink): string {
  if (link.book) return link.book;
  if (link.volumeTitle && link.chapter) return `${link.volumeTitle}, chapter ${link.chapter.number} “${link.chapter.title}”`;
  if (link.volumeTitle) return link.volumeTitle;
  return link.scope === 'episode' ? 'This episode' : 'This season';
}

/** Which volume (and chapter, where known) this episode adapts, how faithfully, and what changed. */
export function ComicContext({
  links,
  hidden,
  reveal,
}: {
  links: ComicLink[];
  hidden: HiddenItem[];
  reveal: PanelActions['reveal'];
}) {
  return (
    <section class="bs-section" aria-labelledby="bs-comic-heading">
      <h3 id="bs-comic-heading">From the comic</h3>
      {links.length === 0 && hidden.length === 0 && <p class="bs-muted">No source mapping is known for this episode.</p>}
      <ul class="bs-comic-list">
        {links.map((link) => (
          <li key={link.id} class="bs-comic">
            <div class="bs-comic__where">
              <Badge tone={link.fidelity}>{FIDELITY[link.fidelity]}</Badge>
              <span>{where(link)}</span>
              {link.scope === 'season' && <span class="bs-muted"> · season-wide</span>}
            </div>
            <p>{link.note}</p>
            {link.notes.map((n) => (
              <p key={n.id} class="bs-comic__more">
                {n.text}
              </p>
            ))}
            <SourceLinks sources={[...link.sources, ...link.notes.flatMap((n) => n.sources)]} />
          </li>
        ))}
      </ul>
      <HiddenItems
        items={hidden}
        noun={['change from the comics', 'changes from the comics']}
        reveal={reveal}
        render={(item) => <RevealedView item={item} />}
      />
    </section>
  );
}

export function KeepReadingSection({ next }: { next: KeepReading | null }) {
  if (!next) return null;
  return (
    <section class="bs-section" aria-labelledby="bs-read-heading">
      <h3 id="bs-read-heading">Keep reading</h3>
      <p class="bs-keep-reading">
        <strong>{next.title}</strong>
        <br />
        {next.text}
      </p>
    </section>
  );
}
