import type { CastEntry, HiddenItem } from '../../lib/db/context';
import { HiddenItems } from '../shared/HiddenItems';
import { RevealedView } from '../shared/RevealedView';
import { CastMember } from './CastMember';
import type { PanelActions } from './types';

// Our own grouping by how much of the story a character carries: the sources give no billing, so these are not
// presented as credits.
const GROUPS: [CastEntry['group'], string][] = [
  ['central', 'At the centre'],
  ['supporting', 'Around them'],
  ['guest', 'In a few scenes'],
];

/** The season's cast, grouped so the central characters can be scanned at a glance. */
export function CastList({ cast, hidden, reveal }: { cast: CastEntry[]; hidden: HiddenItem[]; reveal: PanelActions['reveal'] }) {
  const groups = GROUPS.map(([group, label]) => ({
    group,
    label,
    entries: cast.filter((e) => e.group === group),
  })).filter((g) => g.entries.length > 0);
  return (
    <section class="bs-section" aria-labelledby="bs-cast-heading">
      <h3 id="bs-cast-heading">In this season</h3>
      {groups.map((group) => (
        <div key={group.group}>
          {/* One group needs no sub-heading. */}
          {groups.length > 1 && (
            <h4 class="bs-cast-group" id={`bs-cast-${group.group}`}>
              {group.label}
            </h4>
          )}
          <ul class="bs-cast-list" aria-labelledby={groups.length > 1 ? `bs-cast-${group.group}` : 'bs-cast-heading'}>
            {group.entries.map((entry) => (
              <CastMember key={entry.characterId} entry={entry} reveal={reveal} />
            ))}
          </ul>
        </div>
      ))}
      <HiddenItems
        items={hidden}
        noun={['cast member who appears', 'cast members who appear']}
        reveal={reveal}
        render={(item) => <RevealedView item={item} />}
      />
    </section>
  );
}
