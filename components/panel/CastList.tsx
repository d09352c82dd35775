import { useState } from 'preact/hooks';
import type { CastEntry, HiddenItem } from '../../lib/views/context';
import { t } from '../i18n';
import { HiddenItems } from '../shared/HiddenItems';
import { RevealedView } from '../shared/RevealedView';
import { CastMember } from './CastMember';
import type { PanelActions } from './types';

/**
 * Who is in this episode, answering "who is this?" at a glance, one line each: those the pack lists in the
 * episode first ("In this episode"), and the rest of the season behind one button. For a pack that does not say
 * who appears in an episode, the season's cast: the characters at the centre of the story first, the rest
 * (supporting and guest roles, our own grouping: the sources give no billing) behind the button.
 */
export function CastList({ cast, hidden, reveal }: { cast: CastEntry[]; hidden: HiddenItem[]; reveal: PanelActions['reveal'] }) {
  const [all, setAll] = useState(false);
  const here = cast.filter((e) => e.inEpisode);
  const main = cast.filter((e) => e.group === 'central');
  const first = here.length ? here : main.length ? main : cast;
  const rest = cast.filter((e) => !first.includes(e));
  const byEpisode = here.length > 0;
  const toggle = byEpisode
    ? all
      ? t('panel.cast.alsoHide')
      : t('panel.cast.also', rest.length)
    : all
      ? t('panel.cast.mainOnly')
      : t('panel.cast.more', rest.length);
  return (
    <section class="bs-section" aria-labelledby="bs-cast-heading">
      <h3 id="bs-cast-heading">{byEpisode ? t('panel.cast.inEpisode') : t('panel.cast.heading')}</h3>
      <ul class="bs-cast-list" aria-labelledby="bs-cast-heading">
        {first.map((entry) => (
          <CastMember key={entry.characterId} entry={entry} reveal={reveal} />
        ))}
        {all && !byEpisode && rest.map((entry) => <CastMember key={entry.characterId} entry={entry} reveal={reveal} />)}
      </ul>
      {all && byEpisode && (
        <>
          <h4 id="bs-cast-also-heading" class="bs-subheading">
            {t('panel.cast.alsoHeading')}
          </h4>
          <ul class="bs-cast-list" aria-labelledby="bs-cast-also-heading">
            {rest.map((entry) => (
              <CastMember key={entry.characterId} entry={entry} reveal={reveal} />
            ))}
          </ul>
        </>
      )}
      {rest.length > 0 && (
        <button type="button" class="bs-link-button bs-more" aria-expanded={all} onClick={() => setAll(!all)}>
          {toggle}
        </button>
      )}
      <HiddenItems items={hidden} kind="cast" reveal={reveal} render={(item) => <RevealedView item={item} />} />
    </section>
  );
}
