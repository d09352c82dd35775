import { useEffect, useRef, useState } from 'preact/hooks';
import { providerLink } from '../../lib/lookup/provider-links';
import type { LookupCastMember, ShowChoice, TitleLookupView } from '../../lib/lookup/title-view';
import type { BasedOn } from '../../lib/lookup/wikidata';
import { formatList, MARK, t } from '../i18n';
import { Badge } from '../shared/Badge';
import { HiddenItems } from '../shared/HiddenItems';
import type { LookupActions } from './types';

const CC_BY_SA = 'https://creativecommons.org/licenses/by-sa/4.0/';

type Shown = TitleLookupView | { status: 'loading' } | { status: 'failed' };

/**
 * A title Backstory has no pack for (issue 17): with the viewer's consent, its cast from TVmaze and what it is
 * based on from Wikidata, marked as not curated and credited as their licences ask. Until then, an offer that says
 * what would be sent, and to whom.
 */
export function LookupView({ actions, videoKey }: { actions: LookupActions; videoKey: string }) {
  const [view, setView] = useState<Shown>({ status: 'loading' });
  const load = () => {
    setView({ status: 'loading' });
    actions.view().then(setView, () => setView({ status: 'failed' }));
  };
  // Asked again only when another video plays.
  useEffect(load, [videoKey]);
  switch (view.status) {
    case 'loading':
      return (
        <p class="bs-muted" role="status">
          {t('panel.lookup.loading')}
        </p>
      );
    case 'off':
      return <Offer allow={actions.allow} onAllowed={load} />;
    case 'no-title':
      return null;
    case 'confirm':
      // Only the page named the title: nothing is asked of anyone until the viewer says it is what plays.
      return (
        <p class="bs-lookup-note">
          {t('panel.lookup.confirm', { title: view.playing.title ?? '' })}{' '}
          <button
            type="button"
            class="bs-link-button"
            onClick={() => void actions.confirm(view.playing.titleId).then(setView, load)}
          >
            {t('panel.lookup.confirmButton')}
          </button>
        </p>
      );
    case 'failed':
    case 'unavailable':
      return (
        <p class="bs-lookup-note" role="status">
          {t('panel.lookup.unavailable')}{' '}
          <button type="button" class="bs-link-button" onClick={load}>
            {t('shared.tryAgain')}
          </button>
        </p>
      );
    case 'none':
      return (
        <>
          <p class="bs-lookup-note">{t('panel.lookup.none')}</p>
          <BasedOnSection basedOn={view.basedOn} />
        </>
      );
    case 'film':
      return (
        <>
          <p class="bs-lookup-note">{t('panel.lookup.film')}</p>
          <BasedOnSection basedOn={view.basedOn} missing={view.missing.includes('basedOn')} />
          {view.basedOn?.item && (
            <p class="bs-footer bs-lookup-credits">
              <WikidataCredit item={view.basedOn.item} />
            </p>
          )}
        </>
      );
    case 'unsure':
      return (
        <section class="bs-section" aria-labelledby="bs-lookup-pick">
          <h3 id="bs-lookup-pick">{t('panel.lookup.unsure')}</h3>
          <Candidates list={view.candidates} onPick={(id) => void actions.choose(id).then(setView, load)} />
          <BasedOnSection basedOn={view.basedOn} />
        </section>
      );
    case 'found':
      return <Found view={view} actions={actions} onChange={setView} />;
  }
}

