// Where the wizard stands: the current question's number and how many questions can still follow.
import { remainingQuestions } from "./graph"
import type { Evaluation } from "./types"

export type QuestionProgress = {
  /** 1-based number of the question being asked. */
  current: number
  /** The most questions any remaining path can still ask, this one included, plus those answered. */
  total: number
  /** The most questions that can follow the current one (0: this is the last question). */
  left: number
}

/** Undefined once the answers reached an outcome. */
export function questionProgress(evaluation: Evaluation): QuestionProgress | undefined {
  const question = evaluation.nextQuestion
  if (!question) return undefined
  const answered = evaluation.path.length
  const remaining = remainingQuestions(question.node.id)
  return { current: answered + 1, total: answered + remaining, left: remaining - 1 }
}
