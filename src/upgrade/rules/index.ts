import type { RuleId } from '../model.js'
import { fixLoss } from './fix-loss.js'
import type { Rule } from './types.js'

/** Every rule by id; checkModel runs them in RULE_IDS order. */
export const RULES: Partial<Record<RuleId, Rule>> = {
  'fix-loss': fixLoss,
}