/** The consent, asked where the need arises: what would be sent, to whom, and the switch. */
function Offer({ allow, onAllowed }: { allow: LookupActions['allow']; onAllowed: () => void }) {
  const [outcome, setOutcome] = useState<'denied' | 'options' | null>(null);
  // One line until the viewer asks: the panel on an unknown title stays small.
  const [asked, setAsked] = useState(false);
  const focus = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asked) focus.current?.focus();
  }, [asked]);
  if (!asked)
    return (
      <button type="button" class="bs-link-button" aria-expanded={false} onClick={() => setAsked(true)}>
        {t('panel.lookup.more')}
      </button>
    );
  return (
    <div class="bs-lookup-offer">
      <p>{t('panel.lookup.offer')}</p>
      <p class="bs-muted">{t('panel.lookup.offerPrivacy')}</p>
      <button
        ref={focus}
        type="button"
        class="bs-button"
        onClick={() =>
          // The browser's permission prompt needs this click: nothing may be awaited before it.
          void allow().then(
            (result) => (result === 'granted' ? onAllowed() : setOutcome(result)),
            () => setOutcome('denied'),
          )
        }
      >
        {t('panel.lookup.allow')}
      </button>
      {outcome === 'denied' && (
        <p role="alert" class="bs-lookup-note">
          {t('panel.lookup.denied')}
        </p>
      )}
      {outcome === 'options' && (
        <p role="status" class="bs-lookup-note">
          {t('panel.lookup.inOptions')}{' '}
          <button type="button" class="bs-link-button" onClick={onAllowed}>
            {t('shared.tryAgain')}
          </button>
        </p>
      )}
    </div>
  );
}

function Found({
  view,
  actions,
  onChange,
}: {
  view: Extract<TitleLookupView, { status: 'found' }>;
  actions: LookupActions;
  onChange: (next: TitleLookupView) => void;
}) {
  const [picking, setPicking] = useState<ShowChoice[] | 'loading' | 'unavailable' | null>(null);
  const { playing, show, cast, held, basedOn, missing } = view;
  const pick = () => {
    setPicking('loading');
    actions.candidates().then(
      (list) => setPicking(Array.isArray(list) ? list.filter((c) => c.id !== show.id) : 'unavailable'),
      () => setPicking('unavailable'),
    );
  };
  const code = playing.season !== undefined && playing.episode !== undefined ? `S${playing.season} · E${playing.episode}` : '';
  return (
    <>
      <section class="bs-section bs-lookup" aria-labelledby="bs-lookup-show">
        <h3 id="bs-lookup-show">
          {show.name} <Badge tone="neutral">{t('panel.lookup.notCurated')}</Badge>
        </h3>
        <p class="bs-muted">{view.chosen ? t('panel.lookup.chosenNote') : t('panel.lookup.notCuratedNote')}</p>
        {(code || playing.episodeTitle) && (
          <p class="bs-lookup-episode">
            {code && <span class="bs-code">{code}</span>} {playing.episodeTitle}
          </p>
        )}
      </section>
      <BasedOnSection basedOn={basedOn} missing={missing.includes('basedOn')} />
      <section class="bs-section" aria-labelledby="bs-lookup-cast">
        <h3 id="bs-lookup-cast">{t('panel.lookup.castHeading')}</h3>
        {cast.length > 0 ? (
          <ul class="bs-cast-list" aria-labelledby="bs-lookup-cast">
            {cast.map((member) => (
              <CastLine key={`${member.characterId}-${member.personId}`} member={member} />
            ))}
          </ul>
        ) : (
          held.length === 0 && <p class="bs-muted">{t('panel.lookup.noCast')}</p>
        )}
        <HiddenItems
          items={held.map((_, i) => ({ handle: `l${i}` }))}
          kind="lookupCast"
          reveal={async (handle) => {
            const member = held[Number(handle.slice(1))];
            return member ? { member, from: {} } : null;
          }}
          render={({ member }) => (
            <ul class="bs-cast-list">
              <CastLine member={member} />
            </ul>
          )}
        />
        {missing.includes('guests') && <p class="bs-lookup-note">{t('panel.lookup.guestsMissing')}</p>}
        {!view.episode && !missing.includes('guests') && playing.episodeTitle && (
          <p class="bs-muted">{t('panel.lookup.noEpisode')}</p>
        )}
      </section>
      <div class="bs-footer bs-lookup-credits">
        <p>
          <Linked message={t('panel.lookup.attribution', { tvmaze: MARK, licence: MARK })}>
            <a
              href={providerLink(show.url, 'tvmaze') ?? `https://www.tvmaze.com/shows/${show.id}`}
              target="_blank"
              rel="noopener noreferrer"
            >
              TVmaze
            </a>
            <a href={CC_BY_SA} target="_blank" rel="noopener noreferrer">
              CC BY-SA 4.0
            </a>
          </Linked>
          {basedOn?.item && (
            <>
              {' '}
              <WikidataCredit item={basedOn.item} />
            </>
          )}
        </p>
        {picking === null && (
          <button type="button" class="bs-link-button" onClick={pick}>
            {t('panel.lookup.notThisShow')}
          </button>
        )}
        {picking === 'loading' && <p class="bs-muted">{t('panel.lookup.loading')}</p>}
        {picking === 'unavailable' && <p class="bs-lookup-note">{t('panel.lookup.unavailable')}</p>}
        {Array.isArray(picking) &&
          (picking.length > 0 ? (
            <Candidates list={picking} onPick={(id) => void actions.choose(id).then(onChange, () => setPicking('unavailable'))} />
          ) : (
            <p class="bs-muted">{t('panel.lookup.noOther')}</p>
          ))}
      </div>
    </>
  );
}

