import { describe, expect, it } from 'vitest';
import { pagePath } from '../report-lines';
import { buildDiagnostics } from './diagnostics';

describe('buildDiagnostics', () => {
  const doc = document.implementation.createHTMLDocument('Netflix');
  doc.body.innerHTML =
    '<div class="watch-video"><div data-uia="player" data-videoid="90000203"><div data-uia="video-canvas"><video></video></div></div></div>';

  it('says what each signal returned', () => {
    const text = buildDiagnostics(
      {
        doc,
        trace: {
          domVideoId: '90000203',
          page: {
            source: 'backstory-page',
            nonce: 'n',
            videoId: '90000203',
            titleId: '81059939',
            type: 'show',
            season: 2,
            probe: 'player yes; session playing',
          },
          titleParts: ['Herzklopfen', 'E3', 'Folge'],
        },
      },
      // What the background adds to the content script's part (lib/service/panel.ts): the version, the path, the
      // result, and what its own metadata request said.
      {
        version: '1.2.3',
        path: pagePath('https://www.netflix.com/watch/90000203?trackId=14170286&tctx=0%2C0%2Cabc'),
        result: { status: 'unknown', reason: 'unknown-episode' },
        server: {
          outcome: 'ok',
          signal: {
            kind: 'metadata',
            value: { titleId: '81059939', type: 'show', season: 2, episode: 3, episodeVideoId: '90000203' },
          },
        },
      },
    );
    expect(text).toContain('Backstory 1.2.3 diagnostics');
    expect(text).toContain('Result: unknown (unknown-episode)');
    expect(text).toContain('Page path: /watch/90000203');
    expect(text).toContain('PLAYER_ROOT 1/0/1');
    expect(text).toContain('VIDEO_ID_HOLDER 1/1');
    expect(text).toContain('VIDEO_TITLE 0/0');
    expect(text).toContain('Page world: player yes; session playing');
    expect(text).toContain('Page world said: video 90000203, show 81059939, type show, S2 E?');
    expect(text).toContain('Metadata request: ok');
    expect(text).toContain('Metadata said: show 81059939, type show, episode id 90000203, S2 E3');
    expect(text).toContain('Title block: show “Herzklopfen”, S? E3, title “Folge”');
    // Netflix's query strings carry tracking ids: never copied.
    expect(text).not.toMatch(/trackId|14170286|tctx/);
  });

  it('says plainly when a signal gave nothing', () => {
    const text = buildDiagnostics({ doc, trace: {} });
    expect(text).toContain('Result: not yet');
    expect(text).toContain('Metadata request: not asked');
    expect(text).toContain('Page world: no answer');
    expect(text).toContain('Metadata said: —');
    expect(text).toContain('Title block: —');
  });
});
