/** Builds step-described repositories (the demo and its variants, Flyway, golang-migrate) in a fixture's seed, pushes them to origin, and clones. */
import { createFixture, type Fixture } from '../../support/git-fixture.js'
import { parseConfig } from '../../../src/config/load.js'
import type { Config } from '../../../src/config/types.js'
import type { Git } from '../../../src/git/git.js'
import { demoSteps, type DemoVariant } from '../../../src/upgrade/demo.js'
import { runRepoSteps, type RepoStep } from '../../../src/upgrade/demo/script.js'

export interface BuiltRepo {
  fixture: Fixture
  /** A full clone of origin (line branches only as refs/remotes/origin/*). */
  clone: Git
  marks: Map<string, string>
}

export async function buildRepo(steps: readonly RepoStep[]): Promise<BuiltRepo> {
  const fixture = await createFixture()
  const marks = await runRepoSteps(fixture.seed, steps)
  await fixture.push(['+refs/heads/*:refs/heads/*', '+refs/tags/*:refs/tags/*'])
  const clone = await fixture.checkoutClone({ depth: 0 })
  // Like the job: every branch as origin's and every tag (actions/checkout fetches one ref).
  await clone.run([
    'fetch',
    '-q',
    '--no-tags',
    'origin',
    '+refs/heads/*:refs/remotes/origin/*',
    '+refs/tags/*:refs/tags/*',
  ])
  return { fixture, clone, marks }
}

export function buildDemo(variant: DemoVariant = 'ok'): Promise<BuiltRepo> {
  return buildRepo(demoSteps(variant))
}

export function config(yaml = ''): Config {
  return parseConfig(yaml)
}
