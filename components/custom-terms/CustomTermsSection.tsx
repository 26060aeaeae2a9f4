/**
 * "Your terms" on the options page: the reader's own terms listed, added, edited and deleted,
 * and moved between computers as a JSON file. Every result (saved, deleted, imported, rejected)
 * is announced in one status region and one alert region, which stay in the DOM so screen
 * readers hear each change.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t, tAround, tCount } from '@/utils/i18n/i18n';
import { checkForm, EMPTY_FIELDS, fieldsOf, upsert, type FieldErrors, type FieldName, type TermFields } from '@/utils/custom-terms/form-model';
import { describeImportPlan, planImport, type ImportPlan } from '@/utils/custom-terms/merge';
import { describeProblem } from '@/utils/custom-terms/problem-text';
import {
  EXPORT_FILE_NAME,
  MAX_DEFINITION_CHARS,
  MAX_IMPORT_BYTES,
  parseTermsFile,
  serializeTermsFile,
  type BundledForms,
  type CustomTerm,
} from '@/utils/custom-terms/schema';
import { bundledForms, loadCustomTerms, saveCustomTerms, watchCustomTerms } from '@/utils/custom-terms/storage';
import './custom-terms.css';

/** A bad file can have hundreds of problems; the first few say enough to start fixing it. */
export const MAX_SHOWN_ERRORS = 8;

export interface CustomTermsSectionProps {
  /** Defaults to the bundled glossary's forms; tests pass a small one. */
  bundled?: BundledForms;
  /** The section's heading (the options page passes its translated one). */
  title?: string;
  /** Hands the exported file to the browser; tests pass a spy. */
  download?: (fileName: string, text: string) => void;
}

/** An `<a download>` click on a blob URL: needs no "downloads" permission and no network. */
export function downloadFile(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  // The click has handed the blob to the download by the next task.
  setTimeout(() => URL.revokeObjectURL(url));
}

interface Alert {
  title: string;
  items: string[];
}

interface PendingImport {
  fileName: string;
  plan: ImportPlan;
}

const FIELD_IDS: Record<FieldName, string> = {
  name: 'custom-term-name',
  aliases: 'custom-term-aliases',
  definition: 'custom-term-definition',
  significance: 'custom-term-significance',
  challenges: 'custom-term-challenges',
  sourceUrl: 'custom-term-source-url',
  sourceTitle: 'custom-term-source-title',
  sourceAsOf: 'custom-term-source-as-of',
};

const IMPORT_ERROR_ID = 'custom-terms-import-error';

function errorId(field: FieldName): string {
  return `${FIELD_IDS[field]}-error`;
}

