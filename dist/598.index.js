export const id = 598;
export const ids = [598];
export const modules = {

/***/ 598:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runBackportJob: () => (/* binding */ runBackportJob),
  runBackportTargets: () => (/* binding */ runBackportTargets)
});

// EXTERNAL MODULE: ./src/payload.ts
var payload = __webpack_require__(41);
// EXTERNAL MODULE: ./src/github/comments.ts
var comments = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/github/labels.ts
var github_labels = __webpack_require__(7448);
// EXTERNAL MODULE: ./src/github/permissions.ts
var permissions = __webpack_require__(5435);
// EXTERNAL MODULE: ./src/github/pulls.ts
var github_pulls = __webpack_require__(4487);
// EXTERNAL MODULE: ./src/git/commits.ts
var git_commits = __webpack_require__(9102);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
;// CONCATENATED MODULE: ./src/git/worktree.ts



/** A sparse-checkout pattern that matches no file. */
const NOTHING = '/.fixline-empty-worktree\n';
/**
 * Runs `fn` in a detached `git worktree` of `git`'s repository at `start`, in a fresh temp folder
 * that is removed afterwards, even when `fn` throws. The caller's checkout is never touched; refs
 * and objects created in the worktree stay in the shared repository. Nothing is written to the
 * repository's config (the sparse setting is given to the one command that needs it).
 */
async function withWorktree(git, start, fn, options = {}) {
    const empty = options.empty ?? true;
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'fixline-worktree-'));
    let added = false;
    try {
        await git.run([
            'worktree',
            'add',
            '--quiet',
            '--detach',
            ...(empty ? ['--no-checkout'] : []),
            dir,
            start,
        ]);
        added = true;
        const wt = git.at(dir);
        if (empty) {
            const gitDir = await wt.text(['rev-parse', '--absolute-git-dir']);
            await (0,promises_.mkdir)((0,external_node_path_.join)(gitDir, 'info'), { recursive: true });
            await (0,promises_.writeFile)((0,external_node_path_.join)(gitDir, 'info', 'sparse-checkout'), NOTHING);
            await wt.run(['-c', 'core.sparseCheckout=true', 'read-tree', '-mu', 'HEAD']);
        }
        return await fn(wt);
    }
    finally {
        const removed = added
            ? await git.run(['worktree', 'remove', '--force', '--force', dir], { okCodes: [0, 128] })
            : undefined;
        await (0,promises_.rm)(dir, { recursive: true, force: true });
        if (removed === undefined || removed.exitCode !== 0)
            await git.run(['worktree', 'prune'], { okCodes: [0, 128] });
    }
}

// EXTERNAL MODULE: ./src/git/errors.ts
var errors = __webpack_require__(3341);
;// CONCATENATED MODULE: ./src/backport/cherry-pick.ts

const EMPTY = /previous cherry-pick is now empty|nothing to commit/i;
/** Runs the picks in `wt` (a worktree at the target tip). */
async function runPicks(wt, input) {
    if (input.commits.length === 0)
        return { status: 'done', picked: [] };
    const start = await wt.text(['rev-parse', 'HEAD']);
    const mainline = input.mainline ? ['-m', String(input.mainline)] : [];
    const skipped = new Set();
    let step = await wt.run(['cherry-pick', '-x', ...mainline, ...input.commits], { okCodes: [0, 1] });
    while (step.exitCode !== 0) {
        const stopped = await wt.run(['rev-parse', '-q', '--verify', 'CHERRY_PICK_HEAD'], {
            okCodes: [0, 1],
        });
        const sha = stopped.stdout.trim();
        if (stopped.exitCode !== 0 || !input.commits.includes(sha))
            throw unexpected(step.stderr || step.stdout);
        const conflicting = await wt.lines(['diff', '--name-only', '--diff-filter=U']);
        if (conflicting.length > 0) {
            const index = input.commits.indexOf(sha);
            const before = input.commits.slice(0, index);
            return {
                status: 'conflict',
                picked: await mapResults(wt, start, before, skipped, input.subjects),
                failed: { sha, subject: input.subjects.get(sha) ?? '' },
                remaining: input.commits.slice(index + 1),
                conflictingFiles: conflicting,
            };
        }
        if (!EMPTY.test(`${step.stderr}\n${step.stdout}`))
            throw unexpected(step.stderr || step.stdout);
        skipped.add(sha);
        step = await wt.run(['cherry-pick', '--skip'], { okCodes: [0, 1] });
    }
    return {
        status: 'done',
        picked: await mapResults(wt, start, input.commits, skipped, input.subjects),
    };
}
/** Pairs the sources that applied (in order) with the commits created since `start`. */
async function mapResults(wt, start, sources, skipped, subjects) {
    const created = await wt.lines(['rev-list', '--reverse', `${start}..HEAD`]);
    const applied = sources.filter((s) => !skipped.has(s));
    if (created.length !== applied.length)
        throw new Error(`cherry-pick made ${created.length} commits for ${applied.length} applied picks`);
    let next = 0;
    return sources.map((source) => ({
        source,
        result: skipped.has(source) ? undefined : created[next++],
        subject: subjects.get(source) ?? '',
    }));
}
function unexpected(detail) {
    const text = detail.trim().split('\n').slice(-6).join('\n');
    return new errors/* GitError */.X(`git cherry-pick stopped unexpectedly: ${text}`, 'unknown', ['cherry-pick'], 1, detail);
}
/**
 * Turns the stopped pick into one commit holding the conflict markers (draft-pr mode), authored
 * and committed by the bot (the committer identity of `wt`). Returns the new commit.
 */
async function commitConflictMarkers(wt, failed, files) {
    const ident = await wt.text(['var', 'GIT_COMMITTER_IDENT']);
    const match = /^(.*) <([^>]*)>/.exec(ident);
    if (!match)
        throw new Error(`unexpected committer identity: ${ident}`);
    await wt.run(['cherry-pick', '--quit']);
    await wt.run(['add', '-A']);
    const message = [
        `Conflict markers from ${failed} (resolve before merging)`,
        '',
        'Conflicting files:',
        ...files.map((f) => `- ${f}`),
    ].join('\n');
    await wt.run(['commit', '--quiet', '--no-verify', '--allow-empty', '-m', message], {
        env: { GIT_AUTHOR_NAME: match[1] ?? '', GIT_AUTHOR_EMAIL: match[2] ?? '' },
    });
    return wt.text(['rev-parse', 'HEAD']);
}
/** Abandons the stopped pick (comment mode): the worktree goes back to the target tip. */
async function abortPicks(wt) {
    await wt.run(['cherry-pick', '--abort']);
}

// EXTERNAL MODULE: ./src/git/refs.ts
var refs = __webpack_require__(8568);
;// CONCATENATED MODULE: ./src/backport/fetch.ts



/** Private refs that keep fetched commits reachable for the rest of the run. */
function sourceRefs(prNumber) {
    const root = `refs/fixline/pr-${prNumber}`;
    return { merge: `${root}/merge`, head: `${root}/head`, base: `${root}/base` };
}
/** Largest depth fixline fetches while isolating a PR's own commits. */
const MAX_DEPTH = 100_000;
function assertRemote(remote) {
    if (remote.length === 0 || remote.startsWith('-') || /[\s\0]/.test(remote))
        throw new Error(`"${(0,refs/* printable */.g$)(remote)}" is not a usable git remote`);
}
async function fetch(git, remote, refspecs, depth) {
    await fetchWith(git, remote, refspecs, depth === undefined ? [] : [`--depth=${depth}`]);
}
async function fetchWith(git, remote, refspecs, options) {
    assertRemote(remote);
    await git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-recurse-submodules',
        ...options,
        remote,
        ...refspecs,
    ]);
}
async function depthFor(git, depth) {
    return (await (0,git_commits/* isShallowRepository */.Hw)(git)) ? depth : undefined;
}
/**
 * Fetches the merge commit with `commits + 2` of history (every PR commit and its parent) and,
 * for PRs of more than one commit, `refs/pull/<n>/head` (falling back to the head sha when the
 * remote has no pull refs). One fetch process in the usual case.
 */
async function fetchSource(git, pr, remote) {
    const refs = sourceRefs(pr.number);
    const depth = await depthFor(git, pr.commits + 2);
    const merge = `+${pr.mergeCommitSha}:${refs.merge}`;
    if (pr.commits <= 1)
        return fetch(git, remote, [merge], depth);
    try {
        await fetch(git, remote, [merge, `+refs/pull/${pr.number}/head:${refs.head}`], depth);
    }
    catch (error) {
        if (!(error instanceof errors/* GitError */.X) || error.kind !== 'not-found')
            throw error;
        await fetch(git, remote, [merge, `+${pr.headSha}:${refs.head}`], depth);
    }
}
/**
 * Makes `P1..P2` exactly the PR's commits in a shallow repository. The PR side is complete after
 * {@link fetchSource}; the base side may be too shallow to know that the PR's fork point (or base
 * commits merged in by "update branch") are on the base, which shows as more than `pr.commits`
 * commits. Deepens the base side only: first back to the date of the oldest commit in the range
 * (`--shallow-since`, usually enough in one fetch), then four times deeper each round.
 */
