// Pure edit builders for the readiness questionnaire: from the stored assessment (if any) and what the user
// chose to the assessment value one `entityPut` stores. Other fields of the assessment are kept as they are.
import type { DomainAssessment, MeshDocument } from '../ipc/model';
import type { EntityValue } from '../ipc/types';

export function assessmentOf(mesh: MeshDocument, domain: string): DomainAssessment {
  return (mesh.assessments ?? []).find((item) => item.domain === domain) ?? { domain };
}

function put(assessment: DomainAssessment): EntityValue {
  return { kind: 'assessment', id: assessment.domain, value: assessment };
}

/** Sets (or, with `null`, clears) the 1–5 score of one question, keeping its note. */
export function answerEdit(mesh: MeshDocument, domain: string, question: string, score: number | null): EntityValue {
  const assessment = assessmentOf(mesh, domain);
  const answers = { ...(assessment.answers ?? {}) };
  const old = answers[question];
  if (score === null) {
    delete answers[question];
  } else {
    const answer: { score: number; note?: string } = { score: Math.min(5, Math.max(1, Math.round(score))) };
    if (old?.note !== undefined) answer.note = old.note;
    answers[question] = answer;
  }
  return put({ ...assessment, answers });
}

/**
 * Sets the note of one question's answer. A note needs an answer to hang on: without a score yet, null is
 * returned and the caller asks for a score first. An empty note removes it.
 */
export function answerNoteEdit(mesh: MeshDocument, domain: string, question: string, note: string): EntityValue | null {
  const assessment = assessmentOf(mesh, domain);
  const old = assessment.answers?.[question];
  if (!old) return null;
  const answer: { score: number; note?: string } = { score: old.score };
  if (note.trim() !== '') answer.note = note;
  return put({ ...assessment, answers: { ...(assessment.answers ?? {}), [question]: answer } });
}

/** Sets (or clears) the business value the user sees in the domain going first. */
export function businessValueEdit(mesh: MeshDocument, domain: string, value: number | null): EntityValue {
  const { businessValue: _old, ...rest } = assessmentOf(mesh, domain);
  return put(value === null ? rest : { ...rest, businessValue: Math.min(5, Math.max(1, Math.round(value))) });
}

/** A positive whole number from a text field, or null for empty or nonsense. */
export function positiveIntOrNull(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value > 0 ? value : null;
}
