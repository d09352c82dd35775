import { useState } from 'preact/hooks';
import { t } from '../i18n';

/**
 * "Copy diagnostics": when Backstory cannot tell (or was told it got it wrong) what is playing, the viewer can copy
 * a short account of what each signal returned and paste it into an issue. The text is also shown, selectable,
 * in case the clipboard is not available. It holds no account data (see lib/sites/netflix/diagnostics.ts).
 */
export function Diagnostics({ read }: { read: () => Promise<string> }) {
  const [text, setText] = useState<string | null>(null);
  const [copied, setCopied] = useState<boolean | null>(null);
  const copy = async () => {
    const next = await read().catch(() => t('panel.diagnostics.failed'));
    setText(next);
    navigator.clipboard?.writeText(next).then(
      () => setCopied(true),
      () => setCopied(false),
    ) ?? setCopied(false);
  };
  return (
    <div class="bs-diagnostics">
      <button type="button" class="bs-link-button" onClick={() => void copy()}>
        {t('panel.diagnostics.copy')}
      </button>
      {copied !== null && (
        <p class="bs-muted" role="status">
          {copied ? t('panel.diagnostics.copied') : t('panel.diagnostics.selectText')}
        </p>
      )}
      {text && <textarea class="bs-diagnostics__text" readOnly aria-label={t('panel.diagnostics.label')} value={text} rows={6} />}
    </div>
  );
}
