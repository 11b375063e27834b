export const id = 391;
export const ids = [391];
export const modules = {

/***/ 9102:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Fe: () => (/* binding */ readCommits),
/* harmony export */   Hw: () => (/* binding */ isShallowRepository),
/* harmony export */   NG: () => (/* binding */ patchIds),
/* harmony export */   Wt: () => (/* binding */ countCommits)
/* harmony export */ });
const FORMAT = '--format=%H%x00%P%x00%ae%x00%aI%x00%s%x00';
/**
 * Commits listed by `git log <args>` (one process). The args select and order the commits,
 * e.g. `['--reverse', '--no-merges', 'A..B']` or `['--no-walk', sha]`.
 */
async function readCommits(git, args) {
    const out = await git.run(['log', '--no-color', FORMAT, ...args, '--']);
    const fields = out.stdout.split('\0');
    const commits = [];
    for (let i = 0; i + 5 <= fields.length; i += 5) {
        const [sha, parents, authorEmail, authorDate, subject] = fields
            .slice(i, i + 5)
            .map((f) => f.replace(/^\n/, ''));
        if (!sha)
            continue;
        commits.push({
            sha,
            parents: parents ? parents.split(' ') : [],
            subject: subject ?? '',
            authorEmail: authorEmail ?? '',
            authorDate: authorDate ?? '',
        });
    }
    return commits;
}
/**
 * `git patch-id --stable` of many commits with two processes (`git log --stdin -p` piped into
 * `git patch-id`). Commits with an empty diff (and merges) are absent from the map.
 */
async function patchIds(git, shas) {
    const ids = new Map();
    if (shas.length === 0)
        return ids;
    const diffs = await git.run([
        'log',
        '--no-walk=unsorted',
        '--stdin',
        '-p',
        '--no-color',
        '--no-ext-diff',
        '--no-textconv',
        '--format=commit %H',
    ], { input: shas.join('\n') + '\n' });
    if (diffs.stdout.trim() === '')
        return ids;
    const out = await git.lines(['patch-id', '--stable'], { input: diffs.stdout });
    for (const line of out) {
        const [id, sha] = line.split(' ');
        if (id && sha)
            ids.set(sha, id);
    }
    return ids;
}
/** Whether the repository is shallow (a `fetch-depth: 1` checkout is). */
async function isShallowRepository(git) {
    return (await git.text(['rev-parse', '--is-shallow-repository'])) === 'true';
}
/** `git rev-list --count <args>`. */
async function countCommits(git, args) {
    return Number(await git.text(['rev-list', '--count', ...args, '--']));
}


/***/ }),

/***/ 6645:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HF: () => (/* binding */ writeComment),
/* harmony export */   Jp: () => (/* binding */ findMarkedComment),
/* harmony export */   Zd: () => (/* binding */ upsertMarkedComment),
/* harmony export */   iv: () => (/* binding */ replyOnce)
/* harmony export */ });
/* unused harmony export IdentityMismatchError */
/* harmony import */ var _create_once_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4633);

/**
 * fixline's comment carrying `marker` on an issue or PR, found through every page of comments.
 * Only a comment by fixline's own identity counts: another account (a person, another app's bot)
 * that posts the hidden marker and state is never read as fixline, never edited, and is named in
 * the log.
 */
async function findMarkedComment(github, options) {
    const comments = await github.paginate(github.rest.issues.listComments, {
        owner: options.owner,
        repo: options.repo,
        issue_number: options.issue,
        per_page: 100,
    });
    const marked = comments.filter((c) => (c.body ?? '').startsWith(options.marker));
    for (const c of marked)
        if (c.user?.login !== options.author)
            options.warn?.(`ignored comment ${c.id} on #${options.issue} by ${c.user?.login ?? 'an unknown account'}: it carries fixline's marker but fixline acts as ${options.author}`);
    const found = marked.find((c) => c.user?.login === options.author);
    return found ? { id: found.id, body: found.body ?? '', url: found.html_url } : undefined;
}
/**
 * Creates fixline's marked comment once and updates it in place afterwards (one list call, then one
 * update or create). Returns the comment and whether it was created.
 */
async function upsertMarkedComment(github, options) {
    const existing = await findMarkedComment(github, options);
    const body = withMarker(options.marker, typeof options.body === 'function' ? options.body(existing?.body) : options.body);
    const written = await writeComment(github, options, existing, body);
    return { ...written, url: written.url ?? '' };
}
/**
 * Writes fixline's comment: updates `existing` in place when its body changed (no call when it did
 * not), else creates it exactly once (a create whose answer was lost is found by its marker, not
 * posted twice).
 */
async function writeComment(github, ref, existing, text) {
    const body = withMarker(ref.marker, text);
    if (existing) {
        if (existing.body === body)
            return { id: existing.id, url: existing.url, created: false };
        const { data } = await github.rest.issues.updateComment({
            owner: ref.owner,
            repo: ref.repo,
            comment_id: existing.id,
            body,
        });
        return { id: data.id, url: data.html_url, created: false };
    }
    const { value } = await (0,_create_once_js__WEBPACK_IMPORTED_MODULE_0__/* .createOnce */ .U)({
        what: `fixline's comment on #${ref.issue}`,
        create: async () => {
            const { data } = await github.rest.issues.createComment({
                owner: ref.owner,
                repo: ref.repo,
                issue_number: ref.issue,
                body,
            });
            checkIdentity(ref.author, data.user?.login);
            return { id: data.id, url: data.html_url };
        },
        find: () => findMarkedComment(github, ref),
    });
    return { ...value, created: true };
}
/**
 * A reply fixline posts once per `key` (the id of the command's comment, a refused label and
 * user): a second delivery of the same event, or a retry after a lost answer, finds it and
 * writes nothing. Returns whether it posted.
 */
async function replyOnce(github, ref) {
    const marker = `<!-- fixline:reply ${ref.key.replace(/[^A-Za-z0-9_.@/-]/g, '_')} -->`;
    const identity = { ...ref, marker };
    if (await findMarkedComment(github, identity))
        return false;
    await writeComment(github, identity, undefined, ref.body);
    return true;
}
class IdentityMismatchError extends Error {
    name = 'IdentityMismatchError';
}
/**
 * fixline finds its own comments by the identity it is told it acts as: when GitHub says the token
 * belongs to someone else, every later run would miss this comment and post another. Stop and say
 * how to set the identity instead.
 */
function checkIdentity(expected, actual) {
    if (actual === undefined || actual === expected)
        return;
    throw new IdentityMismatchError(`the token acts as ${actual}, but fixline's identity is ${expected}: fixline reads back only its own comments, so set the input bot-login to ${actual} (with actions/create-github-app-token: bot-login: \${{ steps.<id>.outputs.app-slug }}[bot])`);
}
function withMarker(marker, body) {
    return body.startsWith(marker) ? body : `${marker}\n${body}`;
}


/***/ }),

/***/ 7448:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N: () => (/* binding */ addLabels)
/* harmony export */ });
/** Adds labels to an issue or PR in one call (GitHub creates labels that do not exist yet). No call for none. */
async function addLabels(github, owner, repo, issue, labels) {
    const unique = [...new Set(labels)];
    if (unique.length === 0)
        return;
    await github.rest.issues.addLabels({ owner, repo, issue_number: issue, labels: unique });
}


/***/ }),

/***/ 5435:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _: () => (/* binding */ hasPermission),
/* harmony export */   o: () => (/* binding */ collaboratorPermission)
/* harmony export */ });
const ORDER = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
/**
 * A user's permission on the repository through the collaborator-permission API (never the
 * payload's author_association). `role_name` is preferred: it distinguishes maintain and triage,
 * which `permission` folds into write and read. A user who is not a collaborator (404) has none.
 */
async function collaboratorPermission(github, owner, repo, username) {
    try {
        const { data } = await github.rest.repos.getCollaboratorPermissionLevel({
            owner,
            repo,
            username,
        });
        const role = data.role_name;
        if (isPermission(role))
            return role;
        return isPermission(data.permission) ? data.permission : 'none';
    }
    catch (error) {
        if (error.status === 404)
            return 'none';
        throw new Error(`cannot read the repository permission of @${username}`, { cause: error });
    }
}
/** Whether `actual` is at least `needed`. */
function hasPermission(actual, needed) {
    return ORDER.indexOf(actual) >= ORDER.indexOf(needed);
}
function isPermission(value) {
    return typeof value === 'string' && ORDER.includes(value);
}


/***/ }),

/***/ 4487:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D2: () => (/* binding */ enableAutoMerge),
/* harmony export */   G7: () => (/* binding */ createPull),
/* harmony export */   I$: () => (/* binding */ reviewerLogins),
/* harmony export */   Pr: () => (/* binding */ findPullsByHead),
/* harmony export */   QF: () => (/* binding */ setAssigneesAndMilestone),
/* harmony export */   i5: () => (/* binding */ requestReviewers),
/* harmony export */   yR: () => (/* binding */ getPullRaw)
/* harmony export */ });
/* harmony import */ var _create_once_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4633);

