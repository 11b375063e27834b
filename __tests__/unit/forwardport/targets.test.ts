import { describe, expect, it } from 'vitest'
import { forwardTargets } from '../../../src/forwardport/targets.js'
import { parseSlashCommand, routeEvent } from '../../../src/route.js'
import { describeApplied } from '../../../src/backport/applied.js'
import { portBranchName } from '../../../src/backport/kind.js'

const LINES = ['main', '3.x', '2.x', '1.x'] // newest first

describe('forwardTargets', () => {
  it('every newer line, oldest first, when none is named', () => {
    expect(forwardTargets(LINES, '2.x', [])).toEqual({
      targets: [{ target: '3.x' }, { target: 'main' }],
      rejected: [],
    })
  })

  it('only the lines named; older, own and unknown lines are refused', () => {
    const out = forwardTargets(LINES, '2.x', ['main', '1.x', '2.x', 'feature', 'main'])
    expect(out.targets).toEqual([{ target: 'main' }])
    expect(out.rejected.map((r) => r.target)).toEqual(['1.x', '2.x', 'feature'])
    expect(out.rejected[0]?.message).toContain('/backport 1.x')
    expect(out.rejected[2]?.message).toContain('newer lines: main, 3.x')
  })

  it('nothing to do from the newest line or a branch that is no line', () => {
    expect(forwardTargets(LINES, 'main', []).nothing).toContain('the newest line')
    expect(forwardTargets(LINES, 'topic', []).nothing).toContain('not a release line')
  })
})

describe('forward-port routing and names', () => {
  const comment = (body: string, pr = true) => ({
    action: 'created',
    issue: { number: 7, ...(pr ? { pull_request: { url: 'x' } } : {}) },
    comment: { id: 3, body, user: { login: 'maya' } },
  })

  it('/forwardport on a PR routes to the forward-port job with the lines named', () => {
    expect(routeEvent('issue_comment', comment('/forwardport 2.x, main'))).toEqual([
      {
        job: 'forwardport',
        trigger: { type: 'comment', pr: 7, commentId: 3, user: 'maya', lines: ['2.x', 'main'] },
      },
    ])
    expect(routeEvent('issue_comment', comment('/forwardport', false))[0]?.job).toBe('none')
    expect(parseSlashCommand('/forwardport')).toEqual({ command: 'forwardport', args: [] })
  })

  it('a published release routes to forward-ports only with forwardport.onRelease', () => {
    const release = { action: 'published', release: { tag_name: 'v1.1' } }
    expect(routeEvent('release', release).map((r) => r.job)).toEqual(['upgrade', 'hotfix'])
    expect(
      routeEvent('release', release, { forwardPortOnRelease: true }).map((r) => r.job),
    ).toEqual(['upgrade', 'hotfix', 'forwardport'])
  })

  it('branches and the proof text', () => {
    expect(portBranchName({ name: 'forwardport' }, 7, 'main')).toBe('forwardport/7-to-main')
    const a = 'a'.repeat(40)
    const b = 'b'.repeat(40)
    expect(
      describeApplied(
        [
          { sha: a, proof: b, evidence: 'cherry-pick' },
          { sha: b, proof: b, evidence: 'contained' },
        ],
        '2.x',
      ),
    ).toBe(
      `${a.slice(0, 12)} as ${b.slice(0, 12)} (cherry-pick trailer); ${b.slice(0, 12)} is itself on 2.x`,
    )
  })
})
