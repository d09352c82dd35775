/**
 * A source's publisher as a reader knows it ("Radio Times", not "radiotimes.com"). The packs name each source by
 * its web address; the publishers below are the ones whose names differ from their address in more than case.
 * Anything else is shown as its address without "www.", which is still the publisher's own name for itself.
 */
const KNOWN: Record<string, string> = {
  'radiotimes.com': 'Radio Times',
  'nme.com': 'NME',
  'deadline.com': 'Deadline',
  'denofgeek.com': 'Den of Geek',
  'collider.com': 'Collider',
  'tomsguide.com': "Tom's Guide",
  'thepinknews.com': 'PinkNews',
  'bleedingcool.com': 'Bleeding Cool',
  'dexerto.com': 'Dexerto',
  'whats-on-netflix.com': "What's on Netflix",
  'goldderby.com': 'Gold Derby',
  'publishersweekly.com': 'Publishers Weekly',
  'themarysue.com': 'The Mary Sue',
  'dailymail.co.uk': 'Daily Mail',
  'inews.co.uk': 'i',
  'attitude.co.uk': 'Attitude',
  'gaytimes.com': 'Gay Times',
  'pride.com': 'Pride',
  'comicsbeat.com': 'The Beat',
  'whatsonstage.com': 'WhatsOnStage',
  'whattowatch.com': 'What to Watch',
  'thecinemaholic.com': 'The Cinemaholic',
  'thereviewgeek.com': 'The Review Geek',
  'geekgirlauthority.com': 'Geek Girl Authority',
  'netflixlife.com': 'Netflix Life',
  'netflixjunkie.com': 'Netflix Junkie',
  'en.wikipedia.org': 'Wikipedia',
  'aliceoseman.fandom.com': 'Alice Oseman Wiki (Fandom)',
  'hercampus.com': 'Her Campus',
  'pinkvilla.com': 'Pinkvilla',
  'cheatsheet.com': 'Showbiz Cheat Sheet',
  'thetab.com': 'The Tab',
  'joblo.com': 'JoBlo',
  'otakukart.com': 'OtakuKart',
  'tv-recaps-reviews.com': 'TV Recaps & Reviews',
  'thegeekywaffle.com': 'The Geeky Waffle',
  'fictionhorizon.com': 'Fiction Horizon',
  'nerdsandbeyond.com': 'Nerds and Beyond',
  'nationalworld.com': 'NationalWorld',
  'lifehacker.com.au': 'Lifehacker Australia',
  'au.lifestyle.yahoo.com': 'Yahoo Lifestyle',
  'ca.sports.yahoo.com': 'Yahoo',
  'swooon.com': 'Swooon',
};

export function publisherName(title: string): string {
  const address = title
    .trim()
    .toLowerCase()
    .replace(/^www\./, '');
  return KNOWN[address] ?? title.replace(/^www\./i, '');
}