/** One pull request as the REST API returns it (parsed by the caller: the fields are checked there). */
async function getPullRaw(github, owner, repo, number) {
    const { data } = await github.rest.pulls.get({ owner, repo, pull_number: number });
    return data;
}
/** Every PR (open, closed or merged) whose head is `owner:branch` in this repository. */
async function findPullsByHead(github, owner, repo, branch) {
    const pulls = await github.paginate(github.rest.pulls.list, {
        owner,
        repo,
        head: `${owner}:${branch}`,
        state: 'all',
        per_page: 100,
    });
    return pulls
        .filter((p) => p.head.ref === branch)
        .map((p) => ({
        number: p.number,
        url: p.html_url,
        nodeId: p.node_id,
        base: p.base.ref,
        state: p.state,
        merged: p.merged_at !== null && p.merged_at !== undefined,
        draft: p.draft === true,
    }));
}
async function createPull(github, input) {
    const { value, recovered } = await (0,_create_once_js__WEBPACK_IMPORTED_MODULE_0__/* .createOnce */ .U)({
        what: `the pull request ${input.head} -> ${input.base}`,
        create: async () => {
            const { data } = await github.rest.pulls.create({
                owner: input.owner,
                repo: input.repo,
                head: input.head,
                base: input.base,
                title: input.title,
                body: input.body,
                draft: input.draft,
            });
            return {
                number: data.number,
                url: data.html_url,
                nodeId: data.node_id,
                draft: data.draft === true,
            };
        },
        // An open PR from fixline's branch into the target after a lost answer is the one it made.
        find: async () => {
            const open = (await findPullsByHead(github, input.owner, input.repo, input.head)).find((p) => p.state === 'open' && p.base === input.base);
            return open && { number: open.number, url: open.url, nodeId: open.nodeId, draft: open.draft };
        },
    });
    return recovered ? { ...value, recovered } : value;
}
/** Logins of everyone who submitted a review on a PR (every page). */
async function reviewerLogins(github, owner, repo, number) {
    const reviews = await github.paginate(github.rest.pulls.listReviews, {
        owner,
        repo,
        pull_number: number,
        per_page: 100,
    });
    return [...new Set(reviews.flatMap((r) => (r.user?.login ? [r.user.login] : [])))];
}
async function requestReviewers(github, input) {
    if (input.reviewers.length === 0 && input.teams.length === 0)
        return;
    await github.rest.pulls.requestReviewers({
        owner: input.owner,
        repo: input.repo,
        pull_number: input.number,
        reviewers: [...input.reviewers],
        team_reviewers: [...input.teams],
    });
}
/** Sets assignees and/or milestone of a (new) PR in one call; no call when there is nothing to set. */
async function setAssigneesAndMilestone(github, input) {
    const fields = {};
    if (input.assignees && input.assignees.length > 0)
        fields.assignees = [...input.assignees];
    if (input.milestone !== undefined)
        fields.milestone = input.milestone;
    if (Object.keys(fields).length === 0)
        return;
    await github.rest.issues.update({
        owner: input.owner,
        repo: input.repo,
        issue_number: input.number,
        ...fields,
    });
}
/** Enables auto-merge (GraphQL: there is no REST operation for it). */
async function enableAutoMerge(github, pullRequestNodeId, method) {
    try {
        await mutateAutoMerge(github, pullRequestNodeId, method);
    }
    catch (error) {
        const errors = error.errors;
        const messages = Array.isArray(errors)
            ? errors.flatMap((e) => (typeof e.message === 'string' ? [e.message] : []))
            : [];
        if (messages.length > 0)
            throw new Error(messages.join('; '), { cause: error });
        throw error;
    }
}
async function mutateAutoMerge(github, pullRequestNodeId, method) {
    await github.graphql(`mutation($pullRequestId: ID!, $mergeMethod: PullRequestMergeMethod!) {
      enablePullRequestAutoMerge(input: { pullRequestId: $pullRequestId, mergeMethod: $mergeMethod }) { clientMutationId }
    }`, { pullRequestId: pullRequestNodeId, mergeMethod: method.toUpperCase() });
}


/***/ }),

/***/ 9391:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runHotfixJob: () => (/* binding */ runHotfixJob)
});

// EXTERNAL MODULE: ./src/github/pulls.ts
var pulls = __webpack_require__(4487);
// EXTERNAL MODULE: ./src/github/labels.ts
var labels = __webpack_require__(7448);
// EXTERNAL MODULE: ./src/markdown/escape.ts
var markdown_escape = __webpack_require__(5330);
// EXTERNAL MODULE: ./src/payload.ts
var payload = __webpack_require__(41);
// EXTERNAL MODULE: ./src/markdown/bound.ts
var bound = __webpack_require__(3521);
// EXTERNAL MODULE: ./src/git/refs.ts
var refs = __webpack_require__(8568);
;// CONCATENATED MODULE: ./src/hotfix/decide.ts
/**
 * Hotfix decisions over plain data: the command's arguments, which source says what is deployed,
 * the branch name, whether another hotfix is still open, and the replies. No I/O.
 */



/**
 * `/hotfix [<tag-or-commit>] [--force]` (also the `hotfix` input of workflow_dispatch, where
 * `start`, `true` or an empty value mean "no base given"). Returns a problem for anything else.
 */
