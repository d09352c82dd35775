import { useState } from 'preact/hooks';
import type { CastEntry, HiddenItem } from '../../lib/views/context';
import { t } from '../i18n';
import { HiddenItems } from '../shared/HiddenItems';
import { RevealedView } from '../shared/RevealedView';
import { CastMember } from './CastMember';
import type { PanelActions } from './types';

/**
 * Who is in this season, answering "who is this?" at a glance: the characters at the centre of the story first,
 * one line each, and the rest (supporting and guest roles, our own grouping: the sources give no billing) behind
 * one button.
 */
export function CastList({ cast, hidden, reveal }: { cast: CastEntry[]; hidden: HiddenItem[]; reveal: PanelActions['reveal'] }) {
  const [all, setAll] = useState(false);
  const main = cast.filter((e) => e.group === 'central');
  const first = main.length ? main : cast;
  const rest = cast.filter((e) => !first.includes(e));
  return (
    <section class="bs-section" aria-labelledby="bs-cast-heading">
      <h3 id="bs-cast-heading">{t('panel.cast.heading')}</h3>
      <ul class="bs-cast-list" aria-labelledby="bs-cast-heading">
        {first.map((entry) => (
          <CastMember key={entry.characterId} entry={entry} reveal={reveal} />
        ))}
        {all && rest.map((entry) => <CastMember key={entry.characterId} entry={entry} reveal={reveal} />)}
      </ul>
      {rest.length > 0 && (
        <button type="button" class="bs-link-button bs-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('panel.cast.mainOnly') : t('panel.cast.more', rest.length)}
        </button>
      )}
      <HiddenItems items={hidden} kind="cast" reveal={reveal} render={(item) => <RevealedView item={item} />} />
    </section>
  );
}