async function isolateOwnCommits(git, pr, remote, p1, p2) {
    const range = [p2, `^${p1}`];
    let count = await (0,git_commits/* countCommits */.Wt)(git, range);
    if (count <= pr.commits || !(await (0,git_commits/* isShallowRepository */.Hw)(git)))
        return;
    const baseRef = `+${p1}:${sourceRefs(pr.number).base}`;
    const oldest = await oldestCommitTime(git, range);
    await fetchWith(git, remote, [baseRef], [`--shallow-since=${new Date((oldest - 1) * 1000).toISOString()}`]);
    count = await (0,git_commits/* countCommits */.Wt)(git, range);
    let depth = pr.commits + 2;
    while (count > pr.commits) {
        if (depth >= MAX_DEPTH)
            throw new Error(`could not isolate the ${pr.commits} commits of PR #${pr.number} within ${MAX_DEPTH} commits of history`);
        depth = Math.min(depth * 4, MAX_DEPTH);
        await fetch(git, remote, [baseRef], depth);
        count = await (0,git_commits/* countCommits */.Wt)(git, range);
    }
}
async function oldestCommitTime(git, range) {
    const times = (await git.lines(['log', '--format=%ct', ...range, '--'])).map(Number);
    return Math.min(...times);
}
/** Fetches the tip of a target branch into refs/remotes/<remote>/<target> (depth 1 when shallow). */
async function fetchTarget(git, remote, target) {
    if (!(0,refs/* isPlausibleRefName */.qf)(target))
        throw new Error(`"${(0,refs/* printable */.g$)(target)}" is not a valid branch name`);
    const tracking = `refs/remotes/${remote}/${target}`;
    if (!(0,refs/* isPlausibleRefName */.qf)(remote)) {
        // A URL remote: keep the tip under fixline's own namespace.
        const ref = `refs/fixline/target/${target}`;
        await fetch(git, remote, [`+refs/heads/${target}:${ref}`], await depthFor(git, 1));
        return ref;
    }
    await fetch(git, remote, [`+refs/heads/${target}:${tracking}`], await depthFor(git, 1));
    return tracking;
}

;// CONCATENATED MODULE: ./src/backport/push.ts



const OWNED_PREFIX = 'backport/';
/** Throws unless `branch` is a valid branch name that fixline owns (`backport/...`). Returns it normalized. */
async function assertOwnedBranch(git, branch) {
    if (!branch.startsWith(OWNED_PREFIX) || branch.length === OWNED_PREFIX.length)
        throw new Error(`refusing to touch branch "${(0,refs/* printable */.g$)(branch)}": fixline only pushes branches under ${OWNED_PREFIX}`);
    const name = await (0,refs/* assertValidBranchName */.Qd)(git, branch);
    if (name !== branch)
        throw new Error(`"${(0,refs/* printable */.g$)(branch)}" is not a valid branch name`);
    return name;
}
/** The push was refused because the token may not change workflow files. */
class WorkflowPermissionError extends Error {
    file;
    name = 'WorkflowPermissionError';
    constructor(file, options) {
        super(`the token cannot push changes to ${file}: it lacks the \`workflows\` permission ` +
            `(use a GitHub App token with 'Workflows: write', or a PAT with the workflow scope)`, options);
        this.file = file;
    }
}
/** The workflow file named in GitHub's rejection, e.g. "refusing to allow ... workflow `.github/workflows/x.yml` without ...". */
function workflowFileFromRejection(stderr) {
    return /create or update workflow `([^`]+)`/.exec(stderr)?.[1];
}
/** Pushes the local `refs/heads/<branch>` (made by prepareBranch) to `refs/heads/<branch>` on the remote. */
async function pushBranch(git, remote, branch, options) {
    assertRemote(remote);
    await assertOwnedBranch(git, branch);
    const lease = [];
    if (options.force) {
        const expected = options.expectedSha ?? (await remoteBranchHeads(git, remote, [branch])).get(branch);
        lease.push(`--force-with-lease=refs/heads/${branch}:${expected ?? ''}`);
    }
    try {
        await git.run([
            'push',
            '--quiet',
            '--no-verify',
            ...lease,
            remote,
            `refs/heads/${branch}:refs/heads/${branch}`,
        ]);
    }
    catch (error) {
        if (error instanceof errors/* GitError */.X && error.kind === 'workflow-permission') {
            throw new WorkflowPermissionError(workflowFileFromRejection(error.stderr) ?? 'a file under .github/workflows/', { cause: error });
        }
        throw error;
    }
}
/**
 * The current sha of each named branch on the remote (absent ones are missing from the map),
 * with ONE `git ls-remote --heads`.
 */
async function remoteBranchHeads(git, remote, branches) {
    assertRemote(remote);
    const heads = new Map();
    if (branches.length === 0)
        return heads;
    for (const b of branches)
        if (!(0,refs/* isPlausibleRefName */.qf)(b))
            throw new Error(`"${(0,refs/* printable */.g$)(b)}" is not a valid branch name`);
    const wanted = new Set(branches);
    const lines = await git.lines([
        'ls-remote',
        '--heads',
        remote,
        ...branches.map((b) => `refs/heads/${b}`),
    ]);
    for (const line of lines) {
        const [sha, ref] = line.split('\t');
        const name = ref?.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : undefined;
        if (sha && name && wanted.has(name))
            heads.set(name, sha);
    }
    return heads;
}

;// CONCATENATED MODULE: ./src/backport/resume.ts
/** The exact commands a human runs to finish a conflicted backport. Pure. */
/**
 * draft-pr mode: check out the pushed branch, drop the markers commit, redo the failing pick
 * (so git shows the conflict for real) and the rest, push with a lease on the markers commit.
 * comment mode: start a fresh branch from the target and redo every pick.
 */
function resumeCommands(input) {
    const q = shellWord;
    const pick = [
        'git',
        'cherry-pick',
        '-x',
        ...(input.mainline ? ['-m', String(input.mainline)] : []),
    ];
    const files = input.conflictingFiles.map(q).join(' ');
    const fix = `# resolve the conflicts in ${files}, then: git add -A && git cherry-pick --continue (git cherry-pick --skip if a commit comes out empty)`;
    const [remote, branch] = [q(input.remote), q(input.branch)];
    const commands = [`git fetch ${remote} ${q(input.base)}`];
    if (input.markersCommit) {
        commands.push(`git fetch ${remote} ${branch}`, `git checkout -B ${branch} FETCH_HEAD`, 'git reset --hard HEAD~1', [...pick, input.failed, ...input.remaining].join(' '), fix, `git push ${q(`--force-with-lease=${input.branch}:${input.markersCommit}`)} ${remote} ${branch}`);
    }
    else {
        commands.push(`git fetch ${remote} ${q(input.target)}`, `git checkout -B ${branch} FETCH_HEAD`, [...pick, ...input.applied, input.failed, ...input.remaining].join(' '), fix, `git push ${remote} ${branch}`);
    }
    return commands;
}
/** A word safe to paste into a POSIX shell: as is when plain, else single-quoted. */
function shellWord(word) {
    // eslint-disable-next-line no-control-regex
    const clean = word.replace(/[\u0000-\u001f\u007f]/g, '?');
    if (/^[A-Za-z0-9._/@:+=,-]+$/.test(clean))
        return clean;
    return `'${clean.replace(/'/g, `'\\''`)}'`;
}

;// CONCATENATED MODULE: ./src/backport/branch.ts






/**
 * Prepares `request.branch` from `request.target` with the commits of `request.plan` (which
 * {@link planPicks} fetched). Outcomes: picked (branch ready to push), already-applied (no branch),
 * conflict (branch with the markers commit in draft-pr mode, none in comment mode).
 */
async function prepareBranch(git, request, options) {
    const branch = await assertOwnedBranch(git, request.branch);
    const current = await git.run(['symbolic-ref', '-q', 'HEAD'], { okCodes: [0, 1] });
    if (current.stdout.trim() === `refs/heads/${branch}`)
        throw new Error(`${branch} is checked out in ${git.cwd}; switch to another branch first`);
    const start = await fetchTarget(git, request.remote, request.target);
    const commits = request.plan.commits;
    const infos = commits.length > 0 ? await (0,git_commits/* readCommits */.Fe)(git, ['--no-walk=unsorted', ...commits]) : [];
    const subjects = new Map(infos.map((c) => [c.sha, c.subject]));
    const mainline = request.plan.mainline;
    const result = await withWorktree(git, start, async (wt) => {
        const run = await runPicks(wt, { commits, subjects, ...(mainline ? { mainline } : {}) });
        if (run.status === 'done') {
            const anyApplied = run.picked.some((p) => p.result !== undefined);
            return { run, tip: anyApplied ? await wt.text(['rev-parse', 'HEAD']) : undefined };
        }
        if (options.conflicts === 'comment') {
            await abortPicks(wt);
            return { run, tip: undefined };
        }
        const markersCommit = await commitConflictMarkers(wt, run.failed.sha, run.conflictingFiles);
        return { run, tip: markersCommit, markersCommit };
    });
    if (result.tip)
        await git.run(['update-ref', `refs/heads/${branch}`, result.tip]);
    return outcome(request, branch, result);
}
function outcome(request, branch, result) {
    const { run } = result;
    if (run.status === 'done') {
        if (result.tip === undefined)
            return { status: 'already-applied', commits: run.picked };
        return { status: 'picked', branch, commits: run.picked };
    }
    return {
        status: 'conflict',
        branch,
        applied: run.picked,
        failed: run.failed,
        conflictingFiles: run.conflictingFiles,
        remaining: run.remaining,
        resumeCommands: resumeCommands({
            remote: request.remote,
            base: request.pr.baseRef,
            target: request.target,
            branch,
            failed: run.failed.sha,
            remaining: run.remaining,
            applied: run.picked.filter((p) => p.result !== undefined).map((p) => p.source),
            conflictingFiles: run.conflictingFiles,
            ...(request.plan.mainline ? { mainline: request.plan.mainline } : {}),
            ...(result.markersCommit ? { markersCommit: result.markersCommit } : {}),
        }),
        markersCommitted: result.markersCommit !== undefined,
    };
}

;// CONCATENATED MODULE: ./src/backport/select.ts


const select_short = (sha) => sha.slice(0, 12);
const plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** The pure decision: commit lists in, plan out. */
function selectCommits(input) {
    const m = input.mergeCommit;
    if (m.parents.length >= 2)
        return selectForMergeCommit(input);
    if (input.prCommits <= 1) {
        return {
            method: 'squash',
            commits: [m.sha],
            explanation: `one-commit PR merged by squash or rebase: picking ${select_short(m.sha)}`,
        };
    }
    const rebased = rebasedRun(input.landed ?? [], input.headCommits ?? []);
    if (rebased.length > 0) {
        return {
            method: 'rebase',
            commits: rebased.map((c) => c.sha).reverse(),
            explanation: `rebase merge: the last ${plural(rebased.length, 'commit')} on ${select_short(m.sha)}'s first-parent line ` +
                `are rebased copies of the PR's commits (same subject and author, or same patch); picking them in order`,
        };
    }
    return {
        method: 'squash',
        commits: [m.sha],
        explanation: `squash merge: ${select_short(m.sha)} has one parent and does not match the PR's ${plural(input.prCommits, 'commit')}; ` +
            `picking the squash commit`,
    };
}
function selectForMergeCommit(input) {
    const m = input.mergeCommit;
    const own = input.own ?? [];
    if (input.mergeCommits === 'mainline' || own.length === 0) {
        const why = input.mergeCommits === 'mainline'
            ? 'mergeCommits: mainline'
            : 'the PR has no commits of its own besides merges';
        return {
            method: 'merge',
            commits: [m.sha],
            mainline: 1,
            explanation: `merge commit (${why}): picking the merge commit ${select_short(m.sha)} with -m 1`,
        };
    }
    const dropped = input.prCommits - own.length;
    const merges = dropped > 0 ? ` (leaving out ${plural(dropped, 'merge')} such as "update branch")` : '';
    return {
        method: 'merge',
        commits: own.map((c) => c.sha),
        explanation: `merge commit ${select_short(m.sha)}: picking the PR's own ${plural(own.length, 'commit')} in order${merges}`,
    };
}
/** A landed commit is a rebased copy of a PR commit: a different object with the same subject and authorship, or the same patch. */
function isRebasedCopy(landed, original) {
    if (landed.sha === original.sha)
        return false;
    const sameAuthorship = landed.subject === original.subject &&
        landed.authorEmail === original.authorEmail &&
        landed.authorDate === original.authorDate;
    const samePatch = landed.patchId !== undefined && landed.patchId === original.patchId;
    return sameAuthorship || samePatch;
}
/**
 * The newest landed commits (newest first) that are rebased copies of PR commits, stopping at the
 * first that is not. GitHub's rebase merge always writes new commits, so a landed commit that is
 * itself in the PR's history (the base it was branched from) ends the run.
 */
