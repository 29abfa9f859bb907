// The readiness questionnaire of one domain: each question scored 1–5 (with an optional note) and the business
// value of the domain going first. Every choice is one undoable edit of the domain's assessment.
import { useEffect, useState } from 'react';
import type { Question } from '../ipc/types';
import { useDesignStore } from '../store/designStore';
import { runEdit, useBackend } from '../studio/session';
import { answerEdit, answerNoteEdit, assessmentOf, businessValueEdit } from './planEdits';

const SCORES = [1, 2, 3, 4, 5] as const;

export function AssessmentEditor({ domain, name, questions }: { domain: string; name: string; questions: readonly Question[] }) {
  const backend = useBackend();
  const mesh = useDesignStore((state) => state.view?.mesh);
  if (!mesh) return null;
  const assessment = assessmentOf(mesh, domain);
  const save = (edit: ReturnType<typeof answerEdit> | null, what: string) => {
    if (edit) void runEdit(() => backend.entityPut([edit]), what);
  };
  const section = (dimension: Question['dimension'], heading: string) => (
    <fieldset className="questionnaire-group">
      <legend>{heading}</legend>
      {questions
        .filter((question) => question.dimension === dimension)
        .map((question) => {
          const answer = assessment.answers?.[question.id];
          return (
            <div key={question.id} className="question" data-testid={`question-${question.id}`}>
              <div className="question-title">
                <strong>{question.title}</strong>
                <span className="muted small">{question.scale}</span>
              </div>
              <div className="score-buttons" role="radiogroup" aria-label={`${question.title}: score 1 to 5`}>
                {SCORES.map((score) => (
                  <button
                    key={score}
                    type="button"
                    role="radio"
                    aria-checked={answer?.score === score}
                    className={answer?.score === score ? 'score-button chosen' : 'score-button'}
                    data-testid={`answer-${question.id}-${score}`}
                    onClick={() => save(answerEdit(mesh, domain, question.id, answer?.score === score ? null : score), `score ${question.title} for ${name}`)}
                  >
                    {score}
                  </button>
                ))}
              </div>
              <NoteField
                value={answer?.note ?? ''}
                disabled={!answer}
                testId={`answer-note-${question.id}`}
                label={`Note on ${question.title}`}
                onCommit={(note) => save(answerNoteEdit(mesh, domain, question.id, note), `note on ${question.title} for ${name}`)}
              />
            </div>
          );
        })}
    </fieldset>
  );
  return (
    <div className="questionnaire" data-testid="assessment-editor" aria-label={`Readiness of ${name}`}>
      <h3>Readiness of {name}</h3>
      <p className="muted small">Click a score to set it, click it again to clear it. Notes are kept when the field loses focus.</p>
      <label className="field-row inline-fields">
        Business value of going first
        <select
          value={assessment.businessValue ?? ''}
          data-testid="business-value"
          onChange={(event) => save(businessValueEdit(mesh, domain, event.target.value === '' ? null : Number(event.target.value)), `set the business value of ${name}`)}
        >
          <option value="">not set</option>
          {SCORES.map((score) => (
            <option key={score} value={score}>
              {score}
            </option>
          ))}
        </select>
      </label>
      {section('readiness', 'Readiness')}
      {section('need', 'Need for a mesh')}
    </div>
  );
}

/** A text field that stores its value when it loses focus (one edit, not one per key). */
function NoteField({ value, disabled, testId, label, onCommit }: { value: string; disabled: boolean; testId: string; label: string; onCommit: (text: string) => void }) {
  const [text, setText] = useState(value);
  useEffect(() => setText(value), [value]);
  return (
    <input
      type="text"
      className="question-note"
      aria-label={label}
      placeholder={disabled ? 'Score first, then add a note' : 'Note (optional)'}
      disabled={disabled}
      value={text}
      data-testid={testId}
      onChange={(event) => setText(event.target.value)}
      onBlur={() => text !== value && onCommit(text)}
      onKeyDown={(event) => event.key === 'Enter' && event.currentTarget.blur()}
    />
  );
}
