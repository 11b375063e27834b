import type { Finding } from '../model.js'
import type { Matrix } from '../matrix.js'
import type { RuleContext } from './context.js'

/** A rule: pure function of the indexed model and the upgrade matrix. */
export type Rule = (ctx: RuleContext, matrix: Matrix) => Finding[]
