import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { defaultConfig } from '../../../src/config/load.js'
import { skipped, type JobDeps } from '../../../src/jobs.js'
import { memoryLogger } from '../../../src/log.js'
import { runRoutes, type Jobs } from '../../../src/main.js'
import { routeEvent } from '../../../src/route.js'
import { notesMarkdown } from '../../../src/upgrade/job-report.js'
import {
  hasUnclosedComment,
  hostileText,
  markerCount,
  mentions,
} from '../../support/markdown-checks.js'

/** The job summaries that quote a reason or an error: a label, a tag, a branch, git's stderr. */
describe('job summaries built around outside text', () => {
  function expectSafe(markdown: string): void {
    expect(markerCount(markdown)).toBe(0)
    expect(hasUnclosedComment(markdown)).toBe(false)
    expect(mentions(markdown)).toEqual([])
  }

  it('property: a skip reason, discovery notes and a job that throws', async () => {
    const routes = routeEvent('pull_request_target', {
      action: 'closed',
      pull_request: { number: 8, merged: true, head: { ref: 'backport/3-to-1.x' } },
    })
    const deps = { config: defaultConfig(), log: memoryLogger() } as unknown as JobDeps
    await fc.assert(
      fc.asyncProperty(hostileText, async (text) => {
        expectSafe(
          skipped('upgrade', `tag "${text}" does not match the release tag patterns`).summary,
        )
        expectSafe(notesMarkdown([`tag ${text} is on no release line; it is not checked`, text]))
        const jobs: Jobs = {
          backport: async () => {
            throw new Error(`git push failed: ${text}`)
          },
          upgrade: async () => skipped('upgrade', text),
          requests: async () => skipped('requests', text),
          hotfix: async () => skipped('hotfix', text),
          dashboard: async () => skipped('dashboard', text),
          forwardport: async () => skipped('forwardport', text),
        }
        for (const outcome of await runRoutes(deps, routes, jobs)) expectSafe(outcome.summary)
      }),
      { numRuns: 300 },
    )
  })

  it('bounds the discovery notes', () => {
    const notes = Array.from({ length: 500 }, (_, i) => `tag v${i} is on no release line`)
    const md = notesMarkdown(notes)
    expect(md).toContain('- … and 450 more notes (the log has them all)')
    expect(md.split('\n').filter((l) => l.startsWith('- tag'))).toHaveLength(50)
  })
})
