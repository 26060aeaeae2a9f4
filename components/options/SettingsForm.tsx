/**
 * Every reader setting, as native form controls grouped in fieldsets (each with a legend a screen
 * reader announces). Presentational: it shows `settings` and reports each change; the page saves.
 */
import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '@/utils/i18n/i18n';
import { categoryLabel } from '@/utils/i18n/labels';
import {
  HOVER_DELAY_MAX_MS,
  HOVER_DELAY_MIN_MS,
  HOVER_DELAY_STEP_MS,
  type CardDetail,
  type Density,
  type HighlightStyle,
  type Settings,
  type SiteMode,
  type ThemeSetting,
} from '@/utils/settings/settings';
import { CATEGORIES } from '@/glossary/types';
import { SiteList } from './SiteList';

export type SettingsChange = Partial<Omit<Settings, 'version'>>;

export interface SettingsFormProps {
  settings: Settings;
  onChange: (change: SettingsChange) => void;
}

const SITE_MODE_LABELS: Record<SiteMode, MessageKey> = {
  'all-except': 'siteModeAllExcept',
  'only-listed': 'siteModeOnlyListed',
};
const DENSITY_LABELS: Record<Density, MessageKey> = { first: 'densityFirst', every: 'densityEvery' };
const STYLE_LABELS: Record<HighlightStyle, MessageKey> = {
  underline: 'styleUnderline',
  background: 'styleBackground',
  none: 'styleNone',
};
const CARD_DETAIL_LABELS: Record<CardDetail, MessageKey> = { glance: 'cardDetailGlance', detailed: 'cardDetailDetailed' };
const THEME_LABELS: Record<ThemeSetting, MessageKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };

function Choice<T extends string>({
  name,
  legend,
  labels,
  value,
  onPick,
  hint,
}: {
  name: string;
  legend: string;
  labels: Record<T, MessageKey>;
  value: T;
  onPick: (value: T) => void;
  hint?: ComponentChildren;
}) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      {(Object.keys(labels) as T[]).map((option) => (
        <label key={option} class="choice">
          <input type="radio" name={name} value={option} checked={value === option} onChange={() => onPick(option)} />
          {t(labels[option])}
        </label>
      ))}
      {hint}
    </fieldset>
  );
}

export function SettingsForm({ settings, onChange }: SettingsFormProps) {
  const off = new Set(settings.disabledCategories);
  return (
    <div class="settings-form">
      <fieldset>
        <legend>{t('sectionHighlighting')}</legend>
        <label class="choice">
          <input
            type="checkbox"
            checked={settings.enabled}
            onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
          />
          {t('enabledLabel')}
        </label>
      </fieldset>

      <Choice
        name="site-mode"
        legend={t('sectionSites')}
        labels={SITE_MODE_LABELS}
        value={settings.siteMode}
        onPick={(siteMode) => onChange({ siteMode })}
        hint={
          <>
            {settings.siteMode === 'all-except' ? (
              <SiteList
                id="off-sites"
                label={t('offSitesLabel')}
                sites={settings.offSites}
                onChange={(offSites) => onChange({ offSites })}
              />
            ) : (
              <SiteList
                id="only-sites"
                label={t('onlySitesLabel')}
                sites={settings.onlySites}
                onChange={(onlySites) => onChange({ onlySites })}
              />
            )}
            <p class="muted">{t('sitesHint')}</p>
          </>
        }
      />

      <Choice
        name="density"
        legend={t('sectionDensity')}
        labels={DENSITY_LABELS}
        value={settings.density}
        onPick={(density) => onChange({ density })}
        hint={<p class="muted">{t('densityFirstHint')}</p>}
      />

      <Choice
        name="style"
        legend={t('sectionStyle')}
        labels={STYLE_LABELS}
        value={settings.style}
        onPick={(style) => onChange({ style })}
      />

      <fieldset>
        <legend>{t('sectionCategories')}</legend>
        {CATEGORIES.map((category) => (
          <label key={category} class="choice">
            <input
              type="checkbox"
              checked={!off.has(category)}
              onChange={(event) =>
                onChange({
                  disabledCategories: event.currentTarget.checked
                    ? settings.disabledCategories.filter((c) => c !== category)
                    : [...settings.disabledCategories, category],
                })
              }
            />
            {categoryLabel(category)}
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('sectionHoverDelay')}</legend>
        <label for="hover-delay">{t('hoverDelayLabel')}</label>
        <div class="range">
          <input
            id="hover-delay"
            type="range"
            min={HOVER_DELAY_MIN_MS}
            max={HOVER_DELAY_MAX_MS}
            step={HOVER_DELAY_STEP_MS}
            value={settings.hoverDelayMs}
            aria-valuetext={t('hoverDelayValue', String(settings.hoverDelayMs))}
            onChange={(event) => onChange({ hoverDelayMs: Number(event.currentTarget.value) })}
          />
          <output for="hover-delay">{t('hoverDelayValue', String(settings.hoverDelayMs))}</output>
        </div>
      </fieldset>

      <Choice
        name="card-detail"
        legend={t('sectionCard')}
        labels={CARD_DETAIL_LABELS}
        value={settings.cardDetail}
        onPick={(cardDetail) => onChange({ cardDetail })}
      />

      <Choice
        name="theme"
        legend={t('sectionTheme')}
        labels={THEME_LABELS}
        value={settings.theme}
        onPick={(theme) => onChange({ theme })}
      />
    </div>
  );
}