function rebasedRun(landed, headCommits) {
    const run = [];
    const used = new Set();
    for (const c of landed) {
        const match = headCommits.find((h) => !used.has(h.sha) && isRebasedCopy(c, h));
        if (!match)
            break;
        used.add(match.sha);
        run.push(c);
    }
    return run;
}
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Rejects source data the engine cannot work from (before any git runs). */
function assertPlannable(pr) {
    if (!Number.isInteger(pr.number) || pr.number < 1)
        throw new Error(`invalid PR number ${pr.number}`);
    if (!SHA.test(pr.mergeCommitSha))
        throw new Error(`PR #${pr.number} has no merge commit (is it merged?)`);
    if (!SHA.test(pr.headSha))
        throw new Error(`PR #${pr.number} has no valid head sha`);
    if (!Number.isInteger(pr.commits) || pr.commits < 1)
        throw new Error(`PR #${pr.number} reports ${pr.commits} commits`);
}
/**
 * Fetches what the decision needs (bounded depth, never a full clone) and decides which commits
 * to pick. The merge commit, its history and the PR head stay reachable under refs/fixline/.
 */
async function planPicks(git, pr, options) {
    assertPlannable(pr);
    const refs = sourceRefs(pr.number);
    await fetchSource(git, pr, options.remote);
    const [mergeCommit] = await (0,git_commits/* readCommits */.Fe)(git, ['--no-walk', refs.merge]);
    if (!mergeCommit)
        throw new Error(`merge commit ${pr.mergeCommitSha} of PR #${pr.number} not found after fetching`);
    const input = {
        prNumber: pr.number,
        prCommits: pr.commits,
        mergeCommit,
        mergeCommits: options.mergeCommits,
    };
    if (mergeCommit.parents.length >= 2 && options.mergeCommits === 'own-commits') {
        const [p1, p2] = mergeCommit.parents;
        await isolateOwnCommits(git, pr, options.remote, p1, p2);
        input.own = await (0,git_commits/* readCommits */.Fe)(git, ['--reverse', '--topo-order', '--no-merges', p2, `^${p1}`]);
    }
    else if (mergeCommit.parents.length === 1 && pr.commits > 1) {
        input.landed = await (0,git_commits/* readCommits */.Fe)(git, ['--first-parent', '-n', String(pr.commits), refs.merge]);
        input.headCommits = await (0,git_commits/* readCommits */.Fe)(git, [
            '--no-merges',
            '-n',
            String(pr.commits * 2),
            refs.head,
        ]);
        const ids = await (0,git_commits/* patchIds */.NG)(git, [...input.landed, ...input.headCommits].map((c) => c.sha));
        for (const c of [...input.landed, ...input.headCommits]) {
            const id = ids.get(c.sha);
            if (id !== undefined)
                c.patchId = id;
        }
    }
    return selectCommits(input);
}

;// CONCATENATED MODULE: ./src/backport/default-engine.ts



/** The real git engine. */
const defaultEngine = {
    planPicks: planPicks,
    prepareBranch: prepareBranch,
    pushBranch: pushBranch,
    remoteBranchHeads: remoteBranchHeads,
};

// EXTERNAL MODULE: ./src/errors.ts
var src_errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/markdown/escape.ts
var markdown_escape = __webpack_require__(5330);
// EXTERNAL MODULE: ./src/jobs.ts
var jobs = __webpack_require__(5995);
;// CONCATENATED MODULE: ./src/backport/engine.ts
/** The remote fixline pushes to: the checkout's origin. */
const REMOTE = 'origin';

// EXTERNAL MODULE: ./src/config/patterns.ts + 1 modules
var config_patterns = __webpack_require__(4635);
// EXTERNAL MODULE: ./src/backport/labels.ts
var backport_labels = __webpack_require__(677);
;// CONCATENATED MODULE: ./src/backport/pr.ts
/**
 * The backport PR on GitHub: finding the one an earlier run opened, opening a new one and
 * decorating it (labels, assignees, milestone, reviewers, auto-merge) as configured. Each optional
 * step costs an API call only when it is configured and has something to do.
 */




function backportBranchName(source, target) {
    return `backport/${source}-to-${target}`;
}
/** `config.backport.title` with {target}, {title} and {number} filled in. */
function backportTitle(template, values) {
    return template.replace(/\{(target|title|number)\}/g, (_m, key) => String(values[key]));
}
/**
 * Configured labels plus the source PR's labels that match copyLabels (never a backport label:
 * the backport PR's own merge must not trigger more backports), plus the conflict label.
 */
function backportLabels(config, sourceLabels, conflict) {
    const copy = config.copyLabels.flatMap((p) => (0,config_patterns/* searchPattern */.jH)(p) ?? []);
    const copied = sourceLabels.filter((l) => copy.some((re) => re.test(l)) && (0,backport_labels/* mapLabel */.jJ)(l, config.labels).kind === 'none');
    return [...new Set([...config.addLabels, ...copied, ...(conflict ? [config.conflictLabel] : [])])];
}
/** The PR an earlier run opened from `branch`: an open one first, then a merged one, then a closed one. */
async function findBackportPr(github, owner, repo, branch) {
    const pulls = await (0,github_pulls/* findPullsByHead */.Pr)(github, owner, repo, branch);
    return pulls.find((p) => p.state === 'open') ?? pulls.find((p) => p.merged) ?? pulls[0];
}
/** Opens the backport PR, then applies the configured decorations. Decoration failures become warnings. */
async function openBackportPr(input) {
    const { github, owner, repo, config, source } = input;
    const title = backportTitle(config.title, {
        target: input.target,
        title: source.source.title,
        number: source.source.number,
    });
    const warnings = [];
    const request = { owner, repo, head: input.branch, base: input.target, title, body: input.body };
    const pull = await (0,github_pulls/* createPull */.G7)(github, { ...request, draft: input.conflict }).catch(async (error) => {
        // Draft PRs are not available on every plan: fall back to a regular PR (it keeps the label).
        if (!input.conflict || !/draft/i.test(error.message))
            throw error;
        warnings.push('draft pull requests are not available in this repository: opened a regular PR');
        return (0,github_pulls/* createPull */.G7)(github, { ...request, draft: false });
    });
    const attempt = async (what, step) => {
        try {
            await step();
        }
        catch (error) {
            warnings.push(`could not ${what} on #${pull.number}: ${error.message}`);
        }
    };
    await attempt('add labels', () => (0,github_labels/* addLabels */.N)(github, owner, repo, pull.number, backportLabels(config, source.labels, input.conflict)));
    await attempt('set assignees/milestone', () => (0,github_pulls/* setAssigneesAndMilestone */.QF)(github, {
        owner,
        repo,
        number: pull.number,
        ...(config.copyAssignees ? { assignees: source.assignees } : {}),
        ...(config.copyMilestone && source.milestone !== undefined
            ? { milestone: source.milestone }
            : {}),
    }));
    if (config.requestReviewers)
        await attempt('request reviewers', () => requestOriginalReviewers(input, pull.number));
    if (config.autoMerge !== 'off' && !input.conflict) {
        const method = config.autoMerge;
        await attempt('enable auto-merge', () => (0,github_pulls/* enableAutoMerge */.D2)(github, pull.nodeId, method));
    }
    return { pull, warnings };
}
async function requestOriginalReviewers(input, number) {
    const { github, owner, repo, source } = input;
    const reviewed = await (0,github_pulls/* reviewerLogins */.I$)(github, owner, repo, source.source.number);
    const skip = new Set([input.botLogin, source.author].filter((l) => !!l));
    const reviewers = [...new Set([...source.requestedReviewers, ...reviewed])].filter((l) => !skip.has(l) && !l.endsWith('[bot]'));
    await (0,github_pulls/* requestReviewers */.i5)(github, { owner, repo, number, reviewers, teams: source.requestedTeams });
}

