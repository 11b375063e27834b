import { nodeId, userId } from '../ids.js'

export const API = 'https://api.github.com'
export const WEB = 'https://github.com'
export const EPOCH = '2020-01-01T00:00:00Z'

/** Where a repository lives, for building its URLs. */
export interface RepoRef {
  owner: string
  repo: string
  defaultBranch: string
}

export const repoApi = (r: RepoRef): string => `${API}/repos/${r.owner}/${r.repo}`
export const repoWeb = (r: RepoRef): string => `${WEB}/${r.owner}/${r.repo}`

/** simple-user: every required field of GitHub's schema. */
export function simpleUser(login: string) {
  const id = userId(login)
  const api = `${API}/users/${encodeURIComponent(login)}`
  return {
    login,
    id,
    node_id: nodeId(login.endsWith('[bot]') ? 'BOT' : 'U', id),
    avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: login.endsWith('[bot]') ? `${WEB}/apps/${login.slice(0, -5)}` : `${WEB}/${login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: login.endsWith('[bot]') ? 'Bot' : 'User',
    site_admin: false,
    user_view_type: 'public',
  }
}

export function nullableUser(login: string | null) {
  return login === null ? null : simpleUser(login)
}

const REPO_URLS: Record<string, string> = {
  archive_url: '/{archive_format}{/ref}',
  assignees_url: '/assignees{/user}',
  blobs_url: '/git/blobs{/sha}',
  branches_url: '/branches{/branch}',
  collaborators_url: '/collaborators{/collaborator}',
  comments_url: '/comments{/number}',
  commits_url: '/commits{/sha}',
  compare_url: '/compare/{base}...{head}',
  contents_url: '/contents/{+path}',
  contributors_url: '/contributors',
  deployments_url: '/deployments',
  downloads_url: '/downloads',
  events_url: '/events',
  forks_url: '/forks',
  git_commits_url: '/git/commits{/sha}',
  git_refs_url: '/git/refs{/sha}',
  git_tags_url: '/git/tags{/sha}',
  hooks_url: '/hooks',
  issue_comment_url: '/issues/comments{/number}',
  issue_events_url: '/issues/events{/number}',
  issues_url: '/issues{/number}',
  keys_url: '/keys{/key_id}',
  labels_url: '/labels{/name}',
  languages_url: '/languages',
  merges_url: '/merges',
  milestones_url: '/milestones{/number}',
  notifications_url: '/notifications{?since,all,participating}',
  pulls_url: '/pulls{/number}',
  releases_url: '/releases{/id}',
  stargazers_url: '/stargazers',
  statuses_url: '/statuses/{sha}',
  subscribers_url: '/subscribers',
  subscription_url: '/subscription',
  tags_url: '/tags',
  teams_url: '/teams',
  trees_url: '/git/trees{/sha}',
}

/** repository (as nested in pull requests): every required field. */
export function repository(r: RepoRef) {
  const api = repoApi(r)
  const urls = Object.fromEntries(Object.entries(REPO_URLS).map(([k, v]) => [k, api + v]))
  const id = userId(`${r.owner}/${r.repo}`)
  return {
    id,
    node_id: nodeId('R', id),
    name: r.repo,
    full_name: `${r.owner}/${r.repo}`,
    owner: simpleUser(r.owner),
    private: false,
    html_url: repoWeb(r),
    description: null,
    fork: false,
    url: api,
    ...urls,
    git_url: `git://github.com/${r.owner}/${r.repo}.git`,
    ssh_url: `git@github.com:${r.owner}/${r.repo}.git`,
    clone_url: `${repoWeb(r)}.git`,
    svn_url: repoWeb(r),
    mirror_url: null,
    homepage: null,
    language: 'TypeScript',
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    size: 100,
    default_branch: r.defaultBranch,
    open_issues: 0,
    open_issues_count: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: 'public',
    license: null,
    pushed_at: EPOCH,
    created_at: EPOCH,
    updated_at: EPOCH,
    allow_rebase_merge: true,
    allow_squash_merge: true,
    allow_merge_commit: true,
    allow_auto_merge: true,
    delete_branch_on_merge: false,
  }
}

/** full-repository (GET /repos/{owner}/{repo}). */
export function fullRepository(r: RepoRef) {
  return {
    ...repository(r),
    network_count: 0,
    subscribers_count: 0,
    permissions: { admin: false, maintain: false, push: true, triage: true, pull: true },
  }
}

/** The standard error body. */
export function errorBody(message: string, errors?: unknown[]) {
  return {
    message,
    documentation_url: 'https://docs.github.com/rest',
    ...(errors ? { errors } : {}),
  }
}
