import type { SearchGroup } from '../../lib/search/search-index';
import { t } from '../i18n';
import { factsText, groupLabel } from './words';

export const optionId = (id: string) => `bs-opt-${id.replace(/[^a-z0-9-]/gi, '_')}`;

/** Results grouped by kind, as a listbox whose active option follows the arrow keys. */
export function ResultList({
  groups,
  activeId,
  onOpen,
  onHover,
  showTitles = false,
}: {
  groups: SearchGroup[];
  /** Say which show each result belongs to (more than one show is searched). */
  showTitles?: boolean;
  activeId?: string;
  onOpen: (id: string) => void;
  onHover: (id: string) => void;
}) {
  return (
    <div id="bs-results" role="listbox" aria-label={t('popup.resultsLabel')} class="bs-results">
      {groups.map((group) => (
        // biome-ignore lint/a11y/useSemanticElements: a listbox group inside the combobox pattern, not a form fieldset
        <div key={group.kind} role="group" aria-labelledby={`bs-group-${group.kind}`}>
          <div id={`bs-group-${group.kind}`} class="bs-group-label" role="presentation">
            {groupLabel(group.kind)}
          </div>
          {group.hits.map((hit) => (
            // biome-ignore lint/a11y/useFocusableInteractive: combobox pattern: focus stays in the input, which points here with aria-activedescendant
            // biome-ignore lint/a11y/useKeyWithClickEvents: the input handles the keyboard (arrows and Enter) for every option
            <div
              key={hit.id}
              id={optionId(hit.id)}
              role="option"
              aria-selected={hit.id === activeId}
              class={`bs-option${hit.id === activeId ? ' bs-option--active' : ''}`}
              onClick={() => onOpen(hit.id)}
              onMouseMove={() => onHover(hit.id)}
            >
              <span class="bs-option__title">{hit.title}</span>
              <span class="bs-option__subtitle">
                {hit.hidden && <span class="bs-spoiler-tag">{t('popup.spoilerFrom', { code: hit.hidden.code })} </span>}
                {factsText(hit.facts)}
                {showTitles && hit.facts.of !== 'show' && hit.facts.of !== 'episode' && hit.facts.of !== 'film' && (
                  <span class="bs-option__show"> · {hit.showTitle}</span>
                )}
              </span>
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