// EXTERNAL MODULE: ./src/markdown/bound.ts
var bound = __webpack_require__(3521);
;// CONCATENATED MODULE: ./src/backport/comment-rows.ts

const ROWS_PREFIX = '<!-- fixline:rows ';
/**
 * Most characters of the hidden rows: with the visible table (cut by `fitBody`) the comment stays
 * under GitHub's 65,536.
 */
const ROWS_MAX = 40_000;
const ROW_STATUSES = new Set([
    'created',
    'updated',
    'already-applied',
    'conflict',
    'failed',
    'skipped',
    'success',
    'failure',
    'pending',
]);
/** The rows an earlier run left in its comment (invalid entries are dropped). */
function parseCommentRows(body) {
    if (!body)
        return [];
    const start = body.lastIndexOf(ROWS_PREFIX);
    if (start < 0)
        return [];
    const end = body.indexOf(' -->', start);
    if (end < 0)
        return [];
    let data;
    try {
        data = JSON.parse(body.slice(start + ROWS_PREFIX.length, end));
    }
    catch {
        return [];
    }
    return Array.isArray(data) ? data.flatMap((d) => (isRow(d) ? [d] : [])) : [];
}
/** Earlier rows updated by newer ones (same target), in first-seen order. */
function mergeRows(earlier, newer) {
    const byTarget = new Map();
    for (const row of earlier)
        byTarget.set(row.target, row);
    for (const row of newer) {
        byTarget.delete(row.target);
        byTarget.set(row.target, row);
    }
    const order = [...earlier.map((r) => r.target), ...newer.map((r) => r.target)];
    return [...new Set(order)].map((t) => byTarget.get(t));
}
function plain(r) {
    return {
        target: r.target,
        status: r.status,
        message: (0,markdown_escape/* shorten */.ml)(r.message, markdown_escape/* CELL_MAX */.ai),
        ...(r.pullRequest ? { pullRequest: r.pullRequest } : {}),
        ...(r.error !== undefined ? { error: (0,markdown_escape/* shorten */.ml)(r.error, markdown_escape/* CELL_MAX */.ai) } : {}),
        ...(r.steps ? { steps: r.steps } : {}),
    };
}
/**
 * The hidden rows comment, at most `max` characters. Messages are kept as far as the table shows
 * them (300 characters). When the rows are still too large, parts are dropped deliberately, least
 * useful first: the manual steps of conflicts, then the error texts (the message stays), then the
 * messages, then rows without a pull request from the last, then rows with one from the last. A
 * dropped row only means that a later run's comment no longer lists it; nothing is redone for it.
 */
function hiddenRows(rows, max = ROWS_MAX) {
    const encode = (list) => `${ROWS_PREFIX}${(0,markdown_escape/* hiddenJson */.jc)(list)} -->`;
    let list = rows.map(plain);
    const steps = [
        ({ steps: _s, ...r }) => r,
        ({ error: _e, ...r }) => r,
        (r) => ({ ...r, message: '' }),
    ];
    for (const step of steps) {
        if (encode(list).length <= max)
            return encode(list);
        list = list.map(step);
    }
    // The array's length is the sum of its rows' (each escaped alike) plus commas and brackets.
    const sizes = list.map((r) => (0,markdown_escape/* hiddenJson */.jc)(r).length + 1);
    let total = encode([]).length + sizes.reduce((a, b) => a + b, 0);
    const keep = list.map(() => true);
    for (const withPr of [false, true]) {
        for (let i = list.length - 1; i >= 0 && total > max; i--) {
            if (keep[i] && !!list[i]?.pullRequest === withPr) {
                keep[i] = false;
                total -= sizes[i] ?? 0;
            }
        }
    }
    return encode(list.filter((_r, i) => keep[i]));
}
function isRow(d) {
    if (d === null || typeof d !== 'object')
        return false;
    const r = d;
    if (typeof r.target !== 'string' ||
        typeof r.message !== 'string' ||
        typeof r.status !== 'string' ||
        !ROW_STATUSES.has(r.status))
        return false;
    if (r.pullRequest !== undefined) {
        const p = r.pullRequest;
        if (!p ||
            typeof p !== 'object' ||
            !Number.isSafeInteger(p.number) ||
            typeof p.url !== 'string' ||
            !(0,markdown_escape/* isSafeLink */.K_)(p.url))
            return false;
    }
    if (r.error !== undefined && typeof r.error !== 'string')
        return false;
    if (r.steps !== undefined &&
        !(Array.isArray(r.steps) && r.steps.every((s) => typeof s === 'string')))
        return false;
    return true;
}

;// CONCATENATED MODULE: ./src/backport/report.ts




const COMMENT_MARKER = '<!-- fixline:backport-comment -->';
/** The hidden marker of a backport PR's body; the target on one line, with no `--` to end it early. */
function backportMarker(source, target) {
    const safe = (0,markdown_escape/* oneLine */.TN)(target).replace(/\s/g, '_').replace(/--+/g, '-');
    return `<!-- fixline:backport source=${source} target=${safe} -->`;
}
const STATUS_TEXT = {
    created: '✅ created',
    updated: '🔁 PR already open',
    'already-applied': '✅ already applied',
    conflict: '⚠️ conflict',
    failed: '❌ failed',
    skipped: '⏭️ skipped',
    success: '✅ success',
    failure: '❌ failure',
    pending: '⏳ pending',
};
/** Rows shown in the comment's table (all of them are in the job summary). */
const COMMENT_ROWS = 100;
/** Rows shown in the job summary's table. */
const SUMMARY_ROWS = 2_000;
/** Conflicts whose manual steps the comment shows. */
const STEP_SECTIONS = 10;
/** The results table; past `max` rows, a line says how many more there are and where they are. */
function renderTable(rows, max = COMMENT_ROWS, where = 'the job summary') {
    const { shown, more } = (0,bound/* boundList */.H0)(rows, max, ` targets (${where} lists them all)`);
    const lines = ['| Target | Status | Details |', '| --- | --- | --- |'];
    for (const row of shown) {
        const pr = row.pullRequest ? `[#${row.pullRequest.number}](${row.pullRequest.url}) ` : '';
        lines.push(`| ${(0,markdown_escape/* codeSpan */.SS)(row.target, 200)} | ${STATUS_TEXT[row.status]} | ${pr}${(0,markdown_escape/* proseCell */.qy)(row.message)} |`);
    }
    if (more)
        lines.push('', more);
    return lines.join('\n');
}
/** The comment on the original PR: a table, manual steps where needed, and the rows as hidden JSON. */
function renderComment(source, rows) {
    const parts = [COMMENT_MARKER, `### fixline backports of #${source}`, '', renderTable(rows)];
    const withSteps = (0,bound/* boundList */.H0)(rows.filter((r) => r.steps && r.steps.length > 0), STEP_SECTIONS, ' conflicts to finish by hand (see the job log)');
    for (const row of withSteps.shown) {
        parts.push('', `<details><summary>Finish the backport to ${(0,markdown_escape/* codeSpan */.SS)(row.target, 200)} by hand</summary>`, '', (0,markdown_escape/* codeBlock */.DV)((row.steps ?? []).join('\n'), 'sh'), '', '</details>');
    }
    if (withSteps.more)
        parts.push('', withSteps.more);
    parts.push('', hiddenRows(rows));
    return (0,bound/* fitBody */.KM)(parts.join('\n'), bound/* COMMENT_LIMIT */.W$);
}
/** Commits listed in a PR body (a PR of more than 250 commits works; its body must stay bounded). */
const BODY_COMMITS = 250;
/** Conflicting files listed in a PR body. */
const BODY_FILES = 100;
/** The backport PR's body: link to the original, the picks, conflicts and how to finish, the hidden marker. */
function renderPrBody(input) {
    const { source, target, plan, outcome } = input;
    const lines = [`Backport of #${source.number} to ${(0,markdown_escape/* codeSpan */.SS)(target)}.`];
    if (input.requestIssue !== undefined)
        lines.push('', `Requested in #${input.requestIssue}.`);
    lines.push('', `**Commit selection:** ${(0,markdown_escape/* prose */.CS)(plan.explanation)}`);
    const commits = outcome.status === 'picked' ? outcome.commits : outcome.applied;
    const picked = commits.filter((c) => c.result !== undefined);
    const empty = commits.filter((c) => c.result === undefined);
    if (picked.length > 0)
        lines.push('', 'Cherry-picked (`git cherry-pick -x`):', ...commitList(picked));
    if (empty.length > 0)
        lines.push('', `Already on ${(0,markdown_escape/* codeSpan */.SS)(target)} (the pick came out empty):`, ...commitList(empty));
    if (outcome.status === 'conflict')
        lines.push('', ...conflictSection(target, outcome));
    lines.push('', backportMarker(source.number, target));
    return (0,bound/* fitBody */.KM)(lines.join('\n'), bound/* COMMENT_LIMIT */.W$);
}
function commitList(commits) {
    const { shown, more } = (0,bound/* boundList */.H0)(commits, BODY_COMMITS, ' commits');
    return [...shown.map(commitLine), ...(more ? [`- ${more}`] : [])];
}
function commitLine(c) {
    const result = c.result ? ` -> ${c.result.slice(0, 12)}` : '';
    return `- ${c.source.slice(0, 12)}${result} ${(0,markdown_escape/* inline */.mG)(c.subject, 200)}`;
}
function conflictSection(target, outcome) {
    const lines = [
        '> [!WARNING]',
        `> Cherry-picking ${outcome.failed.sha.slice(0, 12)} (${(0,markdown_escape/* inline */.mG)(outcome.failed.subject, 200)}) onto ${(0,markdown_escape/* codeSpan */.SS)(target)} conflicted.`,
    ];
    if (outcome.markersCommitted)
        lines.push('> The last commit on this branch holds its conflict markers: resolve them before merging.');
    const files = (0,bound/* boundList */.H0)(outcome.conflictingFiles, BODY_FILES, ' files');
    lines.push('', 'Conflicting files:', ...files.shown.map((f) => `- ${(0,markdown_escape/* codeSpan */.SS)(f)}`));
    if (files.more)
        lines.push(`- ${files.more}`);
    if (outcome.remaining.length > 0) {
        const remaining = (0,bound/* boundList */.H0)(outcome.remaining, 50, ' commits');
        const list = remaining.shown.map((sha) => sha.slice(0, 12)).join(', ');
        lines.push('', `Not yet applied: ${list}${remaining.more ? ` ${remaining.more}` : ''}`);
    }
    lines.push('', 'To finish by hand:', '', (0,markdown_escape/* codeBlock */.DV)(outcome.resumeCommands.join('\n'), 'sh'));
    return lines;
}
/** The job summary: a heading, notes (warnings), the same table as the comment with every row. */
function renderSummary(source, rows, notes = []) {
    const parts = [`## fixline backports of #${source}`, ''];
    for (const note of notes)
        parts.push((0,markdown_escape/* prose */.CS)(note), '');
    parts.push(rows.length > 0 ? renderTable(rows, SUMMARY_ROWS, 'the `results` output') : 'No targets.', '');
    return parts.join('\n');
}

