// Form building blocks for the inspector: labelled fields, a draft that commits after typing pauses, and an
// editor for lists of small records (SLA properties, support channels, quality rules, team members).
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';

/** How long typing may pause before the edit goes to the backend. */
export const TYPING_DEBOUNCE_MS = 400;

/**
 * A local copy of an entity that the form edits. Text changes commit after a pause (or on blur, via `flush`),
 * choices commit at once. While nothing is pending the draft follows the stored value, so undo shows through.
 */
export function useDraft<T>(value: T, commit: (next: T) => void, delay = TYPING_DEBOUNCE_MS) {
  const [draft, setDraft] = useState(value);
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; next: T } | null>(null);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  useEffect(() => {
    if (pending.current === null) setDraft(value);
  }, [value]);

  const flush = useCallback(() => {
    const waiting = pending.current;
    if (waiting === null) return;
    clearTimeout(waiting.timer);
    pending.current = null;
    commitRef.current(waiting.next);
  }, []);

  // Leaving the form (another selection) still saves what was typed.
  useEffect(() => flush, [flush]);

  const update = useCallback(
    (next: T, immediate = false) => {
      setDraft(next);
      if (pending.current !== null) clearTimeout(pending.current.timer);
      if (immediate) {
        pending.current = null;
        commitRef.current(next);
        return;
      }
      pending.current = { next, timer: setTimeout(flush, delay) };
    },
    [delay, flush],
  );

  return { draft, update, flush };
}

type FieldProps = {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  testId?: string;
  multiline?: boolean;
  placeholder?: string;
  readOnly?: boolean;
  hint?: string;
};

export function TextField({ label, value, onChange, onBlur, testId, multiline, placeholder, readOnly, hint }: FieldProps) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea
          id={id}
          value={value}
          rows={3}
          placeholder={placeholder}
          readOnly={readOnly}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
        />
      ) : (
        <input
          id={id}
          type="text"
          value={value}
          placeholder={placeholder}
          readOnly={readOnly}
          data-testid={testId}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onBlur}
          spellCheck={false}
        />
      )}
      {hint && <p className="field-hint">{hint}</p>}
    </div>
  );
}

export type Choice = { value: string; label: string };

export const STATUS_CHOICES: readonly Choice[] = ['proposed', 'draft', 'active', 'deprecated', 'retired'].map(
  (value) => ({ value, label: value }),
);