export function CustomTermsSection({
  bundled = bundledForms(),
  title = t('sectionYourTerms'),
  download = downloadFile,
}: CustomTermsSectionProps) {
  const [terms, setTerms] = useState<CustomTerm[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [readOnly, setReadOnly] = useState(false);
  const [loadProblems, setLoadProblems] = useState<string[]>([]);
  const [fields, setFields] = useState<TermFields>({ ...EMPTY_FIELDS });
  const [errors, setErrors] = useState<FieldErrors>({});
  /** The index of the term being edited; undefined while adding. */
  const [editing, setEditing] = useState<number>();
  const [status, setStatus] = useState('');
  const [alert, setAlert] = useState<Alert>();
  const [pending, setPending] = useState<PendingImport>();
  /** A rejected import, shown beside the Import control that caused it (not at the section's top). */
  const [importError, setImportError] = useState<Alert>();
  const form = useRef<HTMLFormElement>(null);

  useEffect(() => {
    let live = true;
    void loadCustomTerms(bundled).then((stored) => {
      if (!live) return;
      setTerms(stored.terms);
      setLoadProblems(stored.problems);
      setReadOnly(stored.fromNewerVersion);
      setLoaded(true);
    });
    // Another options tab, or a future sync, may change the list while this one is open.
    const stop = watchCustomTerms((stored) => {
      setTerms(stored.terms);
      setReadOnly(stored.fromNewerVersion);
    }, bundled);
    return () => {
      live = false;
      stop();
    };
  }, [bundled]);

  function announce(message: string): void {
    setAlert(undefined);
    setStatus(message);
  }

  function fail(title: string, items: string[] = []): void {
    setStatus('');
    setAlert({ title, items });
  }

  async function store(next: CustomTerm[], message: string): Promise<boolean> {
    try {
      await saveCustomTerms(next);
    } catch (error) {
      fail(t('termsSaveFailed', error instanceof Error ? error.message : String(error)));
      return false;
    }
    setTerms(next);
    announce(message);
    return true;
  }

  function resetForm(): void {
    setFields({ ...EMPTY_FIELDS });
    setErrors({});
    setEditing(undefined);
  }

  async function onSubmit(event: Event): Promise<void> {
    event.preventDefault();
    const others = terms.filter((_, i) => i !== editing);
    const result = checkForm(fields, others, bundled);
    if (!result.ok) {
      setErrors(result.errors);
      const first = (Object.keys(FIELD_IDS) as FieldName[]).find((field) => result.errors[field]);
      if (first) form.current?.querySelector<HTMLElement>(`#${FIELD_IDS[first]}`)?.focus();
      fail(tCount('fieldsNeedAttentionOne', 'fieldsNeedAttentionOther', Object.keys(result.errors).length));
      return;
    }
    const done = t(editing === undefined ? 'termAdded' : 'termSaved', result.term.name);
    if (await store(upsert(terms, result.term, editing), done)) resetForm();
  }

  function startEdit(index: number): void {
    setEditing(index);
    setFields(fieldsOf(terms[index]!));
    setErrors({});
    form.current?.querySelector<HTMLElement>(`#${FIELD_IDS.name}`)?.focus();
  }

  async function remove(index: number): Promise<void> {
    const term = terms[index]!;
    const next = terms.filter((_, i) => i !== index);
    if (!(await store(next, t('termDeleted', term.name)))) return;
    if (editing === index) resetForm();
    else if (editing !== undefined && editing > index) setEditing(editing - 1);
  }

  async function onImportFile(event: Event): Promise<void> {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared at once, so choosing the same file again (after fixing it) fires a change.
    input.value = '';
    setPending(undefined);
    setImportError(undefined);
    if (!file) return;
    if (file.size > MAX_IMPORT_BYTES) {
      setStatus('');
      setImportError({ title: t('importTooLarge', file.name), items: [] });
      return;
    }
    const result = parseTermsFile(await file.text(), bundled);
    const planned = result.ok ? planImport(terms, result.terms, bundled) : result;
    if (!planned.ok) {
      const described = planned.problems.map(describeProblem);
      const shown = described.slice(0, MAX_SHOWN_ERRORS);
      const more = described.length - shown.length;
      setStatus('');
      setAlert(undefined);
      setImportError({
        title: tCount('importProblemsOne', 'importProblemsOther', described.length, file.name),
        items: more > 0 ? [...shown, t('andMore', String(more))] : shown,
      });
      return;
    }
    setPending({ fileName: file.name, plan: planned.plan });
    announce(t('importReady', file.name, describeImportPlan(planned.plan)));
  }

  async function confirmImport(): Promise<void> {
    if (!pending) return;
    const { plan, fileName } = pending;
    setPending(undefined);
    await store(plan.terms, t('imported', fileName, describeImportPlan(plan)));
  }

  function exportTerms(): void {
    download(EXPORT_FILE_NAME, serializeTermsFile(terms));
    announce(tCount('exportedOne', 'exportedOther', terms.length, EXPORT_FILE_NAME));
  }

  const field = (name: FieldName) => ({
    id: FIELD_IDS[name],
    value: fields[name],
    disabled: readOnly,
    'aria-invalid': errors[name] ? ('true' as const) : undefined,
    'aria-describedby': errors[name] ? errorId(name) : undefined,
    onInput: (event: Event) => {
      const value = (event.currentTarget as HTMLInputElement | HTMLTextAreaElement).value;
      setFields((previous) => ({ ...previous, [name]: value }));
    },
  });
  const fieldError = (name: FieldName) =>
    errors[name] ? (
      <p id={errorId(name)} class="field-error">
        {errors[name]}
      </p>
    ) : null;
  const definitionLength = [...fields.definition.trim()].length;
  const fileHint = tAround('importExportHint');

  return (
    <section class="custom-terms" aria-labelledby="custom-terms-heading">
      <h2 id="custom-terms-heading">{title}</h2>
      <p class="hint">{t('yourTermsHint')}</p>

      <div role="status" class="custom-terms-status">
        {status}
      </div>
      {/* Added only with a problem to report: an alert is announced as it appears, and an empty
          one would be a second "alert" on the options page for others' tests and tools to trip on. */}
      {alert && (
        <div role="alert" class="alert">
          <p>{alert.title}</p>
          {alert.items.length > 0 && (
            <ul>
              {alert.items.map((item, index) => (
                <li key={index}>{item}</li>
              ))}
            </ul>
          )}
        </div>
      )}

      {readOnly && (
        <p class="notice">{t('termsFromNewerVersion')}</p>
      )}
      {loadProblems.length > 0 && (
        <div class="notice">
          <p>{t('termsUnreadable')}</p>
          <ul>
            {loadProblems.slice(0, MAX_SHOWN_ERRORS).map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}

      {loaded && terms.length === 0 && <p>{t('noCustomTerms')}</p>}
      {terms.length > 0 && (
        <ul class="custom-term-list" aria-label={t('savedTermsLabel')}>
          {terms.map((term, index) => (
            <li key={term.name}>
              <span class="custom-term-name">{term.name}</span>
              {term.aliases.length > 0 && <span class="custom-term-aliases"> ({term.aliases.join(', ')})</span>}
              <p class="custom-term-definition">{term.definition}</p>
              <button type="button" disabled={readOnly} onClick={() => startEdit(index)} aria-label={t('editNamed', term.name)}>
                {t('editButton')}
              </button>{' '}
              <button type="button" disabled={readOnly} onClick={() => void remove(index)} aria-label={t('deleteNamed', term.name)}>
                {t('deleteButton')}
              </button>
            </li>
          ))}
        </ul>
      )}

      <form ref={form} aria-labelledby="custom-term-form-heading" noValidate onSubmit={(event) => void onSubmit(event)}>
        <h3 id="custom-term-form-heading">
          {editing === undefined ? t('addTermHeading') : t('editTermHeading', terms[editing]?.name ?? '')}
        </h3>
        <label for={FIELD_IDS.name}>{t('fieldName')}</label>
        <input type="text" required autoComplete="off" {...field('name')} />
        {fieldError('name')}

        <label for={FIELD_IDS.aliases}>{t('fieldAliases')}</label>
        <textarea rows={2} {...field('aliases')} />
        {fieldError('aliases')}

        <label for={FIELD_IDS.definition}>{t('fieldDefinition')}</label>
        <textarea rows={3} required {...field('definition')} />
        <p class="counter" aria-live="off">
          {definitionLength} / {MAX_DEFINITION_CHARS}
        </p>
        {fieldError('definition')}

        <label for={FIELD_IDS.significance}>{t('fieldSignificance')}</label>
        <textarea rows={2} {...field('significance')} />
        {fieldError('significance')}

        <label for={FIELD_IDS.challenges}>{t('fieldChallenges')}</label>
        <textarea rows={2} {...field('challenges')} />
        {fieldError('challenges')}

        <fieldset>
          <legend>{t('fieldSource')}</legend>
          <label for={FIELD_IDS.sourceUrl}>{t('fieldSourceUrl')}</label>
          <input type="url" autoComplete="off" {...field('sourceUrl')} />
          {fieldError('sourceUrl')}
          <label for={FIELD_IDS.sourceTitle}>{t('fieldSourceTitle')}</label>
          <input type="text" {...field('sourceTitle')} />
          {fieldError('sourceTitle')}
          <label for={FIELD_IDS.sourceAsOf}>{t('fieldSourceAsOf')}</label>
          <input type="date" {...field('sourceAsOf')} />
          {fieldError('sourceAsOf')}
        </fieldset>

        <button type="submit" disabled={readOnly}>
          {editing === undefined ? t('addTermButton') : t('saveChanges')}
        </button>
        {editing !== undefined && (
          <>
            {' '}
            <button type="button" onClick={resetForm}>
              {t('cancelEditing')}
            </button>
          </>
        )}
      </form>

      <div class="custom-terms-files">
        <h3>{t('importExportHeading')}</h3>
        <p class="hint">
          {fileHint[0]}
          <code>{'{ "format": "dpi-lens-terms", "version": 1, "terms": […] }'}</code>
          {fileHint[1]}
        </p>
        <button type="button" onClick={exportTerms}>
          {t('exportButton')}
        </button>{' '}
        <label for="custom-terms-import">{t('importLabel')}</label>
        <input
          id="custom-terms-import"
          type="file"
          accept=".json,application/json"
          disabled={readOnly}
          aria-invalid={importError ? 'true' : undefined}
          aria-describedby={importError ? IMPORT_ERROR_ID : undefined}
          onChange={(event) => void onImportFile(event)}
        />
        {importError && (
          <div role="alert" class="alert import-error" id={IMPORT_ERROR_ID}>
            <p>{importError.title}</p>
            {importError.items.length > 0 && (
              <ul>
                {importError.items.map((item, index) => (
                  <li key={index}>{item}</li>
                ))}
              </ul>
            )}
          </div>
        )}
        {pending && (
          <div class="import-confirm" role="group" aria-label={t('confirmImportLabel')}>
            <p>{t('importQuestion', pending.fileName, describeImportPlan(pending.plan))}</p>
            <button type="button" onClick={() => void confirmImport()}>
              {t('importButton')}
            </button>{' '}
            <button
              type="button"
              onClick={() => {
                setPending(undefined);
                announce(t('importCancelled'));
              }}
            >
              {t('cancelImport')}
            </button>
          </div>
        )}
      </div>
    </section>
  );
}