;// CONCATENATED MODULE: ./src/backport/validate.ts

/**
 * Checks requested targets before any git work: a valid branch name (git check-ref-format), a
 * configured release line, not the PR's own base, and present on the remote (one ls-remote for
 * every target and every backport branch). Rejections become failed rows with an actionable message.
 */



async function validateTargets(deps, engine, input) {
    const rows = [];
    const named = [];
    for (const request of input.requests) {
        const rejection = await checkRequest(deps, input, request);
        if (rejection)
            rows.push(rejection);
        else
            named.push(request);
    }
    if (named.length === 0)
        return { valid: [], rows };
    const existing = await checkOnRemote(deps, engine, input.source, named);
    return { valid: existing.valid, rows: [...rows, ...existing.rows] };
}
/**
 * Checks one request without the remote: valid branch names (the target and its backport branch),
 * not the PR's own base (already applied), a configured release line. Undefined when it passes.
 */
async function checkRequest(deps, input, request) {
    const why = prefix(request);
    try {
        await (0,refs/* assertValidBranchName */.Qd)(deps.git, request.target);
        await (0,refs/* assertValidBranchName */.Qd)(deps.git, backportBranchName(input.source, request.target));
    }
    catch (error) {
        return failed(request.target, `${why}${error.message}`);
    }
    if (request.target === input.baseRef)
        return {
            target: request.target,
            status: 'already-applied',
            message: `${why}#${input.source} was merged into ${request.target} itself`,
        };
    // The default branch (an API call when the payload lacks it) is looked up only when no pattern matches.
    const patterns = (0,config_patterns/* lineMatcher */.TK)(deps.config.lines.patterns)(request.target);
    if (!patterns && !(0,config_patterns/* isReleaseLine */.Wc)(request.target, deps.config.lines, await input.defaultBranch()))
        return failed(request.target, `${why}branch ${request.target} is not a release line (see lines.patterns in the config)`);
    return undefined;
}
/** One ls-remote for every target and its backport branch: missing targets fail, the rest are valid. */
async function checkOnRemote(deps, engine, source, named) {
    const branches = named.flatMap((r) => [r.target, backportBranchName(source, r.target)]);
    let heads;
    try {
        heads = await engine.remoteBranchHeads(deps.git, REMOTE, branches);
    }
    catch (error) {
        const message = `cannot list the branches of ${REMOTE}: ${error.message}`;
        return { valid: [], rows: named.map((r) => failed(r.target, `${prefix(r)}${message}`)) };
    }
    const valid = [];
    const rows = [];
    for (const request of named) {
        if (!heads.has(request.target)) {
            rows.push(failed(request.target, `${prefix(request)}branch ${request.target} does not exist on ${REMOTE}`));
            continue;
        }
        const branch = backportBranchName(source, request.target);
        valid.push({ ...request, branch, existingHead: heads.get(branch) });
    }
    return { valid, rows };
}
function prefix(request) {
    return request.label !== undefined ? `label ${request.label}: ` : '';
}
function failed(target, message) {
    return { target, status: 'failed', message, error: message };
}

;// CONCATENATED MODULE: ./src/backport/run-targets.ts

/**
 * Backports one merged PR to validated targets, each in its own try/catch, then reports once:
 * the comment on the original PR (rows merged with an earlier run's), the job summary, the outcome.
 */






async function backportTargets(deps, engine, pull, selection, options) {
    const source = pull.source;
    const rows = selection.rejected.map((r) => failed(r.target, r.message));
    const validation = await validateTargets(deps, engine, {
        source: source.number,
        baseRef: source.baseRef,
        requests: selection.targets,
        defaultBranch: options.defaultBranch,
    });
    rows.push(...validation.rows);
    for (const row of validation.rows)
        deps.log.info(`${row.target}: ${row.status}: ${row.message}`);
    const ctx = {
        deps,
        engine,
        pull,
        plan: once(() => planAndLog(deps, engine, pull)),
        options,
        created: [],
    };
    for (const target of validation.valid) {
        let row;
        try {
            row = await backportOne(ctx, target);
        }
        catch (error) {
            if (error instanceof Error && error.cause instanceof Error)
                deps.log.debug(`${target.target}: ${error.message}; caused by: ${error.cause.message}`);
            row = failed(target.target, `${target.label !== undefined ? `label ${target.label}: ` : ''}${(0,src_errors/* messageOf */.b)(error)}`);
        }
        deps.log.info(`${row.target}: ${row.status}: ${row.message}`);
        rows.push(row);
    }
    const ordered = inRequestOrder(rows, selection.targets);
    return run_targets_outcome(source.number, ordered, ctx.created, await reportOnPr(deps, source.number, ordered));
}
/** Rejected labels/arguments first, then the targets in the order they were asked for. */
function inRequestOrder(rows, targets) {
    const index = (row) => targets.findIndex((t) => t.target === row.target);
    return [...rows].sort((a, b) => index(a) - index(b));
}
async function planAndLog(deps, engine, pull) {
    const plan = await engine.planPicks(deps.git, pull.source, {
        mergeCommits: deps.config.backport.mergeCommits,
        remote: REMOTE,
    });
    deps.log.info(`commit selection for #${pull.source.number}: ${plan.explanation} (${plan.commits.map((c) => c.slice(0, 12)).join(', ')})`);
    return plan;
}
/** What an earlier run left: its PR (open, merged or closed) decides; no PR means rebuild and force-push. */
async function existingBranchRow(ctx, target) {
    const { deps } = ctx;
    const existing = await findBackportPr(deps.github, deps.ctx.owner, deps.ctx.repo, target.branch);
    if (!existing)
        return undefined;
    const pullRequest = { number: existing.number, url: existing.url };
    const row = (status, message) => ({
        target: target.target,
        status,
        message,
        pullRequest,
    });
    if (existing.state === 'open')
        return row('updated', `backport PR already open from ${target.branch}; nothing pushed`);
    if (existing.merged)
        return row('already-applied', `the backport PR was merged into ${target.target}`);
    return row('skipped', `backport PR #${existing.number} was closed without merging; to retry, delete the branch ${target.branch} and run again (for example comment \`/backport ${target.target}\`)`);
}
async function backportOne(ctx, target) {
    const { deps, pull } = ctx;
    const force = target.existingHead !== undefined;
    if (force) {
        const earlier = await existingBranchRow(ctx, target);
        if (earlier)
            return earlier;
    }
    const plan = await ctx.plan();
    const request = {
        pr: pull.source,
        target: target.target,
        branch: target.branch,
        plan,
        remote: REMOTE,
    };
    const outcome = await ctx.engine.prepareBranch(deps.git, request, {
        conflicts: deps.config.backport.conflicts,
    });
    if (outcome.status === 'already-applied')
        return {
            target: target.target,
            status: 'already-applied',
            message: `every commit is already on ${target.target} (the picks came out empty)`,
        };
    if (deps.dryRun)
        return dryRunRow(target, outcome);
    if (outcome.status === 'conflict' && !outcome.markersCommitted)
        return conflictCommentRow(target, outcome);
    await ctx.engine.pushBranch(deps.git, REMOTE, target.branch, force ? { force, expectedSha: target.existingHead } : { force });
    return openPr(ctx, target, plan, outcome);
}
async function openPr(ctx, target, plan, outcome) {
    const opened = await openOrFindPr(ctx, target, prBody(ctx, target, plan, outcome), outcome);
    if (!('warnings' in opened))
        return {
            target: target.target,
            status: 'updated',
            message: `backport PR already open from ${target.branch} (opened concurrently)`,
            pullRequest: { number: opened.number, url: opened.url },
        };
    const { pull: created, warnings } = opened;
    if (created.recovered)
        ctx.deps.log.info(`${target.target}: GitHub's answer to opening the PR was lost; found #${created.number}, which this run opened`);
    for (const warning of warnings)
        ctx.deps.log.warning(warning);
    ctx.created.push({
        number: created.number,
        url: created.url,
        target: target.target,
        draft: created.draft,
    });
    return createdRow(target, outcome, { number: created.number, url: created.url }, warnings);
}
function prBody(ctx, target, plan, outcome) {
    const { requestIssue } = ctx.options;
    return renderPrBody({
        source: { number: ctx.pull.source.number, title: ctx.pull.source.title },
        target: target.target,
        plan,
        outcome,
        ...(requestIssue !== undefined ? { requestIssue } : {}),
    });
}
/** Opens the backport PR; when a concurrent run opened it first, returns that open PR instead. */
async function openOrFindPr(ctx, target, body, outcome) {
    const { deps, pull } = ctx;
    return openBackportPr({
        github: deps.github,
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
        config: deps.config.backport,
        source: pull,
        target: target.target,
        branch: target.branch,
        body,
        conflict: outcome.status === 'conflict',
        botLogin: deps.botLogin,
    }).catch(async (error) => {
        // A concurrent run (the same delivery twice, or merge and label at once) opened it first.
        if (!/already exists/i.test((0,src_errors/* messageOf */.b)(error)))
            throw error;
        const existing = await findBackportPr(deps.github, deps.ctx.owner, deps.ctx.repo, target.branch);
        if (existing?.state !== 'open')
            throw error;
        return existing;
    });
}
/** The row for a PR this run opened: a conflict (draft with markers) or the picked commits. */
function createdRow(target, outcome, pullRequest, warnings) {
    const extra = warnings.length > 0 ? ` (${warnings.join('; ')})` : '';
    if (outcome.status === 'conflict') {
        const files = outcome.conflictingFiles.join(', ');
        return {
            target: target.target,
            status: 'conflict',
            message: `draft PR with conflict markers in ${files}; resolve them on ${target.branch}${extra}`,
            pullRequest,
        };
    }
    const picked = outcome.commits.filter((c) => c.result !== undefined).length;
    return {
        target: target.target,
        status: 'created',
        message: `${picked} commit(s) cherry-picked${extra}`,
        pullRequest,
    };
}
function conflictCommentRow(target, outcome) {
    return {
        target: target.target,
        status: 'conflict',
        message: `cherry-picking ${outcome.failed.sha.slice(0, 12)} conflicted in ${outcome.conflictingFiles.join(', ')}; no PR opened: finish by hand with the steps below`,
        steps: outcome.resumeCommands,
    };
}
function dryRunRow(target, outcome) {
    if (outcome.status === 'conflict')
        return {
            target: target.target,
            status: 'conflict',
            message: `dry run: would conflict in ${outcome.conflictingFiles.join(', ')}; nothing pushed`,
            steps: outcome.resumeCommands,
        };
    return {
        target: target.target,
        status: 'pending',
        message: `dry run: would push ${target.branch} (${outcome.commits.length} commit(s)) and open a PR`,
    };
}
/** Updates the one comment on the original PR. */
async function reportOnPr(deps, source, rows) {
    if (rows.length === 0)
        return { notes: [] };
    if (deps.dryRun)
        return { notes: ['Dry run: no branch pushed, no pull request opened, no comment posted.'] };
    try {
        await (0,comments/* upsertMarkedComment */.Zd)(deps.github, {
            owner: deps.ctx.owner,
            repo: deps.ctx.repo,
            issue: source,
            ...(0,jobs/* commentIdentity */.M)(deps, COMMENT_MARKER),
            body: (existing) => renderComment(source, mergeRows(parseCommentRows(existing), rows)),
        });
        return { notes: [] };
    }
    catch (error) {
        const failure = `could not write the backport comment on #${source}, so nobody on the PR sees these results: ${(0,src_errors/* messageOf */.b)(error)}`;
        deps.log.error(failure);
        return { notes: [`${failure}. The results are below.`], failure };
    }
}
function run_targets_outcome(source, rows, created, report = { notes: [] }) {
    const conclusion = rows.some((r) => r.status === 'failed') || report.failure !== undefined
        ? 'failure'
        : rows.some((r) => r.status === 'conflict')
            ? 'neutral'
            : rows.length === 0
                ? 'skipped'
                : 'success';
    const results = rows.map(({ steps: _steps, ...row }) => row);
    if (report.failure !== undefined)
        results.push({
            target: `comment on #${source}`,
            status: 'failed',
            message: report.failure,
            error: report.failure,
        });
    return {
        job: 'backport',
        results,
        createdPullRequests: created,
        conclusion,
        summary: renderSummary(source, rows, report.notes),
    };
}
function once(fn) {
    let promise;
    return () => (promise ??= fn());
}

