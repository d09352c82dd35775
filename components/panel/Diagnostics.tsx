import { useState } from 'preact/hooks';

/**
 * "Copy diagnostics": when Backstory cannot tell (or was told it got it wrong) what is playing, the viewer can copy
 * a short account of what each signal returned and paste it into an issue. The text is also shown, selectable,
 * in case the clipboard is not available. It holds no account data (see lib/netflix/diagnostics.ts).
 */
export function Diagnostics({ read }: { read: () => Promise<string> }) {
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    const next = await read().catch(() => 'The diagnostics could not be collected: reload the page and try again.');
    setText(next);
    navigator.clipboard?.writeText(next).then(
      () => setCopied(true),
      () => setCopied(false),
    ) ?? setCopied(false);
  };
  return (
    <div class="bs-diagnostics">
      <button type="button" class="bs-link-button" onClick={() => void copy()}>
        Copy diagnostics
      </button>
      {copied !== null && (
        <p class="bs-muted" role="status">
          {copied ? 'Copied. Paste it into an issue on Backstory’s project page.' : 'Select the text below and copy it.'}
        </p>
      )}
      {text && <textarea class="bs-diagnostics__text" readOnly aria-label="Diagnostics" value={text} rows={6} />}
    </div>
  );
}