function parseHotfixArgs(args) {
    let from;
    let force = false;
    for (const [i, arg] of args.entries()) {
        if (arg === '--force' || arg === '-f')
            force = true;
        else if (arg.startsWith('-'))
            return { problem: `unknown option "${(0,refs/* printable */.g$)(arg)}" (only --force)` };
        else if (i === 0 && (arg === 'start' || arg === 'true'))
            continue;
        else if (from !== undefined)
            return { problem: 'give at most one release tag or commit' };
        else if (!(0,refs/* isPlausibleRefName */.qf)(arg))
            return { problem: `"${(0,refs/* printable */.g$)(arg)}" is not a tag or commit name` };
        else
            from = arg;
    }
    return { from, force };
}
/** `hotfix/<release>`, or `hotfix/<short sha>` for a base without a tag. */
function hotfixBranchName(prefix, releaseName, sha) {
    return `${prefix}${releaseName ?? sha.slice(0, 12)}`;
}
/** Open: just cut (no commit of its own yet), or some commit of it is not on main. */
function isOpenHotfix(b) {
    if (b.ownCommits === 0)
        return b.tipOnMainline;
    return b.missingFromMain > 0;
}
const SUBJECT_MAX = 200;
function commitRows(commits, serverRepoUrl) {
    const { shown, more } = (0,bound/* boundList */.H0)(commits, 50);
    const rows = shown.map((c) => `- [\`${c.sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${c.sha}) ${(0,markdown_escape/* inline */.mG)(c.subject, SUBJECT_MAX)}`);
    if (more)
        rows.push(`- ${more}`);
    return rows;
}
/** The "probably ported" commits, each with its counterpart on the default branch (empty: none). */
function probablyPortedRows(probable, defaultBranch, serverRepoUrl) {
    if (probable.length === 0)
        return [];
    const { shown, more } = (0,bound/* boundList */.H0)(probable, 50);
    const link = (c) => `[\`${c.sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${c.sha})`;
    return [
        `Probably ported (only the subject and author match a commit of ${(0,markdown_escape/* codeSpan */.SS)(defaultBranch, 100)}, not the patch; check by hand):`,
        '',
        ...shown.map((p) => `- ${link(p.commit)} ${(0,markdown_escape/* inline */.mG)(p.commit.subject, SUBJECT_MAX)} (like ${link(p.counterpart)})`),
        ...(more ? [`- ${more}`] : []),
    ];
}
function describeBase(base, serverRepoUrl) {
    const commit = `[\`${base.sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${base.sha})`;
    switch (base.source) {
        case 'argument':
            return `${(0,markdown_escape/* codeSpan */.SS)(base.given, 100)} (${commit}), as asked`;
        case 'deployment':
            return `the last successful deployment to ${(0,markdown_escape/* codeSpan */.SS)(base.environment, 100)} ([deployment ${base.deploymentId}](${base.url}), ${(0,markdown_escape/* inline */.mG)(base.deployedAt, 40)}): ${(0,markdown_escape/* codeSpan */.SS)(base.name, 100)} at ${commit}`;
        case 'release':
            return `the latest release [${(0,markdown_escape/* inline */.mG)(base.name, 100)}](${base.url}) at ${commit} (no successful deployment was found)`;
        case 'tag':
            return `the newest release tag ${(0,markdown_escape/* codeSpan */.SS)(base.name, 100)} at ${commit} (no successful deployment and no GitHub release were found)`;
    }
}
function startedReply(input) {
    const lines = [
        `### Hotfix branch [${(0,markdown_escape/* inline */.mG)(input.branch, 200)}](${input.branchUrl}) created`,
        '',
        `It starts at ${describeBase(input.base, input.serverRepoUrl)}, not at ${(0,markdown_escape/* codeSpan */.SS)(input.defaultBranch, 100)}.`,
    ];
    if (input.forced)
        lines.push('', 'Started with `--force` while another hotfix is open.');
    lines.push('');
    if (input.notIncluded.length === 0)
        lines.push(`Nothing has been merged to ${(0,markdown_escape/* codeSpan */.SS)(input.defaultBranch, 100)} since.`);
    else {
        lines.push(`**Not included** (merged to ${(0,markdown_escape/* codeSpan */.SS)(input.defaultBranch, 100)} since, ${input.notIncluded.length} commit${input.notIncluded.length === 1 ? '' : 's'}):`, '', ...commitRows(input.notIncluded, input.serverRepoUrl));
    }
    lines.push('', '**Next steps**', '', `1. Open the fix as a pull request into ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)} (not ${(0,markdown_escape/* codeSpan */.SS)(input.defaultBranch, 100)}).`, `2. Once it is merged, deploy the head of ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)}.`, `3. Merge ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)} back into ${(0,markdown_escape/* codeSpan */.SS)(input.defaultBranch, 100)}.`);
    return lines.join('\n') + '\n';
}
function refusedOpenReply(input) {
    const rows = input.open.map((o) => {
        const pulls = o.pulls.map((p) => `[#${p.number}](${p.url})`).join(', ');
        return `- [${(0,markdown_escape/* inline */.mG)(o.branch, 200)}](${o.url})${pulls ? `: ${pulls}` : ': no open pull request yet'}`;
    });
    return ([
        '`/hotfix`: another hotfix is still open (not merged back), so no branch was created:',
        '',
        ...rows,
        '',
        'Put the fix on that branch, or finish it first. To start a second hotfix anyway, comment `/hotfix --force`.',
    ].join('\n') + '\n');
}
function noBaseReply(environment) {
    return ([
        '`/hotfix`: cannot tell what is deployed, so no branch was created.',
        '',
        `There is no successful deployment to ${(0,markdown_escape/* codeSpan */.SS)(environment, 100)}, no GitHub release and no release tag on the default branch.`,
        'Name the base: `/hotfix <release tag or commit>` (or the `hotfix` input of workflow_dispatch).',
    ].join('\n') + '\n');
}
function problemReply(problem) {
    return `\`/hotfix\`: ${(0,markdown_escape/* prose */.CS)(problem, 2_000)}; nothing was done.\n`;
}
const HOTFIX_CHECK_NAME = 'fixline / hotfix';
function hotfixCheck(f, serverRepoUrl) {
    const warnings = [];
    const sections = [];
    const commit = (sha) => `[\`${sha.slice(0, 12)}\`](${serverRepoUrl}/commit/${sha})`;
    if (f.newerDeployment) {
        const d = f.newerDeployment;
        warnings.push('newer-deployment');
        sections.push(`⚠️ **A newer deployment happened after this hotfix branch was cut**: [deployment ${d.id}](${d.url}) to ${(0,markdown_escape/* codeSpan */.SS)(d.environment, 100)} of ${commit(d.sha)} (${(0,markdown_escape/* inline */.mG)(d.at, 40)}). The hotfix would roll production back to ${(0,markdown_escape/* codeSpan */.SS)(f.release, 100)} plus the fix. Consider rolling the fix into the regular release as a normal change instead.`);
    }
    if (f.newerRelease) {
        const r = f.newerRelease;
        warnings.push('newer-release');
        sections.push(`⚠️ **A newer release was published after this hotfix branch was cut**: [${(0,markdown_escape/* inline */.mG)(r.tag, 100)}](${r.url}) at ${commit(r.sha)}. Consider rolling the fix into the regular release instead.`);
    }
    if (f.fromMain.length > 0) {
        warnings.push('brings-main');
        sections.push([
            `⚠️ **This pull request brings in ${f.fromMain.length} commit${f.fromMain.length === 1 ? '' : 's'} from ${(0,markdown_escape/* codeSpan */.SS)(f.defaultBranch, 100)}** that the hotfix base ${(0,markdown_escape/* codeSpan */.SS)(f.release, 100)} does not have: they would ship with the hotfix. Rebase the fix onto ${(0,markdown_escape/* codeSpan */.SS)(f.branch, 200)} (or cherry-pick only the fix).`,
            '',
            ...commitRows(f.fromMain, serverRepoUrl),
        ].join('\n'));
    }
    const head = `Hotfix of ${(0,markdown_escape/* codeSpan */.SS)(f.release, 100)}: branch ${(0,markdown_escape/* codeSpan */.SS)(f.branch, 200)}, cut from ${commit(f.cutSha)}.`;
    const summary = [head, '', ...(sections.length > 0 ? sections : ['No warnings.'])].join('\n\n') + '\n';
    const title = warnings.length === 0
        ? `Hotfix of ${oneLineName(f.release)}`
        : `Hotfix of ${oneLineName(f.release)}: ${warnings.length} warning${warnings.length === 1 ? '' : 's'}`;
    return { conclusion: warnings.length === 0 ? 'success' : 'neutral', title, summary, warnings };
}
function oneLineName(name) {
    // eslint-disable-next-line no-control-regex
    return name.replace(/[\u0000-\u001f\u007f]/g, '?').slice(0, 100);
}
function mergeBackTitle(release, defaultBranch) {
    return `Merge hotfix ${oneLineName(release)} back into ${oneLineName(defaultBranch)}`;
}
function mergeBackBody(input) {
    const main = (0,markdown_escape/* codeSpan */.SS)(input.defaultBranch, 100);
    const probable = probablyPortedRows(input.probable ?? [], input.defaultBranch, input.serverRepoUrl);
    const lines = [
        `The hotfix ${(0,markdown_escape/* codeSpan */.SS)(input.release, 100)} shipped (${input.shippedBy}), and ${input.missing.length} commit${input.missing.length === 1 ? '' : 's'} of ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)} ${input.missing.length === 1 ? 'is' : 'are'} not on ${main} (no fix evidence: no patch-equivalent commit, no \`cherry picked from\` trailer, not a revert pair or release bookkeeping):`,
        '',
        ...commitRows(input.missing, input.serverRepoUrl),
        '',
        ...(probable.length > 0 ? [...probable, ''] : []),
        `Merge this pull request (a merge commit keeps the history of what was deployed) so that the next regular release of ${main} keeps the fix.`,
    ];
    if (input.conflicts.length > 0) {
        const { shown, more } = (0,bound/* boundList */.H0)(input.conflicts, 100);
        const mergeBranch = `merge-back/${input.release}`;
        lines.push('', `### Conflicts`, '', `Merging ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)} into ${main} conflicts in:`, '', ...shown.map((f) => `- ${(0,markdown_escape/* codeSpan */.SS)(f, 300)}`), ...(more ? [`- ${more}`] : []), '', 'To finish by hand (without changing the hotfix branch, which is what was deployed):', '');
        if ([mergeBranch, input.defaultBranch, input.branch].every(shellSafe))
            lines.push('```sh', 'git fetch origin', `git switch -c ${mergeBranch} origin/${input.defaultBranch}`, `git merge origin/${input.branch}`, '# resolve the conflicts in the files above, then', 'git commit', `git push origin ${mergeBranch}`, '```', '', `then open a pull request from that branch into ${main} and close this one.`);
        else
            lines.push(`merge ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)} into a new branch from ${main}, resolve the conflicts, push it and open a pull request from it into ${main}; then close this one.`);
    }
    return lines.join('\n') + '\n';
}
/** Names written into a shell command as they are: only characters no shell or Markdown reads. */
function shellSafe(name) {
    return /^[A-Za-z0-9._/+-]+$/.test(name) && (0,refs/* isPlausibleRefName */.qf)(name);
}
const REMINDER_MARKER = '<!-- fixline:hotfix-reminder -->';
/** Whole days from `since` to `now` (ISO timestamps); 0 for unreadable dates. */
function daysBetween(since, now) {
    const t = Date.parse(since);
    return Number.isFinite(t) ? Math.floor((now - t) / 86_400_000) : 0;
}
/** Due when the hotfix has waited at least `afterDays` (0: reminders are off). */
function reminderDue(waitedDays, afterDays) {
    return afterDays > 0 && waitedDays >= afterDays;
}
function reminderBody(input) {
    const main = (0,markdown_escape/* codeSpan */.SS)(input.defaultBranch, 100);
    return ([
        `⏰ The hotfix ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)} has waited ${input.days} day${input.days === 1 ? '' : 's'} and is still not merged back into ${main}: ${input.missing.length} commit${input.missing.length === 1 ? '' : 's'} would be lost in the next regular release.`,
        '',
        ...commitRows(input.missing, input.serverRepoUrl),
        '',
        input.mergeBack
            ? `Merge [#${input.mergeBack.number}](${input.mergeBack.url}) (or finish it by hand if it conflicts).`
            : `Merge ${(0,markdown_escape/* codeSpan */.SS)(input.branch, 200)} back into ${main}.`,
    ].join('\n') + '\n');
}

// EXTERNAL MODULE: ./src/git/errors.ts
var errors = __webpack_require__(3341);
// EXTERNAL MODULE: ./src/git/commits.ts
var git_commits = __webpack_require__(9102);
// EXTERNAL MODULE: ./src/config/patterns.ts + 1 modules
var config_patterns = __webpack_require__(4635);
// EXTERNAL MODULE: ./src/git/graph.ts
var git_graph = __webpack_require__(5580);
// EXTERNAL MODULE: ./src/evidence/index.ts + 7 modules
var src_evidence = __webpack_require__(2146);
;// CONCATENATED MODULE: ./src/hotfix/git-ops.ts