;// CONCATENATED MODULE: ./src/backport/source.ts

const source_SHA = /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/;
/** Parses a PR object; undefined (with the reason) when a field the job needs is missing or malformed. */
function parsePull(raw) {
    const pr = (0,payload/* obj */.WL)(raw);
    if (!pr)
        return { problem: 'the pull request data is missing' };
    const number = pr.number;
    const title = pr.title;
    const baseRef = (0,payload/* obj */.WL)(pr.base)?.ref;
    const headSha = (0,payload/* obj */.WL)(pr.head)?.sha;
    const merged = pr.merged === true || (typeof pr.merged_at === 'string' && pr.merged_at.length > 0);
    const mergeSha = pr.merge_commit_sha;
    const commits = pr.commits;
    if (typeof number !== 'number' || !Number.isSafeInteger(number))
        return { problem: 'the pull request has no number' };
    if (typeof title !== 'string' ||
        typeof baseRef !== 'string' ||
        typeof headSha !== 'string' ||
        !source_SHA.test(headSha))
        return { problem: `PR #${number}: title, base branch or head commit missing` };
    if (merged && (typeof mergeSha !== 'string' || !source_SHA.test(mergeSha)))
        return { problem: `PR #${number} is merged but has no merge commit` };
    if (merged && (typeof commits !== 'number' || !Number.isSafeInteger(commits) || commits < 1))
        return { problem: `PR #${number}: the number of commits is missing` };
    return {
        pull: {
            source: {
                number,
                title,
                baseRef,
                headSha,
                mergeCommitSha: merged ? mergeSha : '',
                commits: typeof commits === 'number' ? commits : 0,
            },
            merged,
            state: typeof pr.state === 'string' ? pr.state : 'open',
            url: typeof pr.html_url === 'string' ? pr.html_url : '',
            author: (0,payload/* str */.gx)((0,payload/* obj */.WL)(pr.user)?.login) ?? '',
            labels: names(pr.labels, 'name'),
            assignees: names(pr.assignees, 'login'),
            milestone: typeof (0,payload/* obj */.WL)(pr.milestone)?.number === 'number'
                ? (0,payload/* obj */.WL)(pr.milestone)?.number
                : undefined,
            requestedReviewers: names(pr.requested_reviewers, 'login'),
            requestedTeams: names(pr.requested_teams, 'slug'),
        },
    };
}
/** Whether the payload PR has every field the job needs (else it asks the API once). */
function isComplete(raw) {
    const pr = (0,payload/* obj */.WL)(raw);
    return (pr !== undefined &&
        'commits' in pr &&
        'merge_commit_sha' in pr &&
        'labels' in pr &&
        'merged' in pr);
}
function names(list, key) {
    if (!Array.isArray(list))
        return [];
    return list.flatMap((item) => {
        const value = (0,payload/* obj */.WL)(item)?.[key];
        return typeof value === 'string' && value.length > 0 ? [value] : [];
    });
}

;// CONCATENATED MODULE: ./src/backport/triggers.ts


function planTrigger(trigger, pr, rules, prNumber) {
    const notMerged = `PR #${prNumber} is not merged: there is nothing to backport yet`;
    switch (trigger.type) {
        case 'merged':
            if (!pr.merged)
                return { action: 'skip', reason: notMerged, tell: false, failed: false };
            return fromSelection(targetsFromLabels(pr.labels, rules), `PR #${prNumber} has no backport labels`, false);
        case 'labeled': {
            if (!pr.merged)
                return { action: 'skip', reason: notMerged, tell: false, failed: false };
            const mapped = (0,backport_labels/* mapLabel */.jJ)(trigger.label, rules);
            if (mapped.kind === 'none')
                return {
                    action: 'skip',
                    reason: `label "${(0,refs/* printable */.g$)(trigger.label)}" is not a backport label`,
                    tell: false,
                    failed: false,
                };
            if (mapped.kind === 'invalid')
                return {
                    action: 'backport',
                    targets: [],
                    rejected: [{ target: trigger.label, message: mapped.message }],
                };
            return {
                action: 'backport',
                targets: [{ target: mapped.branch, label: mapped.label }],
                rejected: [],
            };
        }
        case 'comment':
            return planComment(trigger.targets, pr, rules, prNumber);
        case 'dispatch':
            if (!pr.merged)
                return { action: 'skip', reason: notMerged, tell: true, failed: true };
            return fromSelection(trigger.targets.length > 0
                ? targetsFromArgs(trigger.targets)
                : targetsFromLabels(pr.labels, rules), `PR #${prNumber} has no backport labels and no targets were given`, true);
    }
}
function planComment(args, pr, rules, prNumber) {
    if (pr.merged) {
        return fromSelection(args.length > 0 ? targetsFromArgs(args) : targetsFromLabels(pr.labels, rules), `PR #${prNumber} has no backport labels: name the target branches, e.g. \`/backport 1.x 2.x\``, true);
    }
    if (pr.state !== 'open')
        return {
            action: 'skip',
            reason: `PR #${prNumber} was closed without being merged: there is nothing to backport`,
            tell: true,
            failed: false,
        };
    if (args.length === 0)
        return {
            action: 'skip',
            reason: 'name the target branches, e.g. `/backport 1.x 2.x`',
            tell: true,
            failed: false,
        };
    const selection = targetsFromArgs(args);
    const labels = [];
    const rejected = [...selection.rejected];
    for (const { target } of selection.targets) {
        const label = (0,backport_labels/* labelForTarget */.vT)(target, rules);
        if (label === undefined)
            rejected.push({
                target,
                message: `no rule in backport.labels produces a label for branch ${target}: add a rule, or backport after the merge with \`/backport ${target}\``,
            });
        else
            labels.push({ target, label });
    }
    return { action: 'add-labels', labels, rejected };
}
function fromSelection(selection, emptyReason, tell) {
    if (selection.targets.length === 0 && selection.rejected.length === 0)
        return { action: 'skip', reason: emptyReason, tell, failed: false };
    return { action: 'backport', ...selection };
}
/** Every label that a rule maps to a branch, deduplicated by branch (first label wins). */
function targetsFromLabels(labels, rules) {
    const targets = [];
    const rejected = [];
    for (const label of labels) {
        const mapped = (0,backport_labels/* mapLabel */.jJ)(label, rules);
        if (mapped.kind === 'invalid')
            rejected.push({ target: label, message: mapped.message });
        else if (mapped.kind === 'target' && !targets.some((t) => t.target === mapped.branch))
            targets.push({ target: mapped.branch, label });
    }
    return { targets, rejected };
}
/** Branch names given as arguments (`/backport 1.x 2.x`, dispatch input), deduplicated. */
function targetsFromArgs(args) {
    const targets = [];
    const rejected = [];
    for (const arg of args) {
        if (!(0,backport_labels/* isBranchName */.Q8)(arg))
            rejected.push({
                target: (0,refs/* printable */.g$)(arg),
                message: `"${(0,refs/* printable */.g$)(arg)}" is not a valid branch name`,
            });
        else if (!targets.some((t) => t.target === arg))
            targets.push({ target: arg });
    }
    return { targets, rejected };
}

