import { compatibilityRule } from '../compat.js'
import type { RuleId } from '../model.js'
import { buildFormat, buildMonotonic, buildUnique, lineRange } from './builds.js'
import { contentStable, sameIdEverywhere } from './content.js'
import { fixLoss } from './fix-loss.js'
import { appendOnly, forwardPorted } from './line-history.js'
import { migrationId } from './migration-ids.js'
import { migrationOrder } from './migration-order.js'
import { noStrandedUsers } from './no-stranded-users.js'
import { schemaNeedsMigration } from './schema.js'
import type { Rule } from './types.js'

/** Every rule by id; checkModel runs them in RULE_IDS order. */
export const RULES: Record<RuleId, Rule> = {
  'build-format': buildFormat,
  'build-unique': buildUnique,
  'build-monotonic': buildMonotonic,
  'line-range': lineRange,
  'migration-id': migrationId,
  'append-only': appendOnly,
  'forward-ported': forwardPorted,
  'no-stranded-users': noStrandedUsers,
  'fix-loss': fixLoss,
  'same-id-everywhere': sameIdEverywhere,
  'content-stable': contentStable,
  'schema-needs-migration': schemaNeedsMigration,
  'migration-order': migrationOrder,
  compatibility: compatibilityRule,
  // Expired and unused waivers are reported by applyWaivers (waivers.ts), after every rule.
  waiver: () => [],
}