function remoteRef(remote, branch) {
    return `refs/remotes/${remote}/${branch}`;
}
/**
 * Fetches the default branch with its whole history, every tag, and every hotfix branch (pruning
 * deleted ones) into refs/remotes/<remote>/. A shallow checkout is deepened: the hotfix needs the
 * history between what is deployed and the default branch.
 */
async function fetchHotfixState(git, remote, defaultBranch, prefix) {
    for (const name of [defaultBranch, `${prefix}x`])
        if (!(0,refs/* isPlausibleRefName */.qf)(name))
            throw new Error(`"${(0,refs/* printable */.g$)(name)}" is not a valid branch name`);
    const deepen = (await (0,git_commits/* isShallowRepository */.Hw)(git)) ? ['--unshallow'] : [];
    await git.run([
        'fetch',
        '--quiet',
        '--prune',
        '--tags',
        '--no-recurse-submodules',
        ...deepen,
        remote,
        `+refs/heads/${defaultBranch}:${remoteRef(remote, defaultBranch)}`,
        `+refs/heads/${prefix}*:${remoteRef(remote, prefix)}*`,
    ]);
}
/** The remote's branches under `prefix` and their commits, read with one `git ls-remote` (no fetch). */
async function listRemoteBranches(git, remote, prefix) {
    if (!(0,refs/* isPlausibleRefName */.qf)(`${prefix}x`))
        throw new Error(`"${(0,refs/* printable */.g$)(prefix)}" is not a valid branch prefix`);
    const root = `refs/heads/${prefix}`;
    const lines = await git.lines(['ls-remote', '--heads', remote, `${root}*`]);
    const out = new Map();
    for (const line of lines) {
        const [sha = '', ref = ''] = line.split('\t');
        if (ref.startsWith(root) && ref.length > root.length && /^[0-9a-f]{40,64}$/.test(sha))
            out.set(ref.slice('refs/heads/'.length), sha);
    }
    return out;
}
/**
 * When the oldest commit of `ref` not on `mainRef` was made (the older of its author and committer
 * dates, as an ISO timestamp), or undefined when it has none.
 */
async function oldestOwnCommitTime(git, ref, mainRef) {
    const lines = await git.lines(['log', '--format=%at %ct', ref, `^${mainRef}`, '--']);
    let oldest = Infinity;
    for (const line of lines)
        for (const t of line.split(' ').map(Number))
            if (Number.isFinite(t) && t < oldest)
                oldest = t;
    return Number.isFinite(oldest) ? new Date(oldest * 1000).toISOString() : undefined;
}
/** The commit a tag, branch or sha names, or undefined. */
async function resolveCommit(git, name) {
    if (!(0,refs/* isPlausibleRefName */.qf)(name))
        return undefined;
    const r = await git.run(['rev-parse', '--verify', '--quiet', `${name}^{commit}`], {
        okCodes: [0, 1, 128],
    });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
}
/** Makes a commit the remote has (a deployed sha no fetched branch reaches) present locally. */
async function ensureCommit(git, remote, sha) {
    if (!/^[0-9a-f]{40}$/.test(sha))
        return resolveCommit(git, sha);
    const present = await resolveCommit(git, sha);
    if (present)
        return present;
    try {
        await git.run(['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', remote, sha]);
    }
    catch (error) {
        // Only "no such commit" means it is not there; a timeout or an auth failure must be reported.
        if (error instanceof errors/* GitError */.X && (error.kind === 'not-found' || error.kind === 'bad-ref'))
            return undefined;
        throw error;
    }
    return resolveCommit(git, sha);
}
function tagMatcher(patterns) {
    const compiled = patterns.map((p) => (0,config_patterns/* wholeName */.fC)((0,config_patterns/* tagPatternSource */.Wx)(p)));
    return (tag) => compiled.some((re) => re?.test(tag) === true);
}
/** Release tags (by upgrade.tags) pointing at `sha`, newest first. */
async function releaseTagsAt(git, sha, patterns) {
    const isRelease = tagMatcher(patterns);
    const tags = await git.lines(['tag', '--sort=-creatordate', '--points-at', sha]);
    return tags.filter((t) => t.length > 0 && isRelease(t));
}
/** The newest release tag (by upgrade.tags) reachable from `ref`, with its commit. */
async function newestReleaseTag(git, ref, patterns) {
    const isRelease = tagMatcher(patterns);
    const lines = await git.lines([
        'for-each-ref',
        '--sort=-creatordate',
        '--merged',
        ref,
        '--format=%(refname:strip=2)%00%(*objectname)%00%(objectname)',
        'refs/tags/',
    ]);
    for (const line of lines) {
        const [tag, peeled, object] = line.split('\0');
        if (tag && isRelease(tag))
            return { tag, sha: peeled || object || '' };
    }
    return undefined;
}
/** Commits on the default branch since `base` (first parent: one per merged PR). */
async function commitsSince(git, base, mainRef) {
    const commits = await (0,git_commits/* readCommits */.Fe)(git, ['--first-parent', `${mainRef}`, `^${base}`]);
    return commits.map((c) => ({ sha: c.sha, subject: c.subject }));
}
/**
 * Commits of each hotfix ref with no equivalent on `upstream`, by the fix evidence the fix-loss
 * rule uses (src/evidence): patch-id, `(cherry picked from commit …)` trailers either direction,
 * svn merges, revert pairs, release-tool and bookkeeping commits (`bookkeeping`: the
 * `upgrade.bookkeeping` globs). A commit whose only match is a same-subject, same-author commit is
 * "probably ported", not missing; one that could not be read counts as missing. One graph and one
 * evidence read for all refs.
 */
async function missingFromMain(git, upstream, heads, bookkeeping = []) {
    const out = new Map();
    const upSha = await resolveCommit(git, upstream);
    const tips = new Map();
    for (const head of heads) {
        const sha = await resolveCommit(git, head);
        if (sha)
            tips.set(head, sha);
        else
            out.set(head, { missing: [], probable: [] });
    }
    if (!upSha || tips.size === 0)
        return out;
    const graph = await (0,git_graph/* commitGraph */.Ed)(git, [upSha, ...tips.values()]);
    const pairs = [...tips.values()].map((from) => ({ from, to: upSha }));
    const evidence = await (0,src_evidence/* fixEvidence */.PL)(git, graph, pairs, { bookkeeping });
    const unread = new Set(evidence.problems.flatMap((p) => p.commits));
    for (const [head, from] of tips) {
        const result = evidence.compare({ from, to: upSha });
        const missing = result.lost.map((c) => ({ sha: c.sha, subject: c.subject }));
        if (unread.size > 0) {
            const listed = new Set(missing.map((c) => c.sha));
            const unreadHere = graph
                .exclusive(from, upSha)
                .map((i) => graph.shas[i])
                .filter((sha) => unread.has(sha) && !listed.has(sha));
            if (unreadHere.length > 0) {
                missing.push(...(await commitLines(git, unreadHere)));
                const order = (c) => graph.order(c.sha);
                missing.sort((a, b) => order(a) - order(b));
            }
        }
        out.set(head, {
            missing,
            probable: result.probable.map((p) => ({
                commit: { sha: p.commit.sha, subject: p.commit.subject },
                counterpart: { sha: p.counterpart.sha, subject: p.counterpart.subject },
            })),
        });
    }
    return out;
}
/** {@link missingFromMain} for one hotfix ref. */
async function commitsMissingFrom(git, upstream, head, bookkeeping = []) {
    return ((await missingFromMain(git, upstream, [head], bookkeeping)).get(head) ?? {
        missing: [],
        probable: [],
    });
}
/** Every hotfix branch of the remote (as fetched) and whether its work is on the default branch. */
async function hotfixBranchStates(git, remote, prefix, mainRef, bookkeeping = []) {
    const root = remoteRef(remote, '');
    // for-each-ref matches whole path components: list the remote's refs and filter by the prefix,
    // which need not end in "/" (hotfix-, urgent-).
    const refs = await git.lines(['for-each-ref', '--format=%(refname)', root]);
    const prefixed = refs.filter((r) => r.startsWith(root + prefix));
    if (prefixed.length === 0)
        return [];
    const mainline = new Set(await git.lines(['rev-list', '--first-parent', mainRef]));
    const own = new Map();
    for (const ref of prefixed)
        own.set(ref, (await git.lines(['rev-list', ref, `^${mainRef}`, '--'])).length);
    const withCommits = prefixed.filter((ref) => (own.get(ref) ?? 0) > 0);
    const evidence = withCommits.length > 0
        ? await missingFromMain(git, mainRef, withCommits, bookkeeping)
        : new Map();
    const states = [];
    for (const ref of prefixed) {
        const tip = await git.text(['rev-parse', ref]);
        const found = evidence.get(ref) ?? { missing: [], probable: [] };
        states.push({
            branch: ref.slice(root.length),
            ownCommits: own.get(ref) ?? 0,
            missingFromMain: found.missing.length,
            probablyPorted: found.probable.length,
            tipOnMainline: mainline.has(tip),
            ...found,
        });
    }
    return states;
}
/** Fetches a PR's head (refs/pull/<n>/head, else its sha) into fixline's own ref. Never checks it out. */
async function fetchPrHead(git, remote, pr, headSha) {
    const ref = `refs/fixline/hotfix-pr/${pr}`;
    try {
        await git.run([
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-recurse-submodules',
            remote,
            `+refs/pull/${pr}/head:${ref}`,
        ]);
    }
    catch (error) {
        if (!(error instanceof errors/* GitError */.X) || !/^[0-9a-f]{40}$/.test(headSha))
            throw error;
        await git.run([
            'fetch',
            '--quiet',
            '--no-tags',
            '--no-recurse-submodules',
            remote,
            `+${headSha}:${ref}`,
        ]);
    }
    return ref;
}
async function mergeBase(git, a, b) {
    const r = await git.run(['merge-base', a, b], { okCodes: [0, 1] });
    return r.exitCode === 0 ? r.stdout.trim() : undefined;
}
async function isAncestor(git, ancestor, of) {
    const r = await git.run(['merge-base', '--is-ancestor', ancestor, of], { okCodes: [0, 1, 128] });
    return r.exitCode === 0;
}
/** Commits of `head` not on `hotfixRef` that came from `mainRef` (the default branch's own commits). */
async function commitsFromMain(git, head, hotfixRef, mainRef) {
    const own = new Set(await git.lines(['rev-list', head, `^${hotfixRef}`, `^${mainRef}`, '--']));
    const all = await (0,git_commits/* readCommits */.Fe)(git, ['--no-merges', head, `^${hotfixRef}`]);
    return all.filter((c) => !own.has(c.sha)).map((c) => ({ sha: c.sha, subject: c.subject }));
}
/** Hotfix branches (as fetched) whose history contains `sha`. */
async function hotfixBranchesContaining(git, remote, prefix, sha) {
    const root = remoteRef(remote, '');
    const refs = await git.lines(['for-each-ref', '--format=%(refname)', '--contains', sha, root]);
    return refs.filter((r) => r.startsWith(root + prefix)).map((r) => r.slice(root.length));
}
/** Files that conflict when merging `head` into `base` (`git merge-tree --write-tree`, no worktree). */
async function mergeConflicts(git, base, head) {
    const r = await git.run(['merge-tree', '--write-tree', '--name-only', '--no-messages', base, head], { okCodes: [0, 1] });
    if (r.exitCode === 0)
        return [];
    // First line: the tree; then the conflicted files, up to the blank line before the messages.
    const lines = r.stdout.split('\n').slice(1);
    const files = [];
    for (const line of lines) {
        if (line === '')
            break;
        if (!files.includes(line))
            files.push(line);
    }
    return files;
}
/** Commits with their subjects, in order (oldest first). */
async function commitLines(git, shas) {
    if (shas.length === 0)
        return [];
    const commits = await (0,git_commits/* readCommits */.Fe)(git, ['--no-walk=unsorted', ...shas]);
    return commits.map((c) => ({ sha: c.sha, subject: c.subject }));
}