;// CONCATENATED MODULE: ./src/backport/job.ts












async function runBackportJob(deps, trigger, hooks = {}, engine = defaultEngine) {
    if (trigger.type === 'comment') {
        const refusal = await checkCommandPermission(deps, trigger);
        if (refusal)
            return refusal;
    }
    const loaded = await loadPull(deps, trigger.pr, trigger.type === 'merged' || trigger.type === 'labeled');
    if ('problem' in loaded)
        return run_targets_outcome(trigger.pr, [failed(`#${trigger.pr}`, loaded.problem)], []);
    const pull = loaded.pull;
    const planned = planTrigger(trigger, { merged: pull.merged, state: pull.state, labels: pull.labels }, deps.config.backport.labels, trigger.pr);
    const plan = trigger.type === 'comment' && hooks.holdForApproval
        ? await hooks.holdForApproval(deps, trigger.pr, trigger.user, planned)
        : planned;
    const defaultBranch = defaultBranchLookup(deps);
    switch (plan.action) {
        case 'skip':
            return skip(deps, trigger, plan);
        case 'add-labels':
            return labelOpenPr(deps, engine, pull, plan, defaultBranch);
        case 'backport':
            return backportTargets(deps, engine, pull, plan, { defaultBranch });
    }
}
/**
 * Backports `prNumber` to the given target branches with the same engine (used by the
 * backport-requests job for approved requests). The PR must be merged.
 */
async function runBackportTargets(deps, prNumber, targets, options = {}, engine = defaultEngine) {
    const loaded = await loadPull(deps, prNumber, false);
    if ('problem' in loaded)
        return run_targets_outcome(prNumber, [failed(`#${prNumber}`, loaded.problem)], []);
    if (!loaded.pull.merged)
        return run_targets_outcome(prNumber, targets.map((t) => failed(t, `PR #${prNumber} is not merged: there is nothing to backport yet`)), []);
    return backportTargets(deps, engine, loaded.pull, targetsFromArgs(targets), {
        defaultBranch: defaultBranchLookup(deps),
        ...(options.requestIssue !== undefined ? { requestIssue: options.requestIssue } : {}),
    });
}
/** The PR from the event payload when it carries it (pull_request events), else one pulls.get. */
async function loadPull(deps, number, fromPayload) {
    const payloadPr = deps.ctx.payload.pull_request;
    if (fromPayload && isComplete(payloadPr) && payloadPr.number === number)
        return parsePull(payloadPr);
    try {
        return parsePull(await (0,github_pulls/* getPullRaw */.yR)(deps.github, deps.ctx.owner, deps.ctx.repo, number));
    }
    catch (error) {
        return { problem: `cannot read PR #${number}: ${(0,src_errors/* messageOf */.b)(error)}` };
    }
}
/** The default branch from the payload's repository, else one repos.get; asked only when needed. */
function defaultBranchLookup(deps) {
    let cached;
    return () => (cached ??= (async () => {
        const fromPayload = (0,payload/* payloadDefaultBranch */.yJ)(deps.ctx.payload);
        if (fromPayload !== undefined)
            return fromPayload;
        const { data } = await deps.github.rest.repos.get({
            owner: deps.ctx.owner,
            repo: deps.ctx.repo,
        });
        return data.default_branch;
    })());
}
/** Write, maintain or admin through the collaborator-permission API; refused users get a reply. */
async function checkCommandPermission(deps, trigger) {
    const permission = await (0,permissions/* collaboratorPermission */.o)(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.user);
    if ((0,permissions/* hasPermission */._)(permission, 'write'))
        return undefined;
    const message = `@${trigger.user} needs write permission on this repository to run \`/backport\` (has: ${permission}); nothing was done`;
    deps.log.warning(message);
    if (!deps.dryRun)
        await replyTo(deps, trigger, message);
    const row = { target: '/backport', status: 'skipped', message };
    return { ...run_targets_outcome(trigger.pr, [row], []), conclusion: 'skipped' };
}
async function skip(deps, trigger, plan) {
    deps.log.info(`nothing to backport: ${plan.reason}`);
    if (plan.failed)
        return run_targets_outcome(trigger.pr, [failed(`#${trigger.pr}`, plan.reason)], []);
    if (plan.tell && trigger.type === 'comment' && !deps.dryRun)
        await replyTo(deps, trigger, `\`/backport\`: ${(0,markdown_escape/* prose */.CS)(plan.reason, 2_000)}.`);
    return {
        ...run_targets_outcome(trigger.pr, [], []),
        summary: `fixline (backport): ${(0,markdown_escape/* prose */.CS)(plan.reason, 2_000)}\n`,
    };
}
/** `/backport 1.x` on an open PR: label it so that the merge triggers the backports. */
async function labelOpenPr(deps, engine, pull, plan, defaultBranch) {
    const number = pull.source.number;
    const rows = plan.rejected.map((r) => failed(r.target, r.message));
    const validation = await validateTargets(deps, engine, {
        source: number,
        baseRef: pull.source.baseRef,
        requests: plan.labels.map((l) => ({ target: l.target })),
        defaultBranch,
    });
    rows.push(...validation.rows);
    const labels = plan.labels.filter((l) => validation.valid.some((v) => v.target === l.target));
    for (const { target, label } of labels)
        rows.push({
            target,
            status: 'pending',
            message: `label ${label} added: the backport to ${target} runs when #${number} is merged`,
        });
    for (const row of rows)
        deps.log.info(`${row.target}: ${row.status}: ${row.message}`);
    if (!deps.dryRun && labels.length > 0) {
        try {
            await (0,github_labels/* addLabels */.N)(deps.github, deps.ctx.owner, deps.ctx.repo, number, labels.map((l) => l.label));
        }
        catch (error) {
            const message = `could not add the labels ${labels.map((l) => l.label).join(', ')}: ${(0,src_errors/* messageOf */.b)(error)}`;
            for (const row of rows)
                if (row.status === 'pending')
                    Object.assign(row, failed(row.target, message));
        }
    }
    return run_targets_outcome(number, rows, [], await reportOnPr(deps, number, rows));
}
/** fixline's one reply to a `/backport` comment (a re-delivery or a lost answer posts no second). */
async function replyTo(deps, trigger, body) {
    await (0,comments/* replyOnce */.iv)(deps.github, {
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
        issue: trigger.pr,
        key: `backport-${trigger.commentId}`,
        body,
        author: deps.botLogin,
        warn: (m) => deps.log.warning(m),
    });
}


/***/ }),

/***/ 677:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q8: () => (/* binding */ isBranchName),
/* harmony export */   jJ: () => (/* binding */ mapLabel),
/* harmony export */   vT: () => (/* binding */ labelForTarget)
/* harmony export */ });
/* unused harmony exports parseTemplate, renderBranchTemplate, solveTemplate, exampleForPattern */
/* harmony import */ var _config_patterns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4635);
/* harmony import */ var _git_refs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8568);


/** Splits a branch template into literals and `{name}` / `{1}` placeholders. `{{` and `}}` are literal braces. */
function parseTemplate(template) {
    const parts = [];
    let literal = '';
    for (let i = 0; i < template.length; i++) {
        const ch = template[i];
        const next = template[i + 1];
        if ((ch === '{' && next === '{') || (ch === '}' && next === '}')) {
            literal += ch;
            i++;
        }
        else if (ch === '{') {
            const end = template.indexOf('}', i);
            const name = end < 0 ? '' : template.slice(i + 1, end);
            if (!/^(?:\d+|[A-Za-z_$][\w$]*)$/.test(name))
                throw new Error(`branch template "${template}" has a bad placeholder at position ${i + 1}`);
            if (literal)
                parts.push({ literal });
            literal = '';
            parts.push({ group: name });
            i = end;
        }
        else {
            literal += ch;
        }
    }
    if (literal)
        parts.push({ literal });
    return parts;
}
/** Fills a template from a regex match; throws when a placeholder names a group the match lacks. */
function renderBranchTemplate(template, match) {
    return parseTemplate(template)
        .map((part) => {
        if ('literal' in part)
            return part.literal;
        const value = /^\d+$/.test(part.group)
            ? match[Number(part.group)]
            : match.groups?.[part.group];
        if (value === undefined)
            throw new Error(`the pattern does not capture {${part.group}}`);
        return value;
    })
        .join('');
}
/** Maps one label through the rules, first matching rule wins. */
function mapLabel(label, rules) {
    for (const [index, rule] of rules.entries()) {
        const match = (0,_config_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .wholeName */ .fC)(rule.pattern)?.exec(label);
        if (!match)
            continue;
        let branch;
        try {
            branch = renderBranchTemplate(rule.branch, match);
        }
        catch (error) {
            return {
                kind: 'invalid',
                label,
                rule: index,
                message: `label ${(0,_git_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(label)}: backport.labels[${index}]: ${error.message}`,
            };
        }
        if (!isBranchName(branch))
            return {
                kind: 'invalid',
                label,
                rule: index,
                message: `label ${(0,_git_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(label)}: "${(0,_git_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(branch)}" is not a valid branch name`,
            };
        return { kind: 'target', label, branch, rule: index };
    }
    return { kind: 'none', label };
}
/**
 * The pure ref-name check plus git's per-component rules (no component starting with a dot or
 * ending in `.lock`, no empty component, not `@`), so that what passes here also passes
 * `git check-ref-format --branch`, which the job runs as well.
 */
