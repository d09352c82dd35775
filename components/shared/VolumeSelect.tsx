import { t } from '../i18n';

/** "Comics read": none yet, or up to one of the show's volumes. The one control for it, wherever it is asked. */
export function VolumeSelect({
  id,
  value,
  volumes,
  onChange,
}: {
  id: string;
  value: number;
  volumes: number;
  onChange: (volume: number) => void;
}) {
  return (
    <select id={id} value={String(value)} onChange={(e) => onChange(Number(e.currentTarget.value))}>
      <option value="0">{t('common.noneYet')}</option>
      {Array.from({ length: volumes }, (_, i) => (
        <option key={i + 1} value={String(i + 1)}>
          {t('common.upToVolume', { n: i + 1 })}
        </option>
      ))}
    </select>
  );
}