;// CONCATENATED MODULE: ./src/hotfix/remote-branches.ts



/**
 * Creates `branch` on the remote at `sha` (never moves an existing branch). Only a branch under
 * `prefix` that git accepts is pushed. Returns false when it already exists at another commit.
 */
async function createRemoteBranch(git, remote, prefix, branch, sha) {
    if (!branch.startsWith(prefix) || branch.length === prefix.length)
        throw new Error(`refusing to push "${(0,refs/* printable */.g$)(branch)}": fixline only creates branches under ${prefix}`);
    if ((await (0,refs/* assertValidBranchName */.Qd)(git, branch)) !== branch)
        throw new Error(`"${(0,refs/* printable */.g$)(branch)}" is not a valid branch name`);
    const existing = await resolveCommit(git, remoteRef(remote, branch));
    if (existing)
        return existing === sha ? 'exists' : 'taken';
    // The lease with no value: the push succeeds only while the branch does not exist, so a branch
    // someone made meanwhile is never moved (even by a fast-forward).
    try {
        await git.run([
            'push',
            '--quiet',
            '--no-verify',
            `--force-with-lease=refs/heads/${branch}:`,
            remote,
            `${sha}:refs/heads/${branch}`,
        ]);
    }
    catch (error) {
        if (error instanceof errors/* GitError */.X && /stale info|\[rejected\]/.test(error.stderr))
            return 'taken';
        throw error;
    }
    await git.run(['update-ref', remoteRef(remote, branch), sha]);
    return 'created';
}
/** Deletes a hotfix branch fixline owns on the remote, if it is still at `sha`. */
async function deleteRemoteBranch(git, remote, prefix, branch, sha) {
    if (!branch.startsWith(prefix) || branch.length === prefix.length || !(0,refs/* isPlausibleRefName */.qf)(branch))
        throw new Error(`refusing to delete "${(0,refs/* printable */.g$)(branch)}": not a hotfix branch`);
    await git.run([
        'push',
        '--quiet',
        '--no-verify',
        `--force-with-lease=refs/heads/${branch}:${sha}`,
        remote,
        `:refs/heads/${branch}`,
    ]);
}

;// CONCATENATED MODULE: ./src/hotfix/job-support.ts
const REMOTE = 'origin';
/** Nothing for the hotfix job (most releases and deployments are not of a hotfix): no summary. */
function quiet(deps, reason) {
    deps.log.info(`hotfix: nothing to do: ${reason}`);
    return { job: 'hotfix', results: [], createdPullRequests: [], conclusion: 'skipped', summary: '' };
}
function repoUrl(deps) {
    return `${deps.ctx.serverUrl}/${deps.ctx.owner}/${deps.ctx.repo}`;
}
function branchUrl(deps, branch) {
    return `${repoUrl(deps)}/tree/${branch.split('/').map(encodeURIComponent).join('/')}`;
}

;// CONCATENATED MODULE: ./src/hotfix/merge-back.ts









const SHIP_EVENT = {
    release: 'release',
    deployment: 'deployment',
    merged: 'merged-pr',
};
/**
 * A hotfix shipped (a release or successful deployment of a commit on a hotfix branch, or a merged
 * hotfix PR when `hotfix.mergeBackOn` lists it): every hotfix commit missing from the default
 * branch gets one merge-back PR, hotfix branch -> default branch, labelled.
 */