export function SelectField({
  label,
  value,
  choices,
  onChange,
  testId,
  allowNone,
}: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  testId?: string;
  /** Label of the empty choice, when the field may be left unset. */
  allowNone?: string;
}) {
  const id = useId();
  const known = choices.some((choice) => choice.value === value);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} data-testid={testId} onChange={(event) => onChange(event.target.value)}>
        {allowNone !== undefined && <option value="">{allowNone}</option>}
        {!known && value !== '' && <option value={value}>{value} (unknown)</option>}
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  return (
    <section className="inspector-section">
      <div className="inspector-section-head">
        <h3>{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

export type Column = {
  key: string;
  label: string;
  kind?: 'text' | 'number-or-text' | 'checkbox' | 'select' | 'list';
  choices?: readonly string[];
  width?: string;
};

type Row = Record<string, unknown>;

/** Text for a cell; lists (examples) as comma-separated text. */
function cellText(value: unknown, kind: Column['kind']): string {
  if (value === undefined || value === null) return '';
  if (kind === 'list' && Array.isArray(value)) return value.map((item) => String(item)).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function parseCell(text: string, kind: Column['kind']): unknown {
  if (kind === 'list') {
    const items = text
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item !== '');
    return items.length > 0 ? items : undefined;
  }
  if (kind === 'number-or-text' && /^-?\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim());
  return text === '' ? undefined : text;
}

/** Sets `key` of `row`, leaving keys out when empty (as the JSON export does). */
export function withField<T extends Row>(row: T, key: string, value: unknown): T {
  const next: Row = { ...row };
  if (value === undefined || value === false) delete next[key];
  else next[key] = value;
  return next as T;
}

/**
 * A text input for a value that is not plain text (a list, a number): it keeps what is typed (a trailing comma,
 * a half-written number) and only reformats the stored value while not focused.
 */
export function ParsedInput({
  label,
  value,
  format,
  parse,
  onChange,
  onBlur,
  testId,
  id,
}: {
  label?: string;
  value: unknown;
  format: (value: unknown) => string;
  parse: (text: string) => unknown;
  onChange: (value: unknown) => void;
  onBlur?: () => void;
  testId?: string;
  id?: string;
}) {
  const [text, setText] = useState(() => format(value));
  const focused = useRef(false);
  const shown = format(value);
  useEffect(() => {
    if (!focused.current) setText(shown);
  }, [shown]);
  return (
    <input
      id={id}
      type="text"
      aria-label={label}
      value={text}
      data-testid={testId}
      spellCheck={false}
      onFocus={() => {
        focused.current = true;
      }}
      onChange={(event) => {
        setText(event.target.value);
        onChange(parse(event.target.value));
      }}
      onBlur={() => {
        focused.current = false;
        setText(format(value));
        onBlur?.();
      }}
    />
  );
}

/** Comma-separated text ⇄ a list of strings (tags, examples). */
export function parseList(text: string): string[] | undefined {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  return items.length > 0 ? items : undefined;
}

export function formatList(value: unknown): string {
  return Array.isArray(value) ? value.map((item) => String(item)).join(', ') : '';
}

export function RowsEditor<T extends Row>({
  rows,
  columns,
  onChange,
  onBlur,
  make,
  testId,
  addLabel,
  empty,
}: {
  rows: readonly T[];
  columns: readonly Column[];
  /** `immediate` for choices (checkbox, select, add, remove); text commits after a pause. */
  onChange: (rows: T[], immediate: boolean) => void;
  onBlur?: () => void;
  make: () => T;
  testId: string;
  addLabel: string;
  empty: string;
}) {
  const set = (index: number, key: string, value: unknown, immediate: boolean) =>
    onChange(
      rows.map((row, at) => (at === index ? withField(row, key, value) : row)),
      immediate,
    );
  return (
    <div className="rows-editor" data-testid={testId}>
      {rows.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <table>
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column.key} style={column.width ? { width: column.width } : undefined}>
                  {column.label}
                </th>
              ))}
              <th aria-label="Remove" />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                {columns.map((column) => (
                  <td key={column.key}>
                    {column.kind === 'checkbox' ? (
                      <input
                        type="checkbox"
                        aria-label={column.label}
                        checked={row[column.key] === true}
                        onChange={(event) => set(index, column.key, event.target.checked, true)}
                      />
                    ) : column.kind === 'select' ? (
                      <select
                        aria-label={column.label}
                        value={cellText(row[column.key], 'text')}
                        onChange={(event) => set(index, column.key, event.target.value || undefined, true)}
                      >
                        <option value="" />
                        {!(column.choices ?? []).includes(cellText(row[column.key], 'text')) &&
                          row[column.key] !== undefined && (
                            <option value={cellText(row[column.key], 'text')}>{cellText(row[column.key], 'text')}</option>
                          )}
                        {(column.choices ?? []).map((choice) => (
                          <option key={choice} value={choice}>
                            {choice}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <ParsedInput
                        label={column.label}
                        value={row[column.key]}
                        format={(value) => cellText(value, column.kind)}
                        parse={(text) => parseCell(text, column.kind)}
                        onChange={(value) => set(index, column.key, value, false)}
                        onBlur={onBlur}
                      />
                    )}
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="icon-button"
                    aria-label={`Remove row ${index + 1}`}
                    title="Remove"
                    onClick={() => onChange(rows.filter((_, at) => at !== index), true)}
                  >
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" className="button small" onClick={() => onChange([...rows, make()], true)}>
        {addLabel}
      </button>
    </div>
  );
}
