import type { CastEntry, HiddenItem } from '../../lib/db/context';
import { HiddenItems } from '../shared/HiddenItems';
import { RevealedView } from '../shared/RevealedView';
import { CastMember } from './CastMember';
import type { PanelActions } from './types';

export function CastList({ cast, hidden, reveal }: { cast: CastEntry[]; hidden: HiddenItem[]; reveal: PanelActions['reveal'] }) {
  return (
    <section class="bs-section" aria-labelledby="bs-cast-heading">
      <h3 id="bs-cast-heading">In this season</h3>
      <ul class="bs-cast-list">
        {cast.map((entry) => (
          <CastMember key={entry.characterId} entry={entry} reveal={reveal} />
        ))}
      </ul>
      <HiddenItems
        items={hidden}
        noun={['cast member who appears', 'cast members who appear']}
        reveal={reveal}
        render={(item) => <RevealedView item={item} />}
      />
    </section>
  );
}
