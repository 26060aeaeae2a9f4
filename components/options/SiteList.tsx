import { useState } from 'preact/hooks';
import { t } from '@/utils/i18n/i18n';
import { normaliseSite } from '@/utils/settings/settings';

export interface SiteListProps {
  /** Unique per page: ties the label, input and error together. */
  id: string;
  label: string;
  sites: readonly string[];
  onChange: (sites: string[]) => void;
}

/** A list of sites with an "Add a site" box; each site has its own Remove button. */
export function SiteList({ id, label, sites, onChange }: SiteListProps) {
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  const errorId = `${id}-error`;

  const add = (event: Event) => {
    event.preventDefault();
    const site = normaliseSite(draft);
    if (!site) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    setDraft('');
    if (!sites.includes(site)) onChange([...sites, site]);
  };

  return (
    <div class="site-list">
      <h3 id={`${id}-label`}>{label}</h3>
      {sites.length === 0 ? (
        <p class="muted">{t('noSites')}</p>
      ) : (
        <ul aria-labelledby={`${id}-label`}>
          {sites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button type="button" onClick={() => onChange(sites.filter((s) => s !== site))}>
                {t('removeSite', site)}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-site" onSubmit={add}>
        <label for={`${id}-input`}>{t('addSiteLabel')}</label>
        <input
          id={`${id}-input`}
          type="text"
          inputMode="url"
          autoComplete="off"
          spellcheck={false}
          placeholder="thehindu.com"
          value={draft}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onInput={(event) => setDraft(event.currentTarget.value)}
        />
        <button type="submit">{t('addSiteButton')}</button>
      </form>
      {invalid && (
        <p id={errorId} class="error" role="alert">
          {t('siteInvalid')}
        </p>
      )}
    </div>
  );
}
