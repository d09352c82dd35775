import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CacheStats, HealthNote } from '../../lib/service/backstory-service';
import { formatDateTime, formatList, formatNumber, t, uiLocale } from '../i18n';
import type { OptionsData } from './types';

type Message = { tone: 'ok' | 'error'; text: string; issues?: { path: string; message: string }[] };

/** "340 kB", "1.2 MB", in the viewer's language. */
function bytes(n?: number): string {
  if (n === undefined) return t('options.data.unknownSize');
  const mb = n >= 1024 * 1024;
  return new Intl.NumberFormat(uiLocale(), {
    style: 'unit',
    unit: mb ? 'megabyte' : 'kilobyte',
    maximumFractionDigits: mb ? 1 : 0,
  }).format(mb ? n / 1024 / 1024 : n / 1024);
}

async function readJsonFile(file: File): Promise<unknown> {
  if (file.size > 20 * 1024 * 1024) throw new Error(t('options.data.tooLarge'));
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error(t('options.data.notJson'));
  }
}

const COUNTS: Record<string, (n: number) => string> = {
  episodes: (n) => t('options.data.counts.episodes', n),
  characters: (n) => t('options.data.counts.characters', n),
  people: (n) => t('options.data.counts.people', n),
  notes: (n) => t('options.data.counts.notes', n),
  volumes: (n) => t('options.data.counts.volumes', n),
  sources: (n) => t('options.data.counts.sources', n),
};

function healthText(note: HealthNote): string {
  return note.kind === 'repaired'
    ? t('options.data.repaired', { stores: formatList(note.stores), date: formatDateTime(note.at) })
    : t('options.data.blocked');
}

/** Advanced: what the cache holds and the data tools (export, import, repair), last on the page. */
export function DataSection({ data }: { data: OptionsData }) {
  const [stats, setStats] = useState<CacheStats | null>(null);
  const [usage, setUsage] = useState<{ usage?: number; quota?: number }>({});
  const [message, setMessage] = useState<Message | null>(null);

  const refresh = useCallback(async () => {
    setStats(await data.stats());
    setUsage(await data.storageEstimate());
  }, [data]);
  useEffect(() => void refresh().catch(() => setMessage({ tone: 'error', text: t('options.data.readFailed') })), [refresh]);

  const run = async (action: () => Promise<Message>) => {
    try {
      setMessage(await action());
    } catch (error) {
      setMessage({ tone: 'error', text: error instanceof Error ? error.message : String(error) });
    }
    await refresh().catch(() => undefined);
  };
  const confirmRun = (question: string, action: () => Promise<Message>) => {
    if (window.confirm(question)) void run(action);
  };

  const exportData = () =>
    run(async () => {
      const json = JSON.stringify(await data.exportUserData(), null, 2);
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
      link.download = `backstory-user-data-${new Date().toISOString().slice(0, 10)}.json`;
      link.click();
      setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
      return { tone: 'ok', text: t('options.data.exported') };
    });

  const importFile = (kind: 'user' | 'pack') => async (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    await run(async () => {
      const json = await readJsonFile(file);
      if (kind === 'user') {
        const result = await data.importUserData(json);
        return result.ok
          ? {
              tone: 'ok',
              text: t('options.data.imported', {
                progress: formatNumber(result.counts.progress ?? 0),
                learned: formatNumber(result.counts.learned ?? 0),
                corrections: formatNumber(result.counts.corrections ?? 0),
              }),
            }
          : { tone: 'error', text: t('options.data.notExport'), issues: result.issues };
      }
      let result = await data.importPack(json);
      if (!result.ok && result.replaces) {
        const { showTitle, packId } = result.replaces;
        if (!window.confirm(t('options.data.replaceQuestion', { show: showTitle, pack: packId })))
          return { tone: 'error', text: t('options.data.kept', { show: showTitle }) };
        result = await data.importPack({ pack: json, replace: true });
      }
      return result.ok
        ? { tone: 'ok', text: t('options.data.packImported', { pack: result.pack.id, version: result.pack.version }) }
        : {
            tone: 'error',
            text: t('options.data.packProblems', result.issues.length),
            issues: result.issues,
          };
    });
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">{t('options.data.heading')}</h2>
      <p class="hint">{t('options.data.hint')}</p>
      {stats && (
        <div class="stats">
          <table>
            <caption>{t('options.data.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('options.data.show')}</th>
                <th scope="col">{t('options.data.version')}</th>
                <th scope="col">{t('options.data.contents')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.packs.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.title}{' '}
                    <span class="hint">
                      ({p.origin === 'imported' ? t('options.data.origin.imported') : t('options.data.origin.bundled')})
                    </span>
                  </td>
                  <td>{p.version}</td>
                  <td>
                    {formatList(
                      Object.entries(p.counts)
                        .filter(([k]) => k in COUNTS)
                        .map(([k, n]) => COUNTS[k]?.(n) ?? ''),
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul class="facts">
            <li>
              {t('options.data.sizeOnDisk')} <span data-testid="usage">{bytes(usage.usage)}</span>
              {usage.quota !== undefined && (
                <span class="hint"> {t('options.data.ofAvailable', { quota: bytes(usage.quota) })}</span>
              )}
            </li>
            <li>
              {t('options.data.recognised')} <span data-testid="learned">{stats.learned}</span>, {t('options.data.corrections')}{' '}
              <span data-testid="corrections">{stats.corrections}</span>
            </li>
            {stats.progress.map((p) => (
              <li key={p.showId}>
                {t('options.data.progressLine', { show: p.showTitle })}{' '}
                <span data-testid={`furthest-${p.showId}`}>{p.furthest ?? t('common.nothingYet')}</span>,{' '}
                {t('options.data.readLine', {
                  volume: p.readVolume ? t('common.volume', { n: p.readVolume }) : t('options.data.noVolume'),
                })}
              </li>
            ))}
          </ul>
          {stats.health.map((note) => (
            <p key={note.kind} class="error" role="alert">
              {healthText(note)}
            </p>
          ))}
          {stats.seedProblems.map((p) => (
            <p key={p.packId} class="error" role="alert">
              {t('options.data.seedProblem', p.issues.length, { pack: p.packId })}
            </p>
          ))}
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            confirmRun(t('options.data.reseedQuestion'), async () => {
              await data.reseed();
              return { tone: 'ok', text: t('options.data.reseeded') };
            })
          }
        >
          {t('options.data.reseed')}
        </button>
        <button
          type="button"
          onClick={() =>
            confirmRun(t('options.data.forgetQuestion'), async () => {
              await data.clearLearned();
              return { tone: 'ok', text: t('options.data.forgotten') };
            })
          }
        >
          {t('options.data.forget')}
        </button>
        <button
          type="button"
          onClick={() =>
            confirmRun(t('options.data.resetQuestion'), async () => {
              await data.resetProgress();
              return { tone: 'ok', text: t('options.data.wasReset') };
            })
          }
        >
          {t('options.data.reset')}
        </button>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void exportData()}>
          {t('options.data.export')}
        </button>
        <label class="file-button">
          {t('options.data.import')}
          <input type="file" accept="application/json,.json" onChange={importFile('user')} />
        </label>
        <label class="file-button">
          {t('options.data.addShow')}
          <input type="file" accept="application/json,.json" onChange={importFile('pack')} />
        </label>
      </div>
      {message && (
        <div
          class={message.tone === 'ok' ? 'ok' : 'error'}
          role={message.tone === 'ok' ? 'status' : 'alert'}
          data-testid="data-message"
        >
          <p>{message.text}</p>
          {message.issues && message.issues.length > 0 && (
            <ul class="issues">
              {message.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