async function mergeBack(deps, trigger) {
    const config = deps.config.hotfix;
    const prefix = config.branchPrefix;
    if (!config.mergeBackOn.includes(SHIP_EVENT[trigger.type]))
        return quiet(deps, `hotfix.mergeBackOn does not list ${SHIP_EVENT[trigger.type]}`);
    if (trigger.type === 'deployment' && trigger.environment !== config.environment)
        return quiet(deps, `a deployment to ${trigger.environment}, not ${config.environment}`);
    const defaultBranch = (0,payload/* payloadDefaultBranch */.yJ)(deps.ctx.payload) ?? 'main';
    await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix);
    const { shipped, shippedBy } = await shippedCommit(deps, trigger);
    if (!shipped)
        return quiet(deps, 'the shipped commit is not in the repository');
    const branches = trigger.type === 'merged'
        ? [trigger.base]
        : await hotfixBranchesContaining(deps.git, REMOTE, prefix, shipped);
    const results = [];
    const created = [];
    const sections = [];
    for (const branch of branches) {
        const done = await mergeBackBranch(deps, branch, defaultBranch, shippedBy);
        if (!done)
            continue;
        if (done.created)
            created.push(done.created);
        results.push(done.result);
        sections.push(done.section);
    }
    if (results.length === 0)
        return quiet(deps, 'the shipped commit is on no hotfix branch with commits of its own');
    return {
        job: 'hotfix',
        results,
        createdPullRequests: created,
        conclusion: 'success',
        summary: `### fixline: hotfix merge-back\n\n${sections.join('\n\n')}\n`,
    };
}
/** The commit that shipped and how, as the summary says it. */
async function shippedCommit(deps, trigger) {
    if (trigger.type === 'release')
        return {
            shipped: await resolveCommit(deps.git, `refs/tags/${trigger.tag}`),
            shippedBy: `release ${(0,markdown_escape/* codeSpan */.SS)(trigger.tag, 100)}`,
        };
    if (trigger.type === 'deployment')
        return {
            shipped: await ensureCommit(deps.git, REMOTE, trigger.sha),
            shippedBy: `deployed to ${(0,markdown_escape/* codeSpan */.SS)(trigger.environment, 100)}`,
        };
    return {
        shipped: await resolveCommit(deps.git, remoteRef(REMOTE, trigger.base)),
        shippedBy: `#${trigger.pr} merged`,
    };
}
/** The merge-back of one hotfix branch; undefined when it has no commit of its own (just cut). */
async function mergeBackBranch(deps, branch, defaultBranch, shippedBy) {
    const { owner, repo } = deps.ctx;
    const config = deps.config.hotfix;
    const prefix = config.branchPrefix;
    const mainRef = remoteRef(REMOTE, defaultBranch);
    const hotfixRef = remoteRef(REMOTE, branch);
    const tip = await resolveCommit(deps.git, hotfixRef);
    const own = tip ? await deps.git.lines(['rev-list', hotfixRef, `^${mainRef}`, '--']) : [];
    if (!tip || own.filter((l) => l.length > 0).length === 0)
        return undefined; // just cut: nothing to merge back
    const release = branch.slice(prefix.length);
    const { missing, probable } = await commitsMissingFrom(deps.git, mainRef, hotfixRef, deps.config.upgrade.bookkeeping);
    if (missing.length === 0)
        return alreadyMerged(deps, branch, defaultBranch, tip, probable);
    const open = (await (0,pulls/* findPullsByHead */.Pr)(deps.github, owner, repo, branch)).find((p) => p.state === 'open' && p.base === defaultBranch);
    if (open) {
        const note = `The merge-back of ${(0,markdown_escape/* codeSpan */.SS)(branch, 200)} is already open: [#${open.number}](${open.url}).`;
        return {
            result: {
                target: branch,
                status: 'skipped',
                message: note,
                pullRequest: { number: open.number, url: open.url },
            },
            section: note,
        };
    }
    const conflicts = await mergeConflicts(deps.git, mainRef, hotfixRef);
    const body = mergeBackBody({
        branch,
        release,
        defaultBranch,
        shippedBy,
        missing,
        probable,
        conflicts,
        serverRepoUrl: repoUrl(deps),
    });
    if (deps.dryRun)
        return {
            result: { target: branch, status: 'skipped', message: 'dry run' },
            section: `Dry run: would open the merge-back of ${(0,markdown_escape/* codeSpan */.SS)(branch, 200)}.\n\n${body}`,
        };
    return openMergeBack(deps, { branch, release, defaultBranch, body, conflicts });
}
/** Nothing of the branch is missing from the default branch: no merge-back, maybe delete the branch. */
async function alreadyMerged(deps, branch, defaultBranch, tip, probable) {
    const config = deps.config.hotfix;
    const prefix = config.branchPrefix;
    let note = probable.length === 0
        ? `Every commit of ${(0,markdown_escape/* codeSpan */.SS)(branch, 200)} is already on ${(0,markdown_escape/* codeSpan */.SS)(defaultBranch, 100)}: no merge-back needed.`
        : `No commit of ${(0,markdown_escape/* codeSpan */.SS)(branch, 200)} is missing from ${(0,markdown_escape/* codeSpan */.SS)(defaultBranch, 100)}: no merge-back opened.\n\n${probablyPortedRows(probable, defaultBranch, repoUrl(deps)).join('\n')}`;
    // A probably ported commit is checked by hand: the branch is kept.
    if (config.deleteMergedBranch && probable.length === 0 && !deps.dryRun) {
        await deleteRemoteBranch(deps.git, REMOTE, prefix, branch, tip);
        note += ` The branch was deleted (hotfix.deleteMergedBranch).`;
    }
    return { result: { target: branch, status: 'already-applied', message: note }, section: note };
}
/** Opens the labelled merge-back PR of one hotfix branch. */
async function openMergeBack(deps, m) {
    const { owner, repo } = deps.ctx;
    let pull;
    try {
        pull = await (0,pulls/* createPull */.G7)(deps.github, {
            owner,
            repo,
            head: m.branch,
            base: m.defaultBranch,
            title: mergeBackTitle(m.release, m.defaultBranch),
            body: (0,bound/* fitBody */.KM)(m.body, bound/* COMMENT_LIMIT */.W$ - 1),
            draft: false,
        });
    }
    catch (error) {
        // A concurrent run for the same shipped hotfix (its release and its deployment) opened it first.
        if (!/already exists/i.test(error.message))
            throw error;
        const open = (await (0,pulls/* findPullsByHead */.Pr)(deps.github, owner, repo, m.branch)).find((p) => p.state === 'open' && p.base === m.defaultBranch);
        if (!open)
            throw error;
        return {
            result: {
                target: m.branch,
                status: 'updated',
                message: `merge-back #${open.number} already open (opened concurrently)`,
                pullRequest: { number: open.number, url: open.url },
            },
            section: `The merge-back [#${open.number}](${open.url}) is already open.`,
        };
    }
    await (0,labels/* addLabels */.N)(deps.github, owner, repo, pull.number, [deps.config.hotfix.mergeBackLabel]);
    return {
        created: { number: pull.number, url: pull.url, target: m.defaultBranch, draft: false },
        result: {
            target: m.branch,
            status: m.conflicts.length > 0 ? 'conflict' : 'created',
            message: m.conflicts.length > 0
                ? `merge-back #${pull.number} conflicts in ${m.conflicts.length} file(s)`
                : `merge-back #${pull.number}`,
            pullRequest: { number: pull.number, url: pull.url },
        },
        section: `Opened the merge-back [#${pull.number}](${pull.url}).\n\n${m.body}`,
    };
}

// EXTERNAL MODULE: ./src/jobs.ts
var jobs = __webpack_require__(5995);
// EXTERNAL MODULE: ./src/github/checks.ts
var checks = __webpack_require__(6250);
;// CONCATENATED MODULE: ./src/github/deployments.ts

/** Most deployments fixline inspects (newest first) before it gives up looking for a success. */
const MAX_DEPLOYMENTS_INSPECTED = 30;
/**
 * The newest deployment to `environment` that has a `success` status (a later `inactive` status,
 * which GitHub adds when a newer deployment succeeds, does not undo it). Deployments are read
 * newest first, a page of 30 at a time, and at most {@link MAX_DEPLOYMENTS_INSPECTED} are
 * inspected (one statuses call each, first page only: newest first).
 */
async function latestSuccessfulDeployment(github, owner, repo, environment) {
    let inspected = 0;
    for await (const page of github.paginate.iterator(github.rest.repos.listDeployments, {
        owner,
        repo,
        environment,
        per_page: MAX_DEPLOYMENTS_INSPECTED,
    })) {
        for (const d of page.data) {
            if (inspected++ >= MAX_DEPLOYMENTS_INSPECTED)
                return undefined;
            const { data: statuses } = await github.rest.repos.listDeploymentStatuses({
                owner,
                repo,
                deployment_id: d.id,
                per_page: 100,
            });
            const success = statuses.find((s) => s.state === 'success');
            if (success)
                return {
                    id: d.id,
                    sha: d.sha,
                    ref: d.ref,
                    environment: d.environment,
                    deployedAt: success.created_at,
                    url: safeUrl(success.environment_url || success.log_url || success.target_url),
                };
        }
    }
    return undefined;
}
/** A link from a deployment status (anyone with deployments:write sets it): http(s), nothing that could leave `[..](..)`. */
function safeUrl(url) {
    return url && (0,markdown_escape/* isSafeLink */.K_)(url) ? url : undefined;
}

;// CONCATENATED MODULE: ./src/github/releases.ts
/** The repository's latest release (GitHub's: newest non-draft, non-prerelease), or undefined. */
async function latestRelease(github, owner, repo) {
    try {
        const { data } = await github.rest.repos.getLatestRelease({ owner, repo });
        return { tag: data.tag_name, url: data.html_url, publishedAt: data.published_at ?? undefined };
    }
    catch (error) {
        if (error.status === 404)
            return undefined;
        throw new Error('cannot read the latest release', { cause: error });
    }
}

;// CONCATENATED MODULE: ./src/hotfix/pr-check.ts
/** The check run `fixline / hotfix` on a PR into a hotfix branch: its base release and the warnings. */








/** The check run `fixline / hotfix` on a PR into a hotfix branch: its base release and the warnings. */
async function checkHotfixPr(deps, trigger) {
    const prefix = deps.config.hotfix.branchPrefix;
    if (!trigger.base.startsWith(prefix) || trigger.base.length === prefix.length)
        return (0,jobs/* skipped */.h)('hotfix', `${trigger.base} is not a hotfix branch`);
    const defaultBranch = (0,payload/* payloadDefaultBranch */.yJ)(deps.ctx.payload) ?? 'main';
    const hotfixRef = remoteRef(REMOTE, trigger.base);
    await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix);
    if (!(await resolveCommit(deps.git, hotfixRef)))
        return (0,jobs/* skipped */.h)('hotfix', `the branch ${trigger.base} no longer exists`);
    const facts = await hotfixPrFacts(deps, trigger, defaultBranch);
    const check = hotfixCheck(facts, repoUrl(deps));
    const posted = deps.dryRun ? '' : await postCheck(deps, trigger.headSha, check);
    return {
        job: 'hotfix',
        results: [
            {
                target: trigger.base,
                status: check.warnings.length === 0 ? 'success' : 'pending',
                message: check.title,
            },
        ],
        createdPullRequests: [],
        conclusion: check.conclusion,
        summary: `### fixline: ${HOTFIX_CHECK_NAME}\n\n${check.summary}${posted}`,
    };
}
/**
 * What the check decides on: where the hotfix was cut, the default branch's commits the PR brings,
 * and a deployment or release newer than the cut that neither the branch nor the PR has.
 */
