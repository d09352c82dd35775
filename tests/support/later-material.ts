/**
 * Everything in a pack that is still ahead of a viewer, derived from the data itself: a note's text, a later stage
 * of a summary or a book connection, an arc, a synopsis, a set-up line, a source's address, a character not yet
 * listed and an actor who plays only such characters. Used by the spoiler walk (unit) and its end-to-end check.
 */
import { isReached, isVisible, type ViewerHorizon } from '../../lib/pack/horizon';
import type { Pack } from '../../lib/pack/schema';

/** Everything that is still ahead of the viewer, each with what it is, for the failure message. */
export function laterMaterial(pack: Pack, viewer: ViewerHorizon, order: ReadonlyMap<string, number>): [string, string][] {
  const visible = (h: Parameters<typeof isVisible>[0]) => isVisible(h, viewer, order);
  const reached = (id: string) => isReached(id, viewer, order);
  const later: [string, string][] = [];
  for (const n of pack.notes) if (!visible(n.horizon)) later.push([`note ${n.id}`, n.text]);
  for (const a of pack.adaptations) if (!visible(a.horizon)) later.push([`adaptation ${a.id}`, a.note]);
  // A name the viewer can already read in a title or a reached set-up line (The Sandman's Death, Time and Night,
  // Orpheus) says what the episode is called or starts from, not who is cast: only a listing would leak it.
  const publicText = [
    pack.show.title,
    pack.show.creator,
    ...pack.episodes.map((e) => e.title),
    ...pack.episodes.filter((e) => reached(e.id)).map((e) => e.setup ?? ''),
    ...pack.volumes.map((v) => v.title),
    ...pack.books.map((b) => b.title),
  ].join('\n');
  for (const c of pack.characters) {
    if (!reached(c.listedFrom) && !publicText.includes(c.name))
      later.push([`character ${c.id} (listed from ${c.listedFrom})`, c.name]);
    c.summaries.slice(1).forEach((s, i) => {
      if (!visible(s.horizon)) later.push([`${c.id} summary stage ${i + 2}`, s.text]);
    });
  }
  for (const b of pack.books)
    b.connections.slice(1).forEach((s, i) => {
      if (!visible(s.horizon)) later.push([`${b.id} connection stage ${i + 2}`, s.text]);
    });
  for (const v of pack.volumes) if (!visible(v.arcHorizon)) later.push([`volume ${v.number} arc`, v.arc]);
  for (const e of pack.episodes) {
    if (e.synopsis && !visible({ episode: e.id })) later.push([`${e.id} synopsis`, e.synopsis]);
    if (e.setup && !reached(e.id)) later.push([`${e.id} set-up`, e.setup]);
  }
  if (pack.film && !visible({ episode: pack.film.id })) later.push(['film synopsis', pack.film.synopsis]);
  const shownUrls = new Set(pack.sources.filter((s) => visible(s.horizon)).map((s) => s.url));
  for (const s of pack.sources) if (s.url && !visible(s.horizon) && !shownUrls.has(s.url)) later.push([`source ${s.key}`, s.url]);
  // A person listed only for characters still ahead would name them.
  const listedPeople = new Set(pack.characters.filter((c) => reached(c.listedFrom)).flatMap((c) => c.roles.map((r) => r.person)));
  for (const p of pack.people)
    if (!listedPeople.has(p.id) && pack.characters.some((c) => c.roles.some((r) => r.person === p.id)))
      later.push([`actor ${p.id}`, p.name]);
  return later;
}
