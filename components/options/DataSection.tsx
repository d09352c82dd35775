import { useCallback, useEffect, useState } from 'preact/hooks';
import type { CacheStats } from '../../lib/service/backstory-service';
import type { OptionsData } from './types';

type Message = { tone: 'ok' | 'error'; text: string; issues?: { path: string; message: string }[] };

const bytes = (n?: number) =>
  n === undefined ? 'unknown' : n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${(n / 1024 / 1024).toFixed(1)} MB`;

async function readJsonFile(file: File): Promise<unknown> {
  if (file.size > 20 * 1024 * 1024) throw new Error('The file is larger than 20 MB.');
  try {
    return JSON.parse(await file.text());
  } catch {
    throw new Error('The file is not valid JSON.');
  }
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
  useEffect(
    () => void refresh().catch(() => setMessage({ tone: 'error', text: 'The data cache could not be read.' })),
    [refresh],
  );

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
      return { tone: 'ok', text: 'Your data was exported.' };
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
              text: `Imported ${result.counts.progress} progress records, ${result.counts.learned} learned episodes and ${result.counts.corrections} corrections.`,
            }
          : { tone: 'error', text: 'That file is not a Backstory export. Nothing was changed.', issues: result.issues };
      }
      let result = await data.importPack(json);
      if (!result.ok && result.replaces) {
        const { showTitle, packId } = result.replaces;
        if (!window.confirm(`This pack would replace “${showTitle}” (from the pack “${packId}”). Replace it?`))
          return { tone: 'error', text: `Nothing was changed: “${showTitle}” keeps its pack.` };
        result = await data.importPack({ pack: json, replace: true });
      }
      return result.ok
        ? { tone: 'ok', text: `Imported pack “${result.pack.id}” version ${result.pack.version}.` }
        : {
            tone: 'error',
            text: `The pack has ${result.issues.length} problem${result.issues.length === 1 ? '' : 's'}. Nothing was changed.`,
            issues: result.issues,
          };
    });
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Advanced</h2>
      <p class="hint">Your data and the shows Backstory knows: for moving to another browser, or when something looks wrong.</p>
      {stats && (
        <div class="stats">
          <table>
            <caption>Shows Backstory knows</caption>
            <thead>
              <tr>
                <th scope="col">Show</th>
                <th scope="col">Version</th>
                <th scope="col">Contents</th>
              </tr>
            </thead>
            <tbody>
              {stats.packs.map((p) => (
                <tr key={p.id}>
                  <td>
                    {p.title} <span class="hint">({p.origin})</span>
                  </td>
                  <td>{p.version}</td>
                  <td>
                    {Object.entries(p.counts)
                      .map(([k, n]) => `${n} ${k}`)
                      .join(', ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <ul class="facts">
            <li>
              Size on disk: <span data-testid="usage">{bytes(usage.usage)}</span>
              {usage.quota !== undefined && <span class="hint"> of {bytes(usage.quota)} available</span>}
            </li>
            <li>
              Netflix videos recognised: <span data-testid="learned">{stats.learned}</span>, your corrections:{' '}
              <span data-testid="corrections">{stats.corrections}</span>
            </li>
            {stats.progress.map((p) => (
              <li key={p.showId}>
                {p.showTitle}: watched up to <span data-testid={`furthest-${p.showId}`}>{p.furthest ?? 'nothing yet'}</span>, read
                up to {p.readVolume ? `Volume ${p.readVolume}` : 'no volume'}
              </li>
            ))}
          </ul>
          {stats.health.map((note) => (
            <p key={note} class="error" role="alert">
              {note}
            </p>
          ))}
          {stats.seedProblems.map((p) => (
            <p key={p.packId} class="error" role="alert">
              The bundled pack “{p.packId}” failed validation and was not loaded ({p.issues.length} problems).
            </p>
          ))}
        </div>
      )}
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            confirmRun('Load the shows that come with Backstory again? Your progress and corrections are kept.', async () => {
              await data.reseed();
              return { tone: 'ok', text: 'The shows that come with Backstory were loaded again.' };
            })
          }
        >
          Repair the built-in shows
        </button>
        <button
          type="button"
          onClick={() =>
            confirmRun('Forget which Netflix videos are which episodes, and your corrections?', async () => {
              await data.clearLearned();
              return { tone: 'ok', text: 'Backstory forgot the episodes it had recognised and your corrections.' };
            })
          }
        >
          Forget recognised episodes
        </button>
        <button
          type="button"
          onClick={() =>
            confirmRun('Reset what you have watched and read?', async () => {
              await data.resetProgress();
              return { tone: 'ok', text: 'Progress was reset.' };
            })
          }
        >
          Reset progress
        </button>
      </div>
      <div class="actions">
        <button type="button" onClick={() => void exportData()}>
          Export my data
        </button>
        <label class="file-button">
          Import my data…
          <input type="file" accept="application/json,.json" onChange={importFile('user')} />
        </label>
        <label class="file-button">
          Add a show from a file…
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