async function hotfixPrFacts(deps, trigger, defaultBranch) {
    const { owner, repo } = deps.ctx;
    const prefix = deps.config.hotfix.branchPrefix;
    const mainRef = remoteRef(REMOTE, defaultBranch);
    const hotfixRef = remoteRef(REMOTE, trigger.base);
    const head = await fetchPrHead(deps.git, REMOTE, trigger.pr, trigger.headSha);
    const cutSha = (await mergeBase(deps.git, hotfixRef, mainRef)) ?? '';
    const newer = async (sha) => sha !== undefined &&
        sha !== cutSha &&
        (await isAncestor(deps.git, cutSha, sha)) &&
        !(await isAncestor(deps.git, sha, hotfixRef)) &&
        !(await isAncestor(deps.git, sha, head));
    const environment = deps.config.hotfix.environment;
    const deployment = await latestSuccessfulDeployment(deps.github, owner, repo, environment);
    const deployedSha = deployment && (await ensureCommit(deps.git, REMOTE, deployment.sha));
    const release = await latestRelease(deps.github, owner, repo);
    const releasedSha = release && (await resolveCommit(deps.git, `refs/tags/${release.tag}`));
    return {
        branch: trigger.base,
        release: trigger.base.slice(prefix.length),
        cutSha,
        defaultBranch,
        fromMain: await commitsFromMain(deps.git, head, hotfixRef, mainRef),
        ...(deployment && deployedSha && (await newer(deployedSha))
            ? {
                newerDeployment: {
                    sha: deployedSha,
                    environment,
                    id: deployment.id,
                    at: deployment.deployedAt,
                    url: deployment.url ?? `${repoUrl(deps)}/deployments/${encodeURIComponent(environment)}`,
                },
            }
            : {}),
        ...(release && releasedSha && (await newer(releasedSha))
            ? { newerRelease: { tag: release.tag, sha: releasedSha, url: release.url } }
            : {}),
    };
}
/** Publishes the check on the PR head; the summary's note on where it went. */
async function postCheck(deps, headSha, check) {
    const { owner, repo } = deps.ctx;
    const published = await (0,checks/* publishCheck */.kr)(deps.github, {
        owner,
        repo,
        sha: headSha,
        name: HOTFIX_CHECK_NAME,
        conclusion: check.conclusion,
        title: check.title,
        summary: check.summary,
        annotations: [],
        detailsUrl: `${repoUrl(deps)}/actions/runs/${deps.ctx.runId}`,
        botLogin: deps.botLogin,
    });
    return published.kind === 'check-run'
        ? `\n[check run](${published.url})\n`
        : '\nposted as a commit status\n';
}

// EXTERNAL MODULE: ./src/github/comments.ts
var comments = __webpack_require__(6645);
;// CONCATENATED MODULE: ./src/hotfix/reminders.ts
/**
 * Hotfix reminders: every hotfix not merged back after `hotfix.remindAfterDays` is reminded on a PR,
 * on the schedule and after any later hotfix-routed run.
 */









/**
 * Any later hotfix-routed run (a PR into a hotfix branch, a release, a deployment status, a merged
 * hotfix PR) also reminds overdue hotfixes, after its own work: see {@link remind} with `later`.
 * A branch whose merge-back PR this run opened is left out. A failing reminder is a warning.
 */
async function withReminders(deps, outcome) {
    if (deps.config.hotfix.remindAfterDays === 0)
        return outcome;
    const opened = new Set(outcome.results
        .filter((r) => r.status === 'created' || r.status === 'conflict')
        .map((r) => r.target));
    let reminders;
    try {
        reminders = await remind(deps, { later: true, skip: opened });
    }
    catch (error) {
        deps.log.warning(`hotfix reminders: ${error instanceof Error ? error.message : String(error)}`);
        return outcome;
    }
    if (reminders.results.length === 0)
        return outcome;
    return {
        ...outcome,
        results: [...outcome.results, ...reminders.results],
        conclusion: outcome.conclusion === 'skipped' ? reminders.conclusion : outcome.conclusion,
        summary: outcome.summary === '' ? reminders.summary : `${outcome.summary}\n${reminders.summary}`,
    };
}
/**
 * Reminds every hotfix not merged back after `hotfix.remindAfterDays`: on its open merge-back PR
 * (waiting since that PR was opened), else on the newest PR into the hotfix branch (waiting since
 * the oldest missing commit). One reminder comment per PR, updated in place.
 *
 * `later` (any run but the schedule) keeps the cost down when nothing is due: one `git ls-remote`
 * of the hotfix branches (none: done), a fetch only when they are not fetched yet, then git alone
 * drops every branch whose oldest own commit (author or committer date, whichever is older) is
 * younger than `remindAfterDays` (a merge-back PR is never older than that commit). The API is
 * asked only about the branches left.
 */
async function remind(deps, options = {}) {
    const config = deps.config.hotfix;
    if (config.remindAfterDays === 0)
        return quiet(deps, 'hotfix.remindAfterDays is 0');
    const prefix = config.branchPrefix;
    const defaultBranch = (0,payload/* payloadDefaultBranch */.yJ)(deps.ctx.payload) ?? 'main';
    const mainRef = remoteRef(REMOTE, defaultBranch);
    const now = Date.now();
    let candidates;
    if (options.later) {
        const found = await overdueCandidates(deps, defaultBranch, now, options.skip);
        if (typeof found === 'string')
            return quiet(deps, found);
        candidates = found;
    }
    else
        await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix);
    const states = await hotfixBranchStates(deps.git, REMOTE, prefix, mainRef, deps.config.upgrade.bookkeeping);
    const results = [];
    for (const state of states) {
        if (state.missingFromMain === 0)
            continue;
        if (candidates && !candidates.has(state.branch))
            continue;
        const result = await remindBranch(deps, state, defaultBranch, now);
        if (result)
            results.push(result);
    }
    if (results.length === 0)
        return quiet(deps, 'no hotfix is overdue for its merge-back');
    return {
        job: 'hotfix',
        results,
        createdPullRequests: [],
        conclusion: 'neutral',
        summary: `### fixline: hotfix reminders\n\n${results.map((r) => `- ${(0,markdown_escape/* codeSpan */.SS)(r.target, 200)}: ${r.message}`).join('\n')}\n`,
    };
}
/**
 * The cheap pass of a `later` run: the hotfix branches whose oldest own commit is old enough to be
 * due, fetching only when needed; a string is why nothing is.
 */
async function overdueCandidates(deps, defaultBranch, now, skip) {
    const config = deps.config.hotfix;
    const prefix = config.branchPrefix;
    const mainRef = remoteRef(REMOTE, defaultBranch);
    const listed = await listRemoteBranches(deps.git, REMOTE, prefix);
    if (listed.size === 0)
        return 'no hotfix branch to remind';
    // Fetched by this run's own work (whole history, every listed branch at its remote commit)?
    let fetched = (await resolveCommit(deps.git, mainRef)) !== undefined && !(await (0,git_commits/* isShallowRepository */.Hw)(deps.git));
    for (const [branch, sha] of listed)
        if ((await resolveCommit(deps.git, remoteRef(REMOTE, branch))) !== sha)
            fetched = false;
    if (!fetched)
        await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix);
    const candidates = new Set();
    for (const branch of listed.keys()) {
        if (skip?.has(branch))
            continue;
        const oldest = await oldestOwnCommitTime(deps.git, remoteRef(REMOTE, branch), mainRef);
        if (oldest !== undefined && reminderDue(daysBetween(oldest, now), config.remindAfterDays))
            candidates.add(branch);
    }
    if (candidates.size === 0)
        return 'no hotfix is overdue for its merge-back';
    return candidates;
}
/** Reminds one hotfix branch with commits missing from the default branch, when it is due. */
async function remindBranch(deps, state, defaultBranch, now) {
    const { owner, repo } = deps.ctx;
    const missing = state.missing;
    const { target, since, mergeBack } = await reminderTarget(deps, state, defaultBranch);
    const days = daysBetween(since, now);
    if (!target || !reminderDue(days, deps.config.hotfix.remindAfterDays))
        return undefined;
    const body = reminderBody({
        branch: state.branch,
        defaultBranch,
        days,
        missing,
        mergeBack: mergeBack ? target : undefined,
        serverRepoUrl: repoUrl(deps),
    });
    if (!deps.dryRun)
        await (0,comments/* upsertMarkedComment */.Zd)(deps.github, {
            owner,
            repo,
            issue: target.number,
            ...(0,jobs/* commentIdentity */.M)(deps, REMINDER_MARKER),
            body: (0,bound/* fitBody */.KM)(body, bound/* COMMENT_LIMIT */.W$ - 200),
        });
    return {
        target: state.branch,
        status: 'pending',
        message: `not merged back after ${days} days: reminded on #${target.number}`,
        pullRequest: target,
    };
}
/**
 * Where a hotfix is reminded and since when: its open merge-back PR (since opened), else the newest
 * PR into the hotfix branch (since the oldest missing commit).
 */
