import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  hasUnclosedComment,
  hostileText,
  markerCount,
  mentions,
} from '../../support/markdown-checks.js'
import {
  hotfixCheck,
  mergeBackBody,
  problemReply,
  refusedOpenReply,
  reminderBody,
  startedReply,
} from '../../../src/hotfix/decide.js'

const SHA = 'b'.repeat(40)
const URL = 'https://github.com/acme/widgets'

function expectSafe(markdown: string): void {
  expect(markerCount(markdown)).toBe(0)
  expect(hasUnclosedComment(markdown)).toBe(false)
  expect(mentions(markdown)).toEqual([])
}

describe('hotfix writers escape outside text', () => {
  it('property: commit subjects, tags, branch names and file names never form a marker or a mention', () => {
    fc.assert(
      fc.property(hostileText, hostileText, (text, name) => {
        const commits = [{ sha: SHA, subject: text }]
        expectSafe(
          startedReply({
            branch: `hotfix/${name}`,
            branchUrl: `${URL}/tree/x`,
            base: { source: 'tag', sha: SHA, name },
            defaultBranch: name,
            notIncluded: commits,
            serverRepoUrl: URL,
            forced: true,
          }),
        )
        expectSafe(
          startedReply({
            branch: name,
            branchUrl: `${URL}/tree/x`,
            base: {
              source: 'deployment',
              sha: SHA,
              name,
              environment: text,
              deploymentId: 3,
              deployedAt: text,
              url: `${URL}/deployments`,
            },
            defaultBranch: 'main',
            notIncluded: [],
            serverRepoUrl: URL,
            forced: false,
          }),
        )
        expectSafe(refusedOpenReply({ open: [{ branch: name, url: URL, pulls: [] }] }))
        expectSafe(problemReply(text))
        expectSafe(
          hotfixCheck(
            {
              branch: name,
              release: text,
              cutSha: SHA,
              defaultBranch: name,
              newerDeployment: { sha: SHA, environment: text, id: 1, at: text, url: URL },
              newerRelease: { tag: text, sha: SHA, url: URL },
              fromMain: commits,
            },
            URL,
          ).summary,
        )
        expectSafe(
          mergeBackBody({
            branch: name,
            release: text,
            defaultBranch: 'main',
            shippedBy: 'release `x`',
            missing: commits,
            conflicts: [text],
            serverRepoUrl: URL,
          }),
        )
        expectSafe(
          reminderBody({
            branch: name,
            defaultBranch: 'main',
            days: 9,
            missing: commits,
            mergeBack: { number: 4, url: URL },
            serverRepoUrl: URL,
          }),
        )
      }),
    )
  })

  it('bounds the lists: 500 commits left out show 50 and a count', () => {
    const many = Array.from({ length: 500 }, (_, i) => ({ sha: SHA, subject: `Feature ${i}` }))
    const reply = startedReply({
      branch: 'hotfix/v1',
      branchUrl: URL,
      base: { source: 'tag', sha: SHA, name: 'v1' },
      defaultBranch: 'main',
      notIncluded: many,
      serverRepoUrl: URL,
      forced: false,
    })
    expect(reply).toContain('Feature 49')
    expect(reply).not.toContain('Feature 50\n')
    expect(reply).toContain('… and 450 more')
  })
})