/** "Eleven · Millie Bobby Brown", with "guest in this episode" and "voice" where TVmaze says so. */
function CastLine({ member }: { member: LookupCastMember }) {
  return (
    <li class="bs-cast bs-cast--plain">
      <span class="bs-cast__names">
        <span class="bs-cast__character">{member.character}</span>
        <span class="bs-cast__actor"> · {member.voice ? t('panel.lookup.voice', { name: member.person }) : member.person}</span>
      </span>
      {member.guest && (
        <span class="bs-cast__badges">
          <Badge tone="neutral">{t('panel.lookup.guest')}</Badge>
        </span>
      )}
    </li>
  );
}

/** What Wikidata says the show is based on: each work linked to its item, with its type, authors and years. */
function BasedOnSection({ basedOn, missing = false }: { basedOn: BasedOn | null; missing?: boolean }) {
  const works = basedOn?.works ?? [];
  if (works.length === 0 && !missing) return null;
  return (
    <section class="bs-section bs-lookup" aria-labelledby="bs-lookup-based">
      <h3 id="bs-lookup-based">{t('panel.lookup.basedOnHeading')}</h3>
      {missing && <p class="bs-lookup-note">{t('panel.lookup.basedOnMissing')}</p>}
      <ul class="bs-notes">
        {works.map((work) => {
          const years =
            work.from === undefined ? '' : work.to && work.to !== work.from ? `${work.from}–${work.to}` : `${work.from}`;
          const details = [
            work.types.length ? formatList(work.types) : '',
            work.authors.length ? t('panel.lookup.by', { authors: formatList(work.authors) }) : '',
            years,
          ].filter(Boolean);
          return (
            <li key={work.qid}>
              {providerLink(work.url, 'wikidata') ? (
                <a href={providerLink(work.url, 'wikidata')} target="_blank" rel="noopener noreferrer">
                  {work.title}
                </a>
              ) : (
                work.title
              )}
              {details.length > 0 && ` (${details.join(', ')})`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

/** The shows TVmaze has by that name, to pick from: name, year and channel tell them apart. */
function Candidates({ list, onPick }: { list: ShowChoice[]; onPick: (id: number) => void }) {
  return (
    <ul class="bs-candidates">
      {list.map((c) => {
        const details = [c.year, c.network ?? c.webChannel].filter((d) => d !== undefined).join(', ');
        return (
          <li key={c.id}>
            <button type="button" class="bs-link-button" onClick={() => onPick(c.id)}>
              {details ? t('panel.lookup.candidate', { name: c.name, details }) : c.name}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** "Source facts from Wikidata (CC0).", linked to the show's item: where the viewer can check or fix them. */
function WikidataCredit({ item }: { item: string }) {
  return (
    <Linked message={t('panel.lookup.wikidataCredit', { wikidata: MARK })}>
      <a href={`https://www.wikidata.org/wiki/${item}`} target="_blank" rel="noopener noreferrer">
        Wikidata
      </a>
    </Linked>
  );
}

/** A translated sentence whose MARKs stand for the given links, in order. */
function Linked({ message, children }: { message: string; children: preact.ComponentChildren }) {
  const links = Array.isArray(children) ? children : [children];
  const parts = message.split(MARK);
  return (
    <>
      {/* The parts of one sentence, in a fixed order: the index is their key. */}
      {parts.map((part, i) => (
        <span key={i}>
          {part}
          {i < parts.length - 1 && links[i]}
        </span>
      ))}
    </>
  );
}