function isBranchName(name) {
    if (!(0,_git_refs_js__WEBPACK_IMPORTED_MODULE_1__/* .isPlausibleRefName */ .qf)(name) || name === '@')
        return false;
    return name
        .split('/')
        .every((part) => part.length > 0 && !part.startsWith('.') && !part.endsWith('.lock'));
}
/**
 * A label that the rules map to `target` (for `/backport <target>` on an open PR), or undefined
 * when no rule can produce one. Every candidate is checked by mapping it forward.
 */
function labelForTarget(target, rules) {
    for (const [index, rule] of rules.entries()) {
        for (const candidate of candidatesFor(target, rule)) {
            const mapped = mapLabel(candidate, rules);
            if (mapped.kind === 'target' && mapped.rule === index && mapped.branch === target)
                return candidate;
        }
    }
    return undefined;
}
function candidatesFor(target, rule) {
    const out = [];
    for (const values of solveTemplate(rule.branch, target)) {
        const example = exampleForPattern(rule.pattern, values);
        if (example !== undefined)
            out.push(example);
    }
    out.push(`backport-${target}`, `backport ${target}`, target);
    return [...new Set(out)];
}
/** Longest target solveTemplate tries, and its step budget: a `/backport` comment is outside input. */
const SOLVE_MAX_TARGET = 1024;
const SOLVE_MAX_STEPS = 10_000;
/**
 * The group values that make `template` render to `target`: the first solution with the shortest
 * groups first, or none. A depth-first search over the template's parts with a step budget, so a
 * long or crafted target costs a bounded time (a RegExp with backreferences and lazy groups, as
 * this once was, backtracks without bound). A repeated placeholder must take the same value.
 */
function solveTemplate(template, target) {
    let parts;
    try {
        parts = parseTemplate(template);
    }
    catch {
        return [];
    }
    if (target.length > SOLVE_MAX_TARGET)
        return [];
    const values = new Map();
    let steps = 0;
    const solve = (index, pos) => {
        if (++steps > SOLVE_MAX_STEPS)
            return false;
        const part = parts[index];
        if (part === undefined)
            return pos === target.length;
        if ('literal' in part)
            return target.startsWith(part.literal, pos) && solve(index + 1, pos + part.literal.length);
        const known = values.get(part.group);
        if (known !== undefined)
            return target.startsWith(known, pos) && solve(index + 1, pos + known.length);
        // A new placeholder: one character or more, shortest first.
        for (let end = pos + 1; end <= target.length; end++) {
            values.set(part.group, target.slice(pos, end));
            if (solve(index + 1, end))
                return true;
            if (steps > SOLVE_MAX_STEPS)
                break;
        }
        values.delete(part.group);
        return false;
    };
    return solve(0, 0) ? [Object.fromEntries(values)] : [];
}
/**
 * A string the pattern would match with the given group values, generated from the pattern's
 * source for the common shapes (anchors, literals, escapes, classes, groups, alternation,
 * quantifiers). Undefined for shapes it does not know; callers verify the result anyway.
 */
function exampleForPattern(pattern, values) {
    const state = { src: pattern, pos: 0, group: 0 };
    try {
        const text = generateSequence(state, values);
        return state.pos === pattern.length ? text : undefined;
    }
    catch {
        return undefined;
    }
}
function generateSequence(s, values) {
    let out = '';
    let chosen = false;
    while (s.pos < s.src.length) {
        const ch = s.src[s.pos];
        if (ch === ')')
            break;
        if (ch === '|') {
            // First alternative wins: skip the rest of this sequence.
            chosen = true;
            s.pos++;
            skipAlternative(s);
            continue;
        }
        if (chosen)
            break;
        let atom = generateAtom(s, values);
        const q = s.src[s.pos];
        if (q === '?' || q === '*') {
            s.pos++;
            atom = '';
        }
        else if (q === '+') {
            s.pos++;
        }
        else if (q === '{') {
            const m = /^\{(\d+)(?:,\d*)?\}/.exec(s.src.slice(s.pos));
            if (!m)
                throw new Error('quantifier');
            s.pos += m[0].length;
            atom = atom.repeat(Number(m[1]));
        }
        if (s.src[s.pos] === '?')
            s.pos++; // lazy quantifier
        out += atom;
    }
    return out;
}
function skipAlternative(s) {
    let depth = 0;
    while (s.pos < s.src.length) {
        const ch = s.src[s.pos];
        if (ch === '\\')
            s.pos += 2;
        else if (ch === '[')
            skipClass(s);
        else {
            if (ch === '(') {
                depth++;
                if ((s.src.startsWith('(?<', s.pos) || s.src.startsWith('(?P<', s.pos)) &&
                    !s.src.startsWith('(?<=', s.pos) &&
                    !s.src.startsWith('(?<!', s.pos))
                    s.group++;
                else if (!s.src.startsWith('(?', s.pos))
                    s.group++;
            }
            else if (ch === ')') {
                if (depth === 0)
                    return;
                depth--;
            }
            s.pos++;
        }
    }
}
function skipClass(s) {
    const start = s.pos;
    s.pos++;
    if (s.src[s.pos] === '^')
        throw new Error('negated class');
    let first;
    while (s.pos < s.src.length && s.src[s.pos] !== ']') {
        let ch = s.src[s.pos];
        if (ch === '\\') {
            ch = unescapeChar(s.src[s.pos + 1] ?? '');
            s.pos++;
        }
        first ??= ch;
        s.pos++;
    }
    if (s.src[s.pos] !== ']' || first === undefined || start === s.pos)
        throw new Error('class');
    s.pos++;
    return first;
}
function generateAtom(s, values) {
    const ch = s.src[s.pos];
    if (ch === '^' || ch === '$') {
        s.pos++;
        return '';
    }
    if (ch === '\\') {
        const next = s.src[s.pos + 1] ?? '';
        s.pos += 2;
        if (/[bB]/.test(next))
            return '';
        return unescapeChar(next);
    }
    if (ch === '[')
        return skipClass(s);
    if (ch === '(')
        return generateGroup(s, values);
    if (ch === '.') {
        s.pos++;
        return 'x';
    }
    s.pos++;
    return ch;
}
function generateGroup(s, values) {
    const rest = s.src.slice(s.pos);
    let name;
    if (rest.startsWith('(?:'))
        s.pos += 3;
    else if (/^\(\?[=!]|^\(\?<[=!]/.test(rest))
        throw new Error('lookaround');
    else if (rest.startsWith('(?<') || rest.startsWith('(?P<')) {
        // `(?P<name>...)` is RE2's spelling of a named group.
        const m = /^\(\?P?<([A-Za-z_$][\w$]*)>/.exec(rest);
        if (!m?.[1])
            throw new Error('group name');
        name = m[1];
        s.pos += m[0].length;
        s.group++;
    }
    else {
        s.pos++;
        s.group++;
    }
    const number = String(s.group);
    const capturing = name !== undefined || !rest.startsWith('(?');
    const inner = generateSequence(s, values);
    if (s.src[s.pos] !== ')')
        throw new Error('unclosed group');
    s.pos++;
    if (!capturing)
        return inner;
    return (name !== undefined ? values[name] : undefined) ?? values[number] ?? inner;
}
function unescapeChar(ch) {
    if (ch === 'd')
        return '0';
    if (ch === 'w')
        return 'x';
    if (ch === 's')
        return ' ';
    if (ch === 'S' || ch === 'D' || ch === 'W')
        return 'x';
    if (ch === 'n' || ch === 't' || ch === 'r')
        throw new Error('control');
    return ch;
}


/***/ }),

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

/***/ 4633:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   U: () => (/* binding */ createOnce)
/* harmony export */ });
/* harmony import */ var _failures_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8112);

/**
 * Creates something exactly once across lost answers. The client never repeats a create by
 * itself (client.ts `isCreate`): when an attempt fails in a way that may have reached GitHub (no
 * answer in time, connection lost, a 5xx), this looks for what that attempt made before trying
 * again, so a 502 after the write does not make a twin.
 */
async function createOnce(options) {
    const attempts = options.attempts ?? 3;
    const backoff = options.backoffMs ?? ((n) => (n - 1) ** 2 * 1000);
    let last;
    for (let attempt = 1; attempt <= attempts; attempt++) {
        if (attempt > 1) {
            // Wait first: a create that GitHub is still applying after the client gave up is not
            // visible at once, and a find that runs too early would let the retry make a twin.
            await sleep(backoff(attempt));
            const found = await options.find();
            if (found !== undefined)
                return { value: found, recovered: true };
        }
        try {
            return { value: await options.create(), recovered: false };
        }
        catch (error) {
            if (!(0,_failures_js__WEBPACK_IMPORTED_MODULE_0__/* .isTransient */ .dg)(error))
                throw error;
            last = error;
        }
    }
    const found = await options.find();
    if (found !== undefined)
        return { value: found, recovered: true };
    throw new Error(`could not create ${options.what} after ${attempts} attempts: ${last.message}`, { cause: last });
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
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

/***/ 5995:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ commentIdentity),
/* harmony export */   h: () => (/* binding */ skipped)
/* harmony export */ });
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5330);

/** fixline's identity for a comment carrying `marker` (see github/comments.ts). */
function commentIdentity(deps, marker) {
    return { marker, author: deps.botLogin, warn: (m) => deps.log.warning(m) };
}
function skipped(job, reason) {
    return {
        job,
        results: [],
        createdPullRequests: [],
        conclusion: 'skipped',
        summary: `fixline (${job}): ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .prose */ .CS)(reason, 2_000)}\n`,
    };
}


/***/ })

};
