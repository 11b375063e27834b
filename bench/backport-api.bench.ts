/* eslint-disable no-console -- a benchmark prints its figures */
/**
 * GitHub API calls of a single-target backport of a squash-merged PR on the `closed` event:
 * once with nothing optional configured (budget: at most 4), once with every option on.
 * Prints each call with why it is made. Run: npm run bench -- backport-api
 */
import {
  createWorld,
  mergedPr,
  prPayload,
  runEvent,
  type World,
} from '../__tests__/git/backport-scenarios/world.js'

const WHY: Record<string, string> = {
  'issues/list-comments':
    "find fixline's summary comment on the original PR (paginated) to update it in place",
  'issues/create-comment': 'post the summary comment (first run on this PR)',
  'issues/update-comment': 'update the summary comment in place',
  'pulls/create': 'open the backport PR',
  'pulls/list': 'the backport branch already exists: find the PR an earlier run opened',
  'pulls/get': 'comment/dispatch triggers: the payload has no merge data',
  'issues/add-labels':
    'backport.addLabels + labels matching backport.copyLabels (+ conflict label), one call',
  'issues/update': 'assignees (copyAssignees) and milestone (copyMilestone) in one call',
  'pulls/list-reviews':
    'who reviewed the original PR (requestReviewers; the payload only has pending requests)',
  'pulls/request-reviewers': 'request the original reviewers on the backport PR',
  graphql: 'enable auto-merge (enablePullRequestAutoMerge: no REST operation exists)',
  'repos/get':
    'default branch, only when a target is not matched by lines.patterns and the payload lacks it',
  'repos/get-collaborator-permission-level':
    '/backport comments: the commenter must have write permission',
}

const EVERYTHING = `
backport:
  copyLabels: ['^area/']
  addLabels: [backport]
  copyAssignees: true
  copyMilestone: true
  requestReviewers: true
  autoMerge: squash
`

async function measure(
  title: string,
  config: string | undefined,
  seed: (world: World) => void,
): Promise<number> {
  const world = await createWorld({ productionClient: true })
  try {
    await mergedPr(world, {
      number: 5,
      title: 'Fix the widget',
      commits: [{ 'a.txt': 'a\n' }, { 'b.txt': 'b\n' }, { 'c.txt': 'c\n' }],
      method: 'squash',
      labels: ['backport-1.x', 'area/ui'],
      assignees: ['ada'],
    })
    seed(world)
    // The runner's fetch-depth 1 checkout; only the job's own git processes are counted.
    const gitCommands: string[][] = []
    const git = await world.fixture.checkoutClone({
      depth: 1,
      observer: (args) => void gitCommands.push([...args]),
    })
    gitCommands.length = 0
    const started = Date.now()
    const outcome = await runEvent(world, 'pull_request_target', prPayload(world, 5, 'closed'), {
      git,
      ...(config === undefined ? {} : { config }),
    })
    const ms = Date.now() - started
    const calls = world.server.calls
    const targets = Math.max(1, outcome.results.length)
    console.log(
      `\n${title}: ${calls.length} GitHub API call(s), ${gitCommands.length} git process(es) for ${targets} target(s) (${(gitCommands.length / targets).toFixed(1)} per target), conclusion ${outcome.conclusion}, ${ms} ms wall time (production client: throttling and retry plugins)`,
    )
    for (const [i, args] of gitCommands.entries())
      console.log(
        `  git ${i + 1}. ${args
          .filter((a) => !a.startsWith('-c'))
          .join(' ')
          .slice(0, 140)}`,
      )
    for (const [i, call] of calls.entries()) {
      const op = call.operation ?? `${call.method} ${call.path}`
      console.log(
        `  ${i + 1}. ${call.method} ${call.path} [${op}] -> ${call.status}: ${WHY[op] ?? '(unexplained)'}`,
      )
    }
    for (const r of outcome.results) console.log(`  result: ${r.target} ${r.status}: ${r.message}`)
    const problems = world.server.problems()
    if (outcome.results.some((r) => r.message.includes('could not')))
      throw new Error('an optional step failed')
    if (problems.length > 0) throw new Error(`fake GitHub problems: ${problems.join('; ')}`)
    if (calls.some((c) => !WHY[c.operation ?? '']))
      throw new Error('an API call has no justification')
    return calls.length
  } finally {
    await world.cleanup()
  }
}

const minimal = await measure('nothing optional configured', undefined, () => undefined)
if (minimal > 4) throw new Error(`API budget exceeded: ${minimal} calls > 4`)
await measure('everything optional on', EVERYTHING, (world) => {
  const pr = world.server.state.pullRequest(5)
  if (pr) pr.milestone = world.server.state.milestoneNumber('1.2')
  world.server.state.setPermission('rita', 'write')
  world.server.state.setPermission('ada', 'write')
  world.server.state.addReview(5, 'rita', 'APPROVED')
  // The fake's pulls/request-reviewers answer lists labels, whose schema wants a string description.
  for (const name of ['backport-1.x', 'area/ui', 'backport']) {
    const label = world.server.state.addLabel(name)
    label.description ??= ''
  }
})
