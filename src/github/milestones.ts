import type { GitHub } from './client.js'

export interface MilestoneSummary {
  number: number
  title: string
}

/** The repository's open milestones: one paginated list (100 a page). */
export async function listOpenMilestones(
  github: GitHub,
  owner: string,
  repo: string,
): Promise<MilestoneSummary[]> {
  try {
    const milestones = await github.paginate(github.rest.issues.listMilestones, {
      owner,
      repo,
      state: 'open',
      per_page: 100,
    })
    return milestones.map((m) => ({ number: m.number, title: m.title }))
  } catch (error) {
    throw new Error('cannot list the open milestones', { cause: error })
  }
}
