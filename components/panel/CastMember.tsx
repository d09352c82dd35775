import { useState } from 'preact/hooks';
import type { CastEntry } from '../../lib/views/context';
import { t } from '../i18n';
import { Badge } from '../shared/Badge';
import { HiddenItems } from '../shared/HiddenItems';
import { changeText } from '../shared/issues';
import { RevealedView } from '../shared/RevealedView';
import { SourceLinks } from '../shared/SourceLinks';
import type { PanelActions } from './types';

/** One actor and character as a single line ("Charlie Spring · Joe Locke"); the notes open under it. */
export function CastMember({ entry, reveal }: { entry: CastEntry; reveal: PanelActions['reveal'] }) {
  const [expanded, setExpanded] = useState(false);
  const detailsId = `bs-cast-${entry.characterId}`;
  const actors = entry.actors.length
    ? entry.actors.map((a) => (a.credit ? `${a.name} (${a.credit})` : a.name)).join(', ')
    : t('common.actorUnconfirmed');
  return (
    <li class="bs-cast">
      <button
        type="button"
        class="bs-cast__toggle"
        aria-expanded={expanded}
        aria-controls={detailsId}
        onClick={() => setExpanded(!expanded)}
      >
        <span class="bs-cast__names">
          <span class="bs-cast__character">{entry.name}</span>
          <span class="bs-cast__actor"> · {actors}</span>
        </span>
        <span class="bs-cast__badges">
          {entry.origin === 'show-only' && <Badge tone="show-only">{t('common.showOnly')}</Badge>}
          {entry.origin === 'book' && entry.originBook && (
            <Badge tone="book">{t('common.fromBook', { book: entry.originBook })}</Badge>
          )}
          {entry.change && <Badge tone="changed">{changeText(entry.change)}</Badge>}
        </span>
      </button>
      {expanded && (
        <div id={detailsId} class="bs-cast__details">
          <p class="bs-cast__summary">{entry.summary}</p>
          {entry.notes.length > 0 && (
            <ul class="bs-notes">
              {entry.notes.map((n) => (
                <li key={n.id}>{n.text}</li>
              ))}
            </ul>
          )}
          <HiddenItems
            items={entry.hidden}
            kind="characterNote"
            name={entry.name}
            reveal={reveal}
            render={(item) => <RevealedView item={item} />}
          />
          <SourceLinks sources={[...entry.sources, ...entry.notes.flatMap((n) => n.sources)]} />
        </div>
      )}
    </li>
  );
}
