import type { GitHub } from './client.js'

export interface ReleaseInfo {
  tag: string
  url: string
  publishedAt: string | undefined
}

/** The repository's latest release (GitHub's: newest non-draft, non-prerelease), or undefined. */
export async function latestRelease(
  github: GitHub,
  owner: string,
  repo: string,
): Promise<ReleaseInfo | undefined> {
  try {
    const { data } = await github.rest.repos.getLatestRelease({ owner, repo })
    return { tag: data.tag_name, url: data.html_url, publishedAt: data.published_at ?? undefined }
  } catch (error) {
    if ((error as { status?: number }).status === 404) return undefined
    throw new Error('cannot read the latest release', { cause: error })
  }
}