async function reminderTarget(deps, state, defaultBranch) {
    const { owner, repo } = deps.ctx;
    const mergeBackPull = (await deps.github.paginate(deps.github.rest.pulls.list, {
        owner,
        repo,
        head: `${owner}:${state.branch}`,
        base: defaultBranch,
        state: 'open',
        per_page: 100,
    })).find((p) => p.head.ref === state.branch);
    if (mergeBackPull)
        return {
            target: { number: mergeBackPull.number, url: mergeBackPull.html_url },
            since: mergeBackPull.created_at,
            mergeBack: true,
        };
    const into = await deps.github.paginate(deps.github.rest.pulls.list, {
        owner,
        repo,
        base: state.branch,
        state: 'all',
        sort: 'created',
        direction: 'desc',
        per_page: 100,
    });
    const newest = into[0];
    const target = newest && { number: newest.number, url: newest.html_url };
    const oldest = state.missing[0]?.sha;
    const since = oldest ? await deps.git.text(['log', '-1', '--format=%cI', oldest, '--']) : '';
    return { target, since, mergeBack: false };
}

// EXTERNAL MODULE: ./src/github/permissions.ts
var permissions = __webpack_require__(5435);
;// CONCATENATED MODULE: ./src/hotfix/find-base.ts





/** What the hotfix starts from: the argument, else the deployment, the latest release, the newest release tag. */
async function findBase(deps, from, mainRef) {
    const { owner, repo } = deps.ctx;
    const tags = deps.config.upgrade.tags;
    if (from !== undefined) {
        const sha = await resolveCommit(deps.git, from);
        if (!sha)
            return { problem: problemReply(`"${from}" names no tag or commit of this repository`) };
        const name = (await isTag(deps, from)) ? from : (await releaseTagsAt(deps.git, sha, tags))[0];
        return { source: 'argument', sha, name: name ?? sha.slice(0, 12), given: from };
    }
    const environment = deps.config.hotfix.environment;
    const deployment = await latestSuccessfulDeployment(deps.github, owner, repo, environment);
    if (deployment) {
        const sha = await ensureCommit(deps.git, REMOTE, deployment.sha);
        if (!sha)
            return {
                problem: problemReply(`the last successful deployment to ${environment} (${deployment.id}) is of commit ${deployment.sha}, which the repository does not have; name the base: /hotfix <tag or commit>`),
            };
        const name = (await releaseTagsAt(deps.git, sha, tags))[0] ??
            ((await isTag(deps, deployment.ref)) ? deployment.ref : sha.slice(0, 12));
        return {
            source: 'deployment',
            sha,
            name,
            environment,
            deploymentId: deployment.id,
            deployedAt: deployment.deployedAt,
            url: deployment.url ?? `${repoUrl(deps)}/deployments/${encodeURIComponent(environment)}`,
        };
    }
    const release = await latestRelease(deps.github, owner, repo);
    if (release) {
        const sha = await resolveCommit(deps.git, `refs/tags/${release.tag}`);
        if (sha)
            return { source: 'release', sha, name: release.tag, url: release.url };
        deps.log.warning(`the latest release ${release.tag} has no tag in the repository`);
    }
    const tag = await newestReleaseTag(deps.git, mainRef, tags);
    if (tag)
        return { source: 'tag', sha: tag.sha, name: tag.tag };
    return { problem: noBaseReply(environment) };
}
async function isTag(deps, name) {
    return (await resolveCommit(deps.git, `refs/tags/${name}`)) !== undefined;
}

;// CONCATENATED MODULE: ./src/hotfix/start.ts









function replyMarker(trigger) {
    return trigger.type === 'command'
        ? `<!-- fixline:reply hotfix-${trigger.commentId} -->`
        : undefined;
}
/** Where a `/hotfix` comment is answered (none for workflow_dispatch). */
function replyIdentity(deps, trigger) {
    const { owner, repo } = deps.ctx;
    const marker = replyMarker(trigger);
    return trigger.type === 'command' && marker
        ? {
            owner,
            repo,
            issue: trigger.issue,
            marker,
            author: deps.botLogin,
            warn: (m) => deps.log.warning(m),
        }
        : undefined;
}
/** Answers the command (a reply comment, unless a dry run) and makes the job's outcome. */
function answerer(deps, identity) {
    return async (status, target, body, extra = {}) => {
        if (identity && !deps.dryRun)
            await (0,comments/* writeComment */.HF)(deps.github, identity, undefined, (0,bound/* fitBody */.KM)(body, bound/* COMMENT_LIMIT */.W$ - 200));
        const failed = status === 'failed';
        return {
            job: 'hotfix',
            results: [
                {
                    target,
                    status,
                    message: body.split('\n')[0] ?? '',
                    ...extra,
                    ...(failed ? { error: body } : {}),
                },
            ],
            createdPullRequests: [],
            conclusion: failed ? 'failure' : status === 'skipped' ? 'neutral' : 'success',
            summary: `### fixline: hotfix\n\n${body}`,
        };
    };
}
async function startHotfix(deps, trigger) {
    const { owner, repo } = deps.ctx;
    const identity = replyIdentity(deps, trigger);
    const answer = answerer(deps, identity);
    // A re-delivered comment was already answered: do nothing twice.
    if (identity && (await (0,comments/* findMarkedComment */.Jp)(deps.github, identity))) {
        deps.log.info(`/hotfix in comment ${trigger.type === 'command' ? trigger.commentId : ''} was already answered`);
        return {
            job: 'hotfix',
            results: [],
            createdPullRequests: [],
            conclusion: 'skipped',
            summary: 'fixline (hotfix): already answered\n',
        };
    }
    if (trigger.type === 'command') {
        const permission = await (0,permissions/* collaboratorPermission */.o)(deps.github, owner, repo, trigger.user);
        if (!(0,permissions/* hasPermission */._)(permission, 'write'))
            return answer('skipped', '/hotfix', `\`/hotfix\`: @${trigger.user} needs write permission on this repository (has: ${permission}); nothing was done.\n`);
    }
    const args = parseHotfixArgs(trigger.args);
    if ('problem' in args)
        return answer('skipped', '/hotfix', problemReply(args.problem));
    return cutHotfix(deps, args, answer);
}
/** Cuts the hotfix branch once the command is allowed and its arguments parsed. */
async function cutHotfix(deps, args, answer) {
    const prefix = deps.config.hotfix.branchPrefix;
    const defaultBranch = (0,payload/* payloadDefaultBranch */.yJ)(deps.ctx.payload) ?? 'main';
    const mainRef = remoteRef(REMOTE, defaultBranch);
    await fetchHotfixState(deps.git, REMOTE, defaultBranch, prefix);
    // One at a time.
    const states = await hotfixBranchStates(deps.git, REMOTE, prefix, mainRef, deps.config.upgrade.bookkeeping);
    const open = states.filter(isOpenHotfix);
    if (open.length > 0 && !args.force)
        return refuseOpen(deps, open, answer);
    const base = await findBase(deps, args.from, mainRef);
    if ('problem' in base)
        return answer('skipped', '/hotfix', base.problem);
    const branch = hotfixBranchName(prefix, base.name, base.sha);
    const created = await createRemoteBranchOrExplain(deps, prefix, branch, base.sha);
    if (created)
        return answer('failed', branch, problemReply(created));
    const notIncluded = await commitsSince(deps.git, base.sha, mainRef);
    const body = startedReply({
        branch,
        branchUrl: branchUrl(deps, branch),
        base,
        defaultBranch,
        notIncluded,
        serverRepoUrl: repoUrl(deps),
        forced: args.force && open.length > 0,
    });
    deps.log.info(`created ${branch} at ${base.sha} (${base.source})`);
    return answer('created', branch, body);
}
/** Refuses a second hotfix while others are open, listing them with their open PRs. */
async function refuseOpen(deps, open, answer) {
    const { owner, repo } = deps.ctx;
    const withPulls = [];
    for (const o of open) {
        const pulls = await deps.github.paginate(deps.github.rest.pulls.list, {
            owner,
            repo,
            base: o.branch,
            state: 'open',
            per_page: 100,
        });
        withPulls.push({
            branch: o.branch,
            url: branchUrl(deps, o.branch),
            pulls: pulls.map((p) => ({ number: p.number, url: p.html_url })),
        });
    }
    return answer('skipped', open.map((o) => o.branch).join(', '), refusedOpenReply({ open: withPulls }));
}
async function createRemoteBranchOrExplain(deps, prefix, branch, sha) {
    if (deps.dryRun) {
        deps.log.info(`dry run: would create ${branch} at ${sha}`);
        return undefined;
    }
    try {
        const result = await createRemoteBranch(deps.git, REMOTE, prefix, branch, sha);
        if (result === 'taken')
            return `the branch ${branch} already exists at another commit: delete it or name another base`;
        return undefined;
    }
    catch (error) {
        return error instanceof Error ? error.message : String(error);
    }
}

;// CONCATENATED MODULE: ./src/hotfix/job.ts




async function runHotfixJob(deps, trigger) {
    switch (trigger.type) {
        case 'command':
        case 'dispatch':
            return startHotfix(deps, trigger);
        case 'pr':
            return withReminders(deps, await checkHotfixPr(deps, trigger));
        case 'release':
        case 'deployment':
        case 'merged':
            return withReminders(deps, await mergeBack(deps, trigger));
        case 'schedule':
            return remind(deps);
    }
}


/***/ })

};
