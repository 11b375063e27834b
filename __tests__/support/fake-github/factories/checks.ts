import { nodeId } from '../ids.js'
import type { CheckRunRecord, ReleaseRecord, StatusRecord } from '../records.js'
import type { FakeGitHubState } from '../state.js'
import { API, EPOCH, repoApi, repoWeb, simpleUser } from './common.js'

const APP_ID = 15368

function githubActionsApp() {
  return {
    id: APP_ID,
    slug: 'github-actions',
    node_id: nodeId('A', APP_ID),
    owner: { ...simpleUser('github'), type: 'Organization' },
    name: 'GitHub Actions',
    description: 'Automate your workflow from idea to production',
    external_url: 'https://help.github.com/en/actions',
    html_url: 'https://github.com/apps/github-actions',
    created_at: EPOCH,
    updated_at: EPOCH,
    permissions: { checks: 'write', contents: 'write', issues: 'write', metadata: 'read' },
    events: ['check_run', 'pull_request'],
  }
}

export function checkRun(state: FakeGitHubState, c: CheckRunRecord) {
  const api = `${repoApi(state)}/check-runs/${c.id}`
  return {
    id: c.id,
    node_id: nodeId('CR', c.id),
    head_sha: c.headSha,
    external_id: c.externalId ?? '',
    url: api,
    html_url: `${repoWeb(state)}/runs/${c.id}`,
    details_url: c.detailsUrl ?? `${repoWeb(state)}/runs/${c.id}`,
    status: c.status,
    conclusion: c.conclusion,
    started_at: c.startedAt,
    completed_at: c.completedAt,
    output: {
      title: c.output.title,
      summary: c.output.summary,
      text: c.output.text,
      annotations_count: c.output.annotations.length,
      annotations_url: `${api}/annotations`,
    },
    name: c.name,
    check_suite: { id: c.id + 500_000 },
    app: githubActionsApp(),
    pull_requests: [],
  }
}

export function commitStatus(state: FakeGitHubState, s: StatusRecord) {
  return {
    url: `${repoApi(state)}/statuses/${s.sha}`,
    avatar_url: 'https://avatars.githubusercontent.com/in/15368?v=4',
    id: s.id,
    node_id: nodeId('SC', s.id),
    state: s.state,
    description: s.description,
    target_url: s.targetUrl,
    context: s.context,
    created_at: s.createdAt,
    updated_at: s.createdAt,
    creator: simpleUser(s.creator),
  }
}

export function release(state: FakeGitHubState, r: ReleaseRecord) {
  const api = `${repoApi(state)}/releases/${r.id}`
  return {
    url: api,
    html_url: `${repoWeb(state)}/releases/tag/${encodeURIComponent(r.tagName)}`,
    assets_url: `${api}/assets`,
    upload_url: `https://uploads.github.com/repos/${state.owner}/${state.repo}/releases/${r.id}/assets{?name,label}`,
    tarball_url: `${repoApi(state)}/tarball/${r.tagName}`,
    zipball_url: `${repoApi(state)}/zipball/${r.tagName}`,
    id: r.id,
    node_id: nodeId('RE', r.id),
    tag_name: r.tagName,
    target_commitish: r.targetCommitish,
    name: r.name,
    body: r.body,
    draft: r.draft,
    prerelease: r.prerelease,
    immutable: false,
    created_at: r.createdAt,
    published_at: r.publishedAt,
    author: simpleUser(r.author),
    assets: [],
  }
}

export function branch(state: FakeGitHubState, name: string, sha: string) {
  const api = `${repoApi(state)}/branches/${encodeURIComponent(name)}`
  return {
    name,
    commit: {
      sha,
      node_id: nodeId('C', sha),
      url: `${repoApi(state)}/commits/${sha}`,
      html_url: `${repoWeb(state)}/commit/${sha}`,
      comments_url: `${repoApi(state)}/commits/${sha}/comments`,
      commit: {
        author: { name: 'Mona Lisa', email: 'mona@example.com', date: EPOCH },
        committer: { name: 'Mona Lisa', email: 'mona@example.com', date: EPOCH },
        message: `Head of ${name}`,
        tree: { sha, url: `${repoApi(state)}/git/trees/${sha}` },
        url: `${repoApi(state)}/git/commits/${sha}`,
        comment_count: 0,
      },
      author: null,
      committer: null,
      parents: [],
    },
    _links: { self: api, html: `${repoWeb(state)}/tree/${name}` },
    protected: false,
    protection: {
      enabled: false,
      required_status_checks: { enforcement_level: 'off', contexts: [], checks: [] },
    },
    protection_url: `${api}/protection`,
  }
}

/** short-branch (items of GET /branches). */
export function shortBranch(state: FakeGitHubState, name: string, sha: string) {
  return {
    name,
    commit: { sha, url: `${repoApi(state)}/commits/${sha}` },
    protected: false,
    protection_url: `${repoApi(state)}/branches/${encodeURIComponent(name)}/protection`,
  }
}

export function teamMembership(org: string, slug: string, login: string) {
  return {
    url: `${API}/orgs/${org}/teams/${slug}/memberships/${login}`,
    role: 'member',
    state: 'active',
  }
}
