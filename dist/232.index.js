export const id = 232;
export const ids = [232];
export const modules = {

/***/ 5039:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hx: () => (/* binding */ mergedPullsForCommit),
/* harmony export */   jJ: () => (/* binding */ openIssuesWithLabel),
/* harmony export */   qB: () => (/* binding */ getIssue),
/* harmony export */   tA: () => (/* binding */ removeLabel),
/* harmony export */   v2: () => (/* binding */ reopenIssue),
/* harmony export */   wS: () => (/* binding */ closeIssue)
/* harmony export */ });
async function getIssue(github, owner, repo, number) {
    const { data } = await github.rest.issues.get({ owner, repo, issue_number: number });
    return {
        number: data.number,
        title: data.title,
        body: data.body ?? '',
        state: data.state === 'closed' ? 'closed' : 'open',
        labels: data.labels.flatMap((l) => (typeof l === 'string' ? [l] : l.name ? [l.name] : [])),
        isPullRequest: data.pull_request !== undefined && data.pull_request !== null,
        author: data.user?.login,
    };
}
/** Closes an issue with a reason (`completed`, or `not_planned` for a rejected request). */
async function closeIssue(github, owner, repo, number, reason) {
    await github.rest.issues.update({
        owner,
        repo,
        issue_number: number,
        state: 'closed',
        state_reason: reason,
    });
}
/** Removes a label; a label that is not there (404) is fine. */
async function removeLabel(github, owner, repo, number, name) {
    try {
        await github.rest.issues.removeLabel({ owner, repo, issue_number: number, name });
    }
    catch (error) {
        if (error.status !== 404)
            throw new Error(`cannot remove the label ${name} from #${number}`, { cause: error });
    }
}
/** Open issues carrying a label, newest first, at most `limit` (one page per 100). */
async function openIssuesWithLabel(github, owner, repo, label, limit = 100) {
    const out = [];
    for await (const page of github.paginate.iterator(github.rest.issues.listForRepo, {
        owner,
        repo,
        labels: label,
        state: 'open',
        per_page: 100,
    })) {
        for (const issue of page.data)
            if (!issue.pull_request)
                out.push(issue.number);
        if (out.length >= limit)
            break;
    }
    return out.slice(0, limit);
}
/** The merged pull requests that contain a commit (to resolve a request given by commits). */
async function mergedPullsForCommit(github, owner, repo, sha) {
    const { data } = await github.rest.repos.listPullRequestsAssociatedWithCommit({
        owner,
        repo,
        commit_sha: sha,
        per_page: 100,
    });
    return data.filter((p) => p.merged_at !== null && p.merged_at !== undefined).map((p) => p.number);
}
async function reopenIssue(github, owner, repo, number) {
    await github.rest.issues.update({ owner, repo, issue_number: number, state: 'open' });
}


/***/ }),

/***/ 2530:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   nH: () => (/* binding */ planLabels),
/* harmony export */   nI: () => (/* binding */ classifyTargets)
/* harmony export */ });
/* unused harmony export approvalFor */
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7394);

/**
 * The seed's decision flow, per target (pure):
 *   is the target covered by the maintenance policy (inside the window)?
 *     no  -> backport exception request (release managers decide)
 *     yes -> security fix? security release : patch release
 * The approval requirement follows `requests.approval`: `outside-window` (exceptions only),
 * `always`, or `never`.
 */
function classifyTargets(targets, lines, request, config) {
    const maintained = new Set((0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .maintainedLines */ .qE)(lines, config));
    return targets.map((target) => {
        const classification = !maintained.has(target)
            ? 'exception'
            : request.security
                ? 'security'
                : 'patch';
        return { target, classification, approval: approvalFor(classification, config) };
    });
}
function approvalFor(classification, config) {
    switch (config.requests.approval) {
        case 'never':
            return 'not-needed';
        case 'always':
            return 'pending';
        case 'outside-window':
            return classification === 'exception' ? 'pending' : 'not-needed';
    }
}
/** The labels a request issue carries for its plan (besides the request label). */
function planLabels(plans, config) {
    const l = config.requests.labels;
    const byClass = {
        patch: l.patch,
        security: l.security,
        exception: l.exception,
    };
    const wanted = new Set([l.request]);
    for (const p of plans)
        if (p.approval !== 'rejected')
            wanted.add(byClass[p.classification]);
    if (plans.some((p) => p.approval === 'pending'))
        wanted.add(l.awaitingApproval);
    const managed = [l.patch, l.security, l.exception, l.awaitingApproval];
    return { add: [...wanted], remove: managed.filter((m) => !wanted.has(m)) };
}


/***/ }),

/***/ 9010:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Jl: () => (/* binding */ looksLikeRequestForm),
/* harmony export */   PA: () => (/* binding */ parseRequestForm)
/* harmony export */ });
/* unused harmony exports FORM_HEADINGS, formSections, normalizeHeading, parsePrReference, renderRequestForm */
/** The headings of the issue form, exactly as the form's labels (see backport-request.yml). */
const FORM_HEADINGS = {
    source: 'Source pull request',
    commits: 'Commits',
    targets: 'Target release lines',
    severity: 'Severity',
    priority: 'Priority',
    security: 'Security fix',
    dataLoss: 'Data-loss risk',
    customerImpact: 'Customer impact',
    justification: 'Justification',
};
const ALIASES = {
    'source pull request': 'source',
    'source pr': 'source',
    'pull request': 'source',
    commits: 'commits',
    'target release lines': 'targets',
    'target lines': 'targets',
    targets: 'targets',
    severity: 'severity',
    priority: 'priority',
    'security fix': 'security',
    security: 'security',
    'data loss risk': 'dataLoss',
    'data loss': 'dataLoss',
    'customer impact': 'customerImpact',
    justification: 'justification',
};
const FREE_TEXT = new Set(['customerImpact', 'justification']);
const NO_RESPONSE = '_No response_';
const MAX_BODY = 65_536;
/** The sections of a rendered form body, by field; unknown headings are folded or dropped. */
function formSections(body) {
    const lines = body.slice(0, MAX_BODY).replace(/\r\n?/g, '\n').split('\n');
    const sections = {};
    let current;
    let fence;
    for (const line of lines) {
        const fenceMark = /^\s*(```+|~~~+)/.exec(line)?.[1];
        if (fenceMark && (fence === undefined || fenceMark.startsWith(fence)))
            fence = fence === undefined ? fenceMark : undefined;
        const heading = fence === undefined && !fenceMark ? /^ {0,3}###\s+(.*?)\s*#*\s*$/.exec(line)?.[1] : undefined;
        if (heading !== undefined) {
            const key = ALIASES[normalizeHeading(heading)];
            if (key && sections[key] === undefined) {
                current = key;
                sections[key] = [];
                continue;
            }
            // An unknown (or repeated) heading: text typed into a free-text field stays with it; otherwise dropped.
            if (!(current && FREE_TEXT.has(current))) {
                current = undefined;
                continue;
            }
        }
        if (current)
            sections[current]?.push(line);
    }
    const out = {};
    for (const [key, value] of Object.entries(sections)) {
        const text = value.join('\n').trim();
        out[key] = text === NO_RESPONSE ? '' : text;
    }
    return out;
}
/** True when a body looks like the request form (at least the source and the targets headings). */
function looksLikeRequestForm(body) {
    const s = formSections(body);
    return s.targets !== undefined && (s.source !== undefined || s.commits !== undefined);
}
function normalizeHeading(heading) {
    return heading
        .toLowerCase()
        .replace(/\(optional\)|\(required\)/g, '')
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
}
function parseRequestForm(body, repo) {
    const s = formSections(body);
    const problems = [];
    const pr = parsePrReference(s.source ?? '', repo, problems);
    const commits = parseCommits(s.commits ?? '', problems);
    if (pr === undefined && commits.length === 0 && !problems.length)
        problems.push(`"${FORM_HEADINGS.source}": give the merged pull request (#123 or its URL) or its commits`);
    const targets = parseTargets(s.targets ?? '', problems);
    const severity = parseLevel(s.severity, 'S', 'severity', problems);
    const priority = parseLevel(s.priority, 'P', 'priority', problems);
    const security = parseYesNo(s.security, 'security', problems);
    const dataLoss = parseYesNo(s.dataLoss, 'dataLoss', problems);
    if (problems.length > 0)
        return { ok: false, problems };
    return {
        ok: true,
        request: {
            pr,
            commits,
            targets,
            severity,
            priority,
            security,
            dataLoss,
            customerImpact: s.customerImpact ?? '',
            justification: s.justification ?? '',
        },
    };
}
/** `#123`, `123`, `owner/repo#123`, `https://github.com/owner/repo/pull/123[/files...]`. */
function parsePrReference(text, repo, problems) {
    const value = stripFences(text).trim().replace(/^`|`$/g, '');
    if (value === '')
        return undefined;
    const label = `"${FORM_HEADINGS.source}"`;
    let match = /^(?:#|GH-)?(\d{1,9})$/i.exec(value);
    if (match?.[1])
        return positive(match[1], label, problems);
    match = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)#(\d{1,9})$/.exec(value);
    match ??=
        /^https?:\/\/[^/\s]+\/([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/pulls?\/(\d{1,9})(?:[/?#]\S*)?$/i.exec(value);
    if (match?.[1] && match[2] && match[3]) {
        if (repo &&
            (match[1].toLowerCase() !== repo.owner.toLowerCase() ||
                match[2].toLowerCase() !== repo.repo.toLowerCase())) {
            problems.push(`${label}: ${short(value)} is in ${match[1]}/${match[2]}, not in ${repo.owner}/${repo.repo}`);
            return undefined;
        }
        return positive(match[3], label, problems);
    }
    problems.push(`${label}: "${short(value)}" is not a pull request (write #123 or the pull request's URL)`);
    return undefined;
}
function positive(digits, label, problems) {
    const n = Number(digits);
    if (n > 0)
        return n;
    problems.push(`${label}: #${digits} is not a pull request number`);
    return undefined;
}
function parseCommits(text, problems) {
    const out = [];
    for (const token of stripFences(text).split(/[\s,;]+/)) {
        const t = token.replace(/^[`*-]+|[`*.]+$/g, '');
        if (t === '')
            continue;
        if (/^[0-9a-f]{7,40}$/i.test(t)) {
            if (!out.includes(t.toLowerCase()))
                out.push(t.toLowerCase());
        }
        else
            problems.push(`"${FORM_HEADINGS.commits}": "${short(t)}" is not a commit SHA (7 to 40 hex digits)`);
    }
    return out;
}
/** Ticked checkboxes (`- [x] 1.x`); a section with no checkboxes at all is read as a list of names. */
function parseTargets(text, problems) {
    const lines = text.split('\n');
    const boxes = lines
        .map((l) => /^\s*[-*+]\s+\[([ xX])\]\s*(.*)$/.exec(l))
        .filter((m) => m !== null);
    const names = [];
    if (boxes.length > 0) {
        for (const m of boxes)
            if (m[1] !== ' ')
                names.push(firstToken(m[2] ?? ''));
    }
    else {
        for (const token of stripFences(text).split(/[\s,;]+/))
            names.push(token.replace(/^[-*+`]+|[`]+$/g, ''));
    }
    const targets = [];
    for (const name of names) {
        if (name === '')
            continue;
        if (!/^[A-Za-z0-9][A-Za-z0-9._/-]{0,199}$/.test(name) || name.includes('..'))
            problems.push(`"${FORM_HEADINGS.targets}": "${short(name)}" is not a branch name`);
        else if (!targets.includes(name))
            targets.push(name);
    }
    if (targets.length === 0 && problems.every((p) => !p.startsWith(`"${FORM_HEADINGS.targets}"`)))
        problems.push(`"${FORM_HEADINGS.targets}": tick at least one release line`);
    return targets;
}
function firstToken(label) {
    return (label.trim().split(/\s+/)[0] ?? '').replace(/^`|`$/g, '');
}
function parseLevel(text, letter, key, problems) {
    const m = new RegExp(`^\\s*${letter}?([1-4])(?![0-9])`, 'i').exec(text ?? '');
    if (m?.[1])
        return `${letter}${m[1]}`;
    const got = text
        ? `"${short(text)}" is not one of ${letter}1-${letter}4`
        : `choose one of ${letter}1-${letter}4`;
    problems.push(`"${FORM_HEADINGS[key]}": ${got}`);
    return `${letter}4`;
}
function parseYesNo(text, key, problems) {
    const value = (text ?? '').trim();
    if (/^(yes|y|true)\b/i.test(value))
        return true;
    if (/^(no|n|false)\b/i.test(value))
        return false;
    problems.push(`"${FORM_HEADINGS[key]}": ${value ? `"${short(value)}" is not` : 'answer'} Yes or No`);
    return false;
}
function stripFences(text) {
    return text
        .split('\n')
        .filter((l) => !/^\s*(```|~~~)/.test(l))
        .join('\n');
}
function short(value) {
    // eslint-disable-next-line no-control-regex
    const clean = value.replace(/[\u0000-\u001f\u007f]/g, ' ').trim();
    return clean.length > 60 ? `${clean.slice(0, 57)}...` : clean;
}
const SEVERITY_NAMES = {
    S1: 'Blocker',
    S2: 'Critical',
    S3: 'Major',
    S4: 'Low',
};
const PRIORITY_NAMES = {
    P1: 'Urgent',
    P2: 'High',
    P3: 'Medium',
    P4: 'Low',
};
/**
 * Renders a request the way GitHub renders the issue form (used to open request issues and in tests).
 * `lines` are the checkbox options (the ticked targets are added when missing).
 */
function renderRequestForm(request, lines = request.targets) {
    const options = [...lines, ...request.targets.filter((t) => !lines.includes(t))];
    const value = (v) => (v.trim() === '' ? NO_RESPONSE : v);
    const sections = [
        [FORM_HEADINGS.source, request.pr === undefined ? NO_RESPONSE : `#${request.pr}`],
        [
            FORM_HEADINGS.commits,
            request.commits.length ? '```text\n' + request.commits.join('\n') + '\n```' : NO_RESPONSE,
        ],
        [
            FORM_HEADINGS.targets,
            options.map((l) => `- [${request.targets.includes(l) ? 'X' : ' '}] ${l}`).join('\n'),
        ],
        [FORM_HEADINGS.severity, `${request.severity} - ${SEVERITY_NAMES[request.severity]}`],
        [FORM_HEADINGS.priority, `${request.priority} - ${PRIORITY_NAMES[request.priority]}`],
        [FORM_HEADINGS.security, request.security ? 'Yes' : 'No'],
        [FORM_HEADINGS.dataLoss, request.dataLoss ? 'Yes' : 'No'],
        [FORM_HEADINGS.customerImpact, value(request.customerImpact)],
        [FORM_HEADINGS.justification, value(request.justification)],
    ];
    return sections.map(([h, v]) => `### ${h}\n\n${v}`).join('\n\n');
}


/***/ }),

/***/ 2313:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ discoverLines),
/* harmony export */   y: () => (/* reexport safe */ _payload_js__WEBPACK_IMPORTED_MODULE_1__.yJ)
/* harmony export */ });
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7394);
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(41);

/**
 * The release lines of the repository, newest first: one `git ls-remote --symref origin HEAD
 * refs/heads/*` (branches and the default branch in one round trip; works from a shallow checkout).
 * `defaultBranch` (from the event payload) wins over the remote's HEAD when given.
 */
async function discoverLines(git, config, defaultBranch) {
    const output = await git.text(['ls-remote', '--symref', 'origin', 'HEAD', 'refs/heads/*']);
    const parsed = (0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .parseLsRemote */ .l7)(output);
    return (0,_policy_js__WEBPACK_IMPORTED_MODULE_0__/* .orderLines */ .YM)(parsed.branches, config, defaultBranch ?? parsed.defaultBranch);
}



/***/ }),

/***/ 3492:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  V3: () => (/* binding */ checkReleaseManager),
  nL: () => (/* binding */ releaseManagerList),
  Gz: () => (/* binding */ unreadableNote)
});

;// CONCATENATED MODULE: ./src/github/teams.ts
/**
 * Whether `username` is an active member of the team `org/team_slug`
 * (GET /orgs/{org}/teams/{team_slug}/memberships/{username}). A 404 means not a member (or a team
 * the token cannot see); a pending invitation is not membership. Needs a token with `read:org`
 * (a GitHub App with organization "Members: read"): the default GITHUB_TOKEN cannot read teams.
 */
async function isActiveTeamMember(github, org, teamSlug, username) {
    try {
        const { data } = await github.rest.teams.getMembershipForUserInOrg({
            org,
            team_slug: teamSlug,
            username,
        });
        return data.state === 'active';
    }
    catch (error) {
        if (error.status === 404)
            return false;
        throw new Error(`cannot read the membership of @${username} in the team ${org}/${teamSlug}`, {
            cause: error,
        });
    }
}

// EXTERNAL MODULE: ./src/markdown/bound.ts
var bound = __webpack_require__(3521);
// EXTERNAL MODULE: ./src/markdown/escape.ts
var markdown_escape = __webpack_require__(5330);
;// CONCATENATED MODULE: ./src/requests/managers.ts



/**
 * Whether `user` is a release manager: listed in `requests.releaseManagers.users` (case-insensitive),
 * or an active member of one of `requests.releaseManagers.teams` (checked through the API, one call
 * per team until one answers yes). Never from the payload's author_association.
 */
async function checkReleaseManager(deps, user) {
    const rm = deps.config.requests.releaseManagers;
    if (rm.users.some((u) => u.toLowerCase() === user.toLowerCase()))
        return { manager: true, reason: 'listed in requests.releaseManagers.users' };
    const unreadable = [];
    for (const team of rm.teams) {
        const [org, slug] = team.split('/');
        if (!org || !slug)
            continue;
        try {
            if (await isActiveTeamMember(deps.github, org, slug, user))
                return { manager: true, reason: `member of ${(0,markdown_escape/* mention */.lE)(team)}` };
        }
        catch (error) {
            // A token that cannot read teams (the default GITHUB_TOKEN): not a yes, and said so.
            deps.log.warning(`${error instanceof Error ? error.message : String(error)}: the token needs organization Members: read (read:org)`);
            unreadable.push((0,markdown_escape/* mention */.lE)(team));
        }
    }
    const note = unreadable.length
        ? `; fixline could not read the membership of ${unreadable.join(', ')}: its token needs organization Members: read`
        : '';
    return {
        manager: false,
        reason: `not a release manager (${releaseManagerList(deps)})${note}`,
        ...(unreadable.length ? { unreadable } : {}),
    };
}
/** `@alice, @acme/release-managers`, for messages (Markdown: the configured names are mentioned). */
function releaseManagerList(deps) {
    const rm = deps.config.requests.releaseManagers;
    const who = (0,bound/* boundList */.H0)([...rm.users, ...rm.teams].map(markdown_escape/* mention */.lE), 20);
    return who.shown.length
        ? `release managers: ${[...who.shown, ...(who.more ? [who.more] : [])].join(', ')}`
        : 'no release managers are configured: set requests.releaseManagers in .github/fixline.yml';
}
/** Appended to a refusal when a team could not be checked. */
function unreadableNote(check) {
    return check.unreadable?.length
        ? ` (fixline could not read the membership of ${check.unreadable.join(', ')}: its token needs organization Members: read)`
        : '';
}


/***/ }),

/***/ 7204:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Wl: () => (/* binding */ openBackports),
/* harmony export */   ki: () => (/* binding */ defaultBackport),
/* harmony export */   qS: () => (/* binding */ resultsOf)
/* harmony export */ });
/* harmony import */ var _backport_job_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(598);

const defaultBackport = (deps, pr, targets, options) => (0,_backport_job_js__WEBPACK_IMPORTED_MODULE_0__.runBackportTargets)(deps, pr, targets, options);
const KNOWN = new Set(['created', 'updated', 'already-applied', 'conflict', 'failed', 'skipped']);
/**
 * Opens the backports of `targets` and records each result in `state` (status, PR link). A failing
 * target never stops the others (the engine runs each in its own try/catch).
 */
async function openBackports(deps, backport, state, targets, requestIssue) {
    if (targets.length === 0 || state.source === undefined)
        return [];
    if (deps.dryRun) {
        deps.log.info(`dry run: would backport #${state.source} to ${targets.join(', ')}`);
        return [];
    }
    let outcome;
    try {
        outcome = await backport(deps, state.source, [...targets], requestIssue !== undefined ? { requestIssue } : {});
    }
    catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        for (const t of tracked(state, targets))
            Object.assign(t, { status: 'failed', message });
        return [];
    }
    for (const t of tracked(state, targets)) {
        const row = outcome.results.find((r) => r.target === t.target) ??
            outcome.results.find((r) => r.target === `#${state.source}`);
        record(t, row);
    }
    return outcome.createdPullRequests;
}
function tracked(state, targets) {
    return state.targets.filter((t) => targets.includes(t.target));
}
function record(t, row) {
    if (!row) {
        t.status = 'failed';
        t.message = 'the backport job returned no result for this line';
        return;
    }
    t.status = KNOWN.has(row.status)
        ? row.status
        : row.error
            ? 'failed'
            : 'skipped';
    t.message = row.message;
    if (row.pullRequest) {
        // "already-applied" with a PR: an earlier backport PR was merged.
        t.pr = {
            number: row.pullRequest.number,
            url: row.pullRequest.url,
            state: row.status === 'already-applied' ? 'merged' : 'open',
        };
    }
}
/** One result row per target of the request, for outputs and the job summary. */
function resultsOf(state) {
    return state.targets.map((t) => {
        const pullRequest = t.pr ? { pullRequest: { number: t.pr.number, url: t.pr.url } } : {};
        if (t.approval === 'pending')
            return {
                target: t.target,
                status: 'pending',
                message: 'awaiting approval by a release manager',
                ...pullRequest,
            };
        if (t.approval === 'rejected')
            return {
                target: t.target,
                status: 'skipped',
                message: 'rejected by a release manager',
                ...pullRequest,
            };
        if (t.status === 'failed')
            return {
                target: t.target,
                status: 'failed',
                message: t.message ?? 'failed',
                error: t.message ?? 'failed',
                ...pullRequest,
            };
        const status = t.status ?? 'pending';
        return {
            target: t.target,
            status,
            message: t.message ?? (t.pr ? `backport PR #${t.pr.number} (${t.pr.state})` : 'not opened yet'),
            ...pullRequest,
        };
    });
}


/***/ }),

/***/ 7394:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   YM: () => (/* binding */ orderLines),
/* harmony export */   l7: () => (/* binding */ parseLsRemote),
/* harmony export */   o9: () => (/* binding */ targetsNeedingApproval),
/* harmony export */   qE: () => (/* binding */ maintainedLines)
/* harmony export */ });
/* unused harmony export outsideWindow */
/* harmony import */ var _config_patterns_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4635);

/** Release lines among `branches`, newest first. Invalid patterns in the config match nothing. */
function orderLines(branches, config, defaultBranch) {
    const isLine = (0,_config_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .lineMatcher */ .TK)(config.lines.patterns);
    const newest = (0,_config_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .newestLine */ .z$)(config.lines, defaultBranch);
    // Without lines.newest the default branch is never an older line, even when a pattern matches it.
    const skip = config.lines.newest === undefined ? defaultBranch : newest;
    const lines = [];
    for (const branch of new Set(branches)) {
        if (branch === skip || branch === newest)
            continue;
        if (isLine(branch) || (0,_config_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .isOrderedLine */ .CK)(branch, config.lines))
            lines.push({ branch, version: (0,_config_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .lineVersion */ .zJ)(branch), isDefault: false });
    }
    lines.sort((a, b) => (0,_config_patterns_js__WEBPACK_IMPORTED_MODULE_0__/* .compareLineNames */ .S$)(b, a, config.lines.order));
    if (newest && branches.includes(newest))
        lines.unshift({ branch: newest, version: [], isDefault: true });
    return lines;
}
/** The maintained lines: `requests.supportedLines` when set, else the newest `requests.window` lines. */
function maintainedLines(lines, config) {
    const names = lines.map((l) => (typeof l === 'string' ? l : l.branch));
    if (config.requests.supportedLines.length > 0)
        return names.filter((n) => config.requests.supportedLines.includes(n));
    return names.slice(0, config.requests.window);
}
/**
 * The targets outside the maintenance window. `lines` are the release lines newest first (branch
 * names or {@link ReleaseLine}s). A target that is not a line at all is outside too.
 */
function outsideWindow(targets, lines, config) {
    const maintained = new Set(maintainedLines(lines, config));
    return targets.filter((t) => !maintained.has(t));
}
/**
 * The targets of a `/backport` comment that must go through approval instead: those outside the
 * window, unless `requests.approval` is `never`.
 */
function targetsNeedingApproval(targets, lines, config) {
    return config.requests.approval === 'never' ? [] : outsideWindow(targets, lines, config);
}
/** Parses `git ls-remote --symref origin HEAD refs/heads/*` output: the branches and the default branch. */
function parseLsRemote(output) {
    const branches = [];
    let defaultBranch;
    for (const line of output.split('\n')) {
        const symref = /^ref: refs\/heads\/(\S+)\s+HEAD$/.exec(line);
        if (symref?.[1]) {
            defaultBranch = symref[1];
            continue;
        }
        const head = /^[0-9a-f]{40,64}\s+refs\/heads\/(\S+)$/.exec(line);
        if (head?.[1])
            branches.push(head[1]);
    }
    return { branches, defaultBranch };
}


/***/ }),

/***/ 1232:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   PR_APPROVAL_MARKER: () => (/* binding */ PR_APPROVAL_MARKER),
/* harmony export */   divertOutsideWindow: () => (/* binding */ divertOutsideWindow),
/* harmony export */   handlePrCommand: () => (/* binding */ handlePrCommand),
/* harmony export */   holdForApproval: () => (/* binding */ holdForApproval),
/* harmony export */   renderPrApproval: () => (/* binding */ renderPrApproval),
/* harmony export */   requestApprovalForPr: () => (/* binding */ requestApprovalForPr)
/* harmony export */ });
/* harmony import */ var _backport_labels_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(677);
/* harmony import */ var _github_comments_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(6645);
/* harmony import */ var _github_labels_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(7448);
/* harmony import */ var _github_pulls_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(4487);
/* harmony import */ var _jobs_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5995);
/* harmony import */ var _lines_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(2313);
/* harmony import */ var _managers_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3492);
/* harmony import */ var _open_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7204);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7394);
/* harmony import */ var _process_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3084);
/* harmony import */ var _markdown_bound_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(3521);
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(5330);
/* harmony import */ var _replies_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(8098);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(7787);














/**
 * `/backport <line>` on a PR for a line outside the maintenance window: instead of a backport, the
 * PR gets an "awaiting approval" comment (hidden marker + state); a release manager answers with
 * `/approve` or `/reject <reason>` on the PR (or runs `/backport <line>` themselves).
 */
const PR_APPROVAL_MARKER = '<!-- fixline:backport-approval -->';
/**
 * The hook for the `/backport` comment trigger: which of `targets` must wait for a release
 * manager. Lists the lines (one ls-remote) only when approval can be needed. Returns [] when the
 * commenter is a release manager, when every target is inside the window, or when
 * `requests.approval` is `never`.
 */
async function divertOutsideWindow(deps, pr, targets, user) {
    if (targets.length === 0 || deps.config.requests.approval === 'never')
        return [];
    const lines = await (0,_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .discoverLines */ .H)(deps.git, deps.config, (0,_lines_js__WEBPACK_IMPORTED_MODULE_2__/* .payloadDefaultBranch */ .y)(deps.ctx.payload));
    const outside = (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .targetsNeedingApproval */ .o9)(targets, lines, deps.config).filter((t) => lines.some((l) => l.branch === t));
    if (outside.length === 0)
        return [];
    return requestApprovalForPr(deps, pr, outside, user, (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .maintainedLines */ .qE)(lines, deps.config));
}
/**
 * The hook in the `/backport` comment trigger: the plan without the lines that now wait for a
 * release manager (a skip when none is left). Plans of other kinds pass through unchanged.
 */
async function holdForApproval(deps, pr, user, plan) {
    if (plan.action === 'skip')
        return plan;
    const targets = plan.action === 'backport'
        ? plan.targets.map((t) => t.target)
        : plan.labels.map((l) => l.target);
    const held = await divertOutsideWindow(deps, pr, targets, user);
    if (held.length === 0)
        return plan;
    const reason = `${held.join(', ')} outside the maintenance window: awaiting a release manager's /approve`;
    if (plan.action === 'backport') {
        const left = plan.targets.filter((t) => !held.includes(t.target));
        if (left.length === 0 && plan.rejected.length === 0)
            return { action: 'skip', reason, tell: false, failed: false };
        return { ...plan, targets: left };
    }
    const left = plan.labels.filter((l) => !held.includes(l.target));
    if (left.length === 0 && plan.rejected.length === 0)
        return { action: 'skip', reason, tell: false, failed: false };
    return { ...plan, labels: left };
}
/**
 * Puts `targets` (outside the window) of PR `pr` into "awaiting approval", unless `user` is a release
 * manager (whose `/backport` is the approval) or a release manager already approved them. Returns the
 * targets held back.
 */
async function requestApprovalForPr(deps, pr, targets, user, maintained = []) {
    const check = await (0,_managers_js__WEBPACK_IMPORTED_MODULE_3__/* .checkReleaseManager */ .V3)(deps, user);
    if (check.manager) {
        deps.log.info(`@${user} is a release manager (${check.reason}): backporting ${targets.join(', ')} without a request`);
        return [];
    }
    const found = await findApprovalComment(deps, pr);
    const state = (0,_state_js__WEBPACK_IMPORTED_MODULE_8__/* .decodeState */ .UJ)(found?.body) ?? { v: 1, source: pr, targets: [] };
    const held = [];
    for (const target of targets) {
        const existing = state.targets.find((t) => t.target === target);
        if (existing?.approval === 'approved')
            continue;
        if (existing)
            existing.approval = 'pending';
        else
            state.targets.push({ target, classification: 'exception', approval: 'pending' });
        held.push(target);
    }
    if (held.length > 0) {
        delete state.rejected;
        deps.log.info(`#${pr}: ${held.join(', ')} outside the maintenance window: awaiting a release manager`);
        if (!deps.dryRun)
            await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_9__/* .writeComment */ .HF)(deps.github, {
                owner: deps.ctx.owner,
                repo: deps.ctx.repo,
                issue: pr,
                ...(0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .commentIdentity */ .M)(deps, PR_APPROVAL_MARKER),
            }, found, renderPrApproval(deps, pr, state, user, maintained));
    }
    return held;
}
/** `/approve` or `/reject` on a pull request: the release manager's answer to a held `/backport`. */
async function handlePrCommand(deps, pr, command, backport) {
    const found = await findApprovalComment(deps, pr);
    const state = (0,_state_js__WEBPACK_IMPORTED_MODULE_8__/* .decodeState */ .UJ)(found?.body);
    // `/approve` on a PR that fixline holds nothing for is someone else's command (review bots use it too): stay quiet.
    if (!state || !state.targets.some((t) => t.approval === 'pending' || t.approval === 'rejected'))
        return (0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .skipped */ .h)(_process_js__WEBPACK_IMPORTED_MODULE_6__/* .JOB */ .cJ, `no backport of #${pr} is awaiting approval`);
    const held = { pr, state, found, key: `comment-${command.commentId}` };
    const check = await (0,_managers_js__WEBPACK_IMPORTED_MODULE_3__/* .checkReleaseManager */ .V3)(deps, command.user);
    if (!check.manager) {
        await (0,_replies_js__WEBPACK_IMPORTED_MODULE_10__/* .reply */ .T)(deps, pr, held.key, `${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .mention */ .lE)(command.user)}: only release managers can \`/${command.command}\` (${(0,_managers_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseManagerList */ .nL)(deps)}). Nothing changed.${(0,_managers_js__WEBPACK_IMPORTED_MODULE_3__/* .unreadableNote */ .Gz)(check)}`);
        return { ...(0,_process_js__WEBPACK_IMPORTED_MODULE_6__/* .outcomeOf */ .sG)(pr, state, []), conclusion: 'neutral' };
    }
    state.source = pr;
    return command.command === 'reject'
        ? rejectOnPr(deps, held, command)
        : approveOnPr(deps, held, command, backport);
}
async function rejectOnPr(deps, held, command) {
    (0,_state_js__WEBPACK_IMPORTED_MODULE_8__/* .rejectPending */ .h_)(held.state, command.user, command.argument);
    await (0,_replies_js__WEBPACK_IMPORTED_MODULE_10__/* .reply */ .T)(deps, held.pr, held.key, `Rejected by ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .mention */ .lE)(command.user)}: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .prose */ .CS)(command.argument) || '(no reason given)'}`);
    await updateApprovalComment(deps, held);
    return (0,_process_js__WEBPACK_IMPORTED_MODULE_6__/* .outcomeOf */ .sG)(held.pr, held.state, []);
}
/** Opens the approved backports of a merged PR, or labels an open one so that its merge opens them. */
async function approveOnPr(deps, held, command, backport) {
    const { pr, state } = held;
    const approved = (0,_state_js__WEBPACK_IMPORTED_MODULE_8__/* .approvePending */ .fR)(state, command.user);
    const raw = await (0,_github_pulls_js__WEBPACK_IMPORTED_MODULE_11__/* .getPullRaw */ .yR)(deps.github, deps.ctx.owner, deps.ctx.repo, pr);
    const merged = raw.merged === true || (typeof raw.merged_at === 'string' && raw.merged_at !== '');
    const created = merged
        ? await (0,_open_js__WEBPACK_IMPORTED_MODULE_4__/* .openBackports */ .Wl)(deps, backport, state, approved, undefined)
        : await labelForMerge(deps, pr, approved);
    await updateApprovalComment(deps, held);
    const what = merged
        ? created.length
            ? `opened ${created.map((c) => `#${c.number}`).join(', ')}`
            : 'see the table below'
        : 'labelled: the backports run when the PR is merged';
    await (0,_replies_js__WEBPACK_IMPORTED_MODULE_10__/* .reply */ .T)(deps, pr, held.key, `Approved by ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .mention */ .lE)(command.user)} (${(0,_process_js__WEBPACK_IMPORTED_MODULE_6__/* .lineList */ .XA)(approved)}): ${what}.`);
    return (0,_process_js__WEBPACK_IMPORTED_MODULE_6__/* .outcomeOf */ .sG)(pr, state, created);
}
async function updateApprovalComment(deps, held) {
    if (deps.dryRun)
        return;
    await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_9__/* .writeComment */ .HF)(deps.github, {
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
        issue: held.pr,
        ...(0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .commentIdentity */ .M)(deps, PR_APPROVAL_MARKER),
    }, held.found, renderPrApproval(deps, held.pr, held.state, undefined, []));
}
/** The PR is still open: label it so that its merge backports the approved lines. */
async function labelForMerge(deps, pr, targets) {
    const labels = targets.flatMap((t) => (0,_backport_labels_js__WEBPACK_IMPORTED_MODULE_0__/* .labelForTarget */ .vT)(t, deps.config.backport.labels) ?? []);
    if (!deps.dryRun)
        await (0,_github_labels_js__WEBPACK_IMPORTED_MODULE_12__/* .addLabels */ .N)(deps.github, deps.ctx.owner, deps.ctx.repo, pr, labels);
    return [];
}
async function findApprovalComment(deps, pr) {
    return (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_9__/* .findMarkedComment */ .Jp)(deps.github, {
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
        issue: pr,
        ...(0,_jobs_js__WEBPACK_IMPORTED_MODULE_1__/* .commentIdentity */ .M)(deps, PR_APPROVAL_MARKER),
    });
}
/** Lines shown in the approval comment's table. */
const MAX_ROWS = 100;
/** The approval comment on a PR: who asked, the held lines, the decision, the hidden state (pure). */
function renderPrApproval(deps, pr, state, user, maintained) {
    const rows = (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_13__/* .boundList */ .H0)(state.targets, MAX_ROWS, ' lines (the job summary lists them all)');
    const asked = user ? `${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .mention */ .lE)(user)} asked for ` : '';
    const window = maintained.length ? ` (maintained: ${(0,_process_js__WEBPACK_IMPORTED_MODULE_6__/* .lineList */ .XA)(maintained)})` : '';
    return (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_13__/* .fitBody */ .KM)([
        PR_APPROVAL_MARKER,
        `### Backport of #${pr}: approval needed`,
        '',
        `${asked}backports to lines outside the maintenance window${window}. These are exceptions: a release manager decides (${(0,_managers_js__WEBPACK_IMPORTED_MODULE_3__/* .releaseManagerList */ .nL)(deps)}) by commenting \`/approve\` or \`/reject <reason>\` here.`,
        '',
        '| Line | Approval | Backport |',
        '| --- | --- | --- |',
        ...rows.shown.map(approvalRow),
        '',
        ...(rows.more ? [rows.more, ''] : []),
        ...(state.rejected
            ? [
                `Rejected by ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .mention */ .lE)(state.rejected.by)}: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .prose */ .CS)(state.rejected.reason, 1_000) || '(no reason given)'}`,
                '',
            ]
            : []),
        (0,_state_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeState */ .Md)(state),
    ].join('\n'), _markdown_bound_js__WEBPACK_IMPORTED_MODULE_13__/* .COMMENT_LIMIT */ .W$);
}
function approvalRow(t) {
    const status = t.pr
        ? `#${t.pr.number} (${t.pr.state})`
        : t.status
            ? `${t.status}${t.message ? `: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .proseCell */ .qy)(t.message)}` : ''}`
            : '-';
    const approval = t.approval === 'approved'
        ? `approved by ${t.approvedBy ? (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .mention */ .lE)(t.approvedBy) : '?'}`
        : t.approval === 'pending'
            ? 'awaiting a release manager'
            : t.approval;
    return `| ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_7__/* .codeSpan */ .SS)(t.target, 200)} | ${approval} | ${status} |`;
}


/***/ }),

/***/ 3084:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  cJ: () => (/* binding */ JOB),
  Nc: () => (/* binding */ isRequestIssue),
  XA: () => (/* binding */ lineList),
  W$: () => (/* binding */ loadRequest),
  sG: () => (/* binding */ outcomeOf),
  zc: () => (/* binding */ processRequest),
  fo: () => (/* binding */ requestOf),
  pD: () => (/* binding */ writePlan)
});

// EXTERNAL MODULE: ./src/github/issues.ts
var issues = __webpack_require__(5039);
// EXTERNAL MODULE: ./src/github/comments.ts
var comments = __webpack_require__(6645);
// EXTERNAL MODULE: ./src/jobs.ts
var jobs = __webpack_require__(5995);
// EXTERNAL MODULE: ./src/requests/classify.ts
var classify = __webpack_require__(2530);
// EXTERNAL MODULE: ./src/requests/form.ts
var requests_form = __webpack_require__(9010);
// EXTERNAL MODULE: ./src/requests/open.ts
var requests_open = __webpack_require__(7204);
// EXTERNAL MODULE: ./src/requests/policy.ts
var policy = __webpack_require__(7394);
// EXTERNAL MODULE: ./src/markdown/bound.ts
var bound = __webpack_require__(3521);
// EXTERNAL MODULE: ./src/markdown/escape.ts
var markdown_escape = __webpack_require__(5330);
// EXTERNAL MODULE: ./src/requests/render.ts
var render = __webpack_require__(9600);
// EXTERNAL MODULE: ./src/requests/replies.ts
var replies = __webpack_require__(8098);
// EXTERNAL MODULE: ./src/requests/state.ts
var requests_state = __webpack_require__(7787);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/github/pulls.ts
var pulls = __webpack_require__(4487);
// EXTERNAL MODULE: ./src/requests/lines.ts
var requests_lines = __webpack_require__(2313);
;// CONCATENATED MODULE: ./src/requests/validate.ts




/**
 * Checks a parsed request against the repository: the source PR exists and is merged (one pulls.get),
 * every target is an existing release line (one ls-remote), and the source did not change after
 * backports were opened for it. Every problem is collected; nothing is changed.
 */
async function checkRequest(deps, request, previous) {
    const problems = [];
    const pr = request.pr ?? (await prFromCommits(deps, request.commits, problems));
    let baseRef;
    if (pr !== undefined)
        baseRef = await checkMerged(deps, pr, problems);
    let lines = [];
    try {
        lines = await (0,requests_lines/* discoverLines */.H)(deps.git, deps.config, (0,requests_lines/* payloadDefaultBranch */.y)(deps.ctx.payload));
    }
    catch (error) {
        problems.push(`cannot list the release lines of the repository: ${(0,errors/* messageOf */.b)(error)}`);
    }
    const names = lines.map((l) => l.branch);
    for (const target of request.targets) {
        if (target === baseRef)
            problems.push(`#${pr} was merged into \`${target}\`: the fix is already on that line; untick it`);
        else if (lines.length > 0 && !names.includes(target))
            problems.push(`\`${target}\` is not a release line of this repository (release lines: ${names.map((n) => `\`${n}\``).join(', ') || 'none'})`);
    }
    const opened = previous?.targets.some((t) => t.pr !== undefined) ?? false;
    if (opened && previous?.source !== undefined && pr !== undefined && pr !== previous.source)
        problems.push(`the source pull request cannot change once backports were opened for #${previous.source}; file a new request for #${pr}`);
    return { pr, baseRef, lines, problems };
}
async function checkMerged(deps, pr, problems) {
    let raw;
    try {
        raw = await (0,pulls/* getPullRaw */.yR)(deps.github, deps.ctx.owner, deps.ctx.repo, pr);
    }
    catch (error) {
        if (error.status === 404)
            problems.push(`#${pr} is not a pull request of ${deps.ctx.owner}/${deps.ctx.repo}`);
        else
            problems.push(`cannot read pull request #${pr}: ${(0,errors/* messageOf */.b)(error)}`);
        return undefined;
    }
    const base = raw.base?.ref;
    const merged = raw.merged === true || (typeof raw.merged_at === 'string' && raw.merged_at !== '');
    if (!merged) {
        const why = raw.state === 'closed' ? 'was closed without merging' : 'is not merged yet';
        problems.push(`#${pr} ${why}: only merged fixes are backported (file the request again, or edit it, once it is merged)`);
    }
    return typeof base === 'string' ? base : undefined;
}
/** One API call per commit: the merged PR containing each; all must name the same PR. */
async function prFromCommits(deps, commits, problems) {
    const found = new Set();
    for (const sha of commits.slice(0, 20)) {
        try {
            const pulls = await (0,issues/* mergedPullsForCommit */.hx)(deps.github, deps.ctx.owner, deps.ctx.repo, sha);
            if (pulls.length === 0)
                problems.push(`commit ${sha.slice(0, 12)} is in no merged pull request: give the pull request instead`);
            for (const p of pulls)
                found.add(p);
        }
        catch (error) {
            problems.push(`cannot find the pull request of commit ${sha.slice(0, 12)}: ${(0,errors/* messageOf */.b)(error)}; give the pull request instead`);
        }
    }
    if (found.size > 1)
        problems.push(`the commits come from several pull requests (${[...found].map((n) => `#${n}`).join(', ')}): file one request per pull request`);
    return found.size === 1 ? [...found][0] : undefined;
}

;// CONCATENATED MODULE: ./src/requests/process.ts













const JOB = 'requests';
/** The request issue and fixline's plan comment on it; undefined when the issue is not a request. */
async function loadRequest(deps, number, preloaded) {
    const issue = preloaded ?? (await (0,issues/* getIssue */.qB)(deps.github, deps.ctx.owner, deps.ctx.repo, number));
    if (!isRequestIssue(deps, issue))
        return undefined;
    const comment = await (0,comments/* findMarkedComment */.Jp)(deps.github, {
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
        issue: number,
        ...(0,jobs/* commentIdentity */.M)(deps, requests_state/* PLAN_MARKER */.fN),
    });
    return { issue, comment, state: (0,requests_state/* decodeState */.UJ)(comment?.body) };
}
/** An issue (not a PR) with the request label, or whose body has the form's headings. */
function isRequestIssue(deps, issue) {
    if (issue.isPullRequest)
        return false;
    return (issue.labels.includes(deps.config.requests.labels.request) || (0,requests_form/* looksLikeRequestForm */.Jl)(issue.body));
}
/**
 * Reads the request, checks it, classifies each target, records a release manager's decision,
 * opens what may be opened, labels the issue and upserts the plan comment. Safe to run twice.
 */
async function processRequest(deps, number, action, backport, preloaded) {
    const loaded = await loadRequest(deps, number, preloaded);
    if (!loaded)
        return (0,jobs/* skipped */.h)(JOB, `#${number} is not a backport request (no ${deps.config.requests.labels.request} label, not the request form)`);
    if (action.kind === 'reject')
        return reject(deps, loaded, action);
    if (loaded.issue.state === 'closed' && action.kind === 'event')
        return (0,jobs/* skipped */.h)(JOB, `#${number} is closed: edit ignored (reopen it to act on it again)`);
    const parsed = (0,requests_form/* parseRequestForm */.PA)(loaded.issue.body, { owner: deps.ctx.owner, repo: deps.ctx.repo });
    const checked = parsed.ok ? await checkRequest(deps, parsed.request, loaded.state) : undefined;
    const problems = parsed.ok ? (checked?.problems ?? []) : parsed.problems;
    const maintained = (0,policy/* maintainedLines */.qE)(checked?.lines ?? [], deps.config);
    if (!parsed.ok || !checked || checked.pr === undefined || problems.length > 0)
        return cannotProceed(deps, loaded, action, problems, maintained);
    const request = parsed.request;
    const plans = (0,classify/* classifyTargets */.nI)(request.targets, checked.lines, request, deps.config);
    const state = (0,requests_state/* mergeState */.I5)(loaded.state, checked.pr, plans);
    const notes = action.kind === 'approve' ? [recordApproval(state, action.by)] : [];
    return advance(deps, loaded, state, { request, maintained, notes, backport, action });
}
/**
 * The request cannot proceed (unreadable form, unmerged or missing PR, unknown line...): the plan
 * comment lists every problem, nothing is opened. An approval given meanwhile is not recorded, and
 * its label is taken off so that it cannot mislead.
 */
async function cannotProceed(deps, loaded, action, problems, maintained) {
    const number = loaded.issue.number;
    const notes = action.kind === 'approve'
        ? [
            `${(0,markdown_escape/* mention */.lE)(action.by)}: approval not recorded while the request has problems; approve again once they are fixed.`,
        ]
        : [];
    const state = loaded.state ?? { v: 1, source: undefined, targets: [] };
    await writePlan(deps, loaded, (0,render/* renderPlan */.E)({ state, problems, maintained, config: deps.config, notes }));
    await (0,replies/* syncLabels */.L)(deps, number, loaded.issue.labels, {
        add: [deps.config.requests.labels.request],
        remove: action.kind === 'approve' ? [deps.config.requests.labels.approved] : [],
    });
    const results = problems.map((p) => ({
        target: `#${number}`,
        status: 'skipped',
        message: p,
    }));
    return {
        job: JOB,
        results,
        createdPullRequests: [],
        conclusion: 'neutral',
        summary: `fixline (requests): #${number} cannot proceed:\n\n${problemList(problems)}\n`,
    };
}
/**
 * A release manager's approval: every line waiting for one is approved; the note for the plan. The
 * same approval delivered again names the same lines, so that the plan comment is left as it was.
 */
function recordApproval(state, by) {
    let approved = (0,requests_state/* approvePending */.fR)(state, by);
    if (approved.length === 0)
        approved = state.targets
            .filter((t) => t.approval === 'approved' && t.approvedBy === by)
            .map((t) => t.target);
    return approved.length
        ? `Approved by ${(0,markdown_escape/* mention */.lE)(by)}: ${lineList(approved)}.`
        : `${(0,markdown_escape/* mention */.lE)(by)} approved; no line was waiting for approval.`;
}
/** Problems as a Markdown list for the job summary (bounded: a request can name thousands of lines). */
function problemList(problems) {
    const { shown, more } = (0,bound/* boundList */.H0)(problems, 1_000);
    return [...shown.map((p) => `- ${(0,markdown_escape/* prose */.CS)(p, 1_000)}`), ...(more ? [`- ${more}`] : [])].join('\n');
}
/** Line names as code spans, at most 20 and how many more. */
function lineList(lines) {
    const { shown, more } = (0,bound/* boundList */.H0)(lines, 20);
    return [...shown.map((l) => (0,markdown_escape/* codeSpan */.SS)(l, 200)), ...(more ? [more] : [])].join(', ');
}
/** Opens what may be opened, closes the issue when everything landed, then labels and reports. */
async function advance(deps, loaded, state, input) {
    const number = loaded.issue.number;
    const created = await (0,requests_open/* openBackports */.Wl)(deps, input.backport, state, (0,requests_state/* targetsToOpen */.ew)(state), number);
    const labels = (0,classify/* planLabels */.nH)(state.targets, deps.config);
    if (input.action.kind === 'approve') {
        labels.add.push(deps.config.requests.labels.approved);
        labels.remove.push(deps.config.requests.labels.rejected);
    }
    // Closed once, when the last backport lands; a request reopened after that is left open.
    const closeNow = (0,requests_state/* isComplete */.As)(state) && !state.completed;
    if ((0,requests_state/* isComplete */.As)(state))
        state.completed = true;
    // An approval after a rejection (which closed the issue) reopens it until its backports land.
    if (input.action.kind === 'approve' &&
        loaded.issue.state === 'closed' &&
        !state.completed &&
        !deps.dryRun) {
        await (0,issues/* reopenIssue */.v2)(deps.github, deps.ctx.owner, deps.ctx.repo, number);
        loaded.issue.state = 'open';
    }
    await (0,replies/* syncLabels */.L)(deps, number, loaded.issue.labels, labels);
    await writePlan(deps, loaded, (0,render/* renderPlan */.E)({
        state,
        request: input.request,
        problems: [],
        maintained: input.maintained,
        config: deps.config,
        notes: input.notes,
    }));
    if (closeNow && loaded.issue.state === 'open' && !deps.dryRun)
        await (0,issues/* closeIssue */.wS)(deps.github, deps.ctx.owner, deps.ctx.repo, number, 'completed');
    if (input.action.kind === 'approve' && input.action.replyKey)
        await (0,replies/* reply */.T)(deps, number, input.action.replyKey, `Approved by ${(0,markdown_escape/* mention */.lE)(input.action.by)}. ${created.length ? `Opened ${created.map((c) => `#${c.number}`).join(', ')}.` : ''}`.trim());
    return outcomeOf(number, state, created);
}
async function reject(deps, loaded, action) {
    const number = loaded.issue.number;
    const state = loaded.state ?? { v: 1, source: undefined, targets: [] };
    (0,requests_state/* rejectPending */.h_)(state, action.by, action.reason);
    const l = deps.config.requests.labels;
    await (0,replies/* syncLabels */.L)(deps, number, loaded.issue.labels, {
        add: [l.request, l.rejected],
        remove: [l.awaitingApproval, l.approved],
    });
    const opened = state.targets.filter((t) => t.pr);
    const notes = opened.length
        ? [
            `Backports opened before the rejection stay open: ${opened.map((t) => `#${t.pr?.number}`).join(', ')}. Close them by hand if they should not land.`,
        ]
        : [];
    await writePlan(deps, loaded, (0,render/* renderPlan */.E)({ state, ...requestOf(deps, loaded), problems: [], config: deps.config, notes }));
    const reason = action.reason.trim() || '(no reason given)';
    await (0,replies/* reply */.T)(deps, number, action.replyKey, `Rejected by ${(0,markdown_escape/* mention */.lE)(action.by)}: ${(0,markdown_escape/* prose */.CS)(reason)}\n\nfixline closed this request. A release manager can still \`/approve\` it.`);
    if (loaded.issue.state === 'open' && !deps.dryRun)
        await (0,issues/* closeIssue */.wS)(deps.github, deps.ctx.owner, deps.ctx.repo, number, 'not_planned');
    return {
        ...outcomeOf(number, state, []),
        summary: `fixline (requests): #${number} rejected by ${(0,markdown_escape/* mention */.lE)(action.by)}: ${(0,markdown_escape/* prose */.CS)(reason)}\n`,
    };
}
async function writePlan(deps, loaded, body) {
    if (deps.dryRun) {
        deps.log.info(`dry run: plan comment on #${loaded.issue.number}:\n${body}`);
        return;
    }
    const written = await (0,comments/* writeComment */.HF)(deps.github, {
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
        issue: loaded.issue.number,
        ...(0,jobs/* commentIdentity */.M)(deps, requests_state/* PLAN_MARKER */.fN),
    }, loaded.comment, body);
    loaded.comment = { id: written.id, body };
}
function outcomeOf(number, state, created) {
    const results = (0,requests_open/* resultsOf */.qS)(state);
    const failed = results.some((r) => r.error !== undefined);
    const rows = results.map((r) => `| ${(0,markdown_escape/* codeSpan */.SS)(r.target, 200)} | ${r.status} | ${r.pullRequest ? `#${r.pullRequest.number}` : ''} | ${(0,markdown_escape/* proseCell */.qy)(r.message)} |`);
    const summary = [
        `### fixline: backport request #${number}`,
        '',
        '| Line | Status | PR | |',
        '| --- | --- | --- | --- |',
        ...rows,
        '',
    ].join('\n');
    return {
        job: JOB,
        results,
        createdPullRequests: created,
        conclusion: failed ? 'failure' : 'success',
        summary,
    };
}
/** The request as the issue states it, for the plan's summary line (none when unreadable). */
function requestOf(deps, loaded) {
    const parsed = (0,requests_form/* parseRequestForm */.PA)(loaded.issue.body, { owner: deps.ctx.owner, repo: deps.ctx.repo });
    return parsed.ok ? { request: parsed.request } : {};
}


/***/ }),

/***/ 9600:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ renderPlan)
/* harmony export */ });
/* harmony import */ var _markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3521);
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5330);
/* harmony import */ var _state_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7787);



/** Problems, table rows and notes shown; the job summary has every problem and row. */
const MAX_PROBLEMS = 30;
const MAX_ROWS = 100;
const MAX_NOTES = 20;
/** Maintained lines and release managers named in the policy line. */
const MAX_NAMES = 20;
const MORE = ' (see the job summary of the workflow run)';
const CLASS_TEXT = {
    patch: 'patch release',
    security: 'security release',
    exception: 'exception (outside the maintenance window)',
};
function renderPlan(view) {
    const out = [_state_js__WEBPACK_IMPORTED_MODULE_1__/* .PLAN_MARKER */ .fN];
    if (view.problems.length > 0) {
        out.push('### Backport request: cannot proceed', '');
        out.push('fixline cannot act on this request:', '');
        const problems = (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__/* .boundList */ .H0)(view.problems, MAX_PROBLEMS, ` problems${MORE}`);
        for (const p of problems.shown)
            out.push(`- ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .prose */ .CS)(p, 1_000)}`);
        if (problems.more)
            out.push(`- ${problems.more}`);
        out.push('', 'Nothing was opened. Edit the issue to fix this; fixline reads it again on every edit.');
    }
    else {
        out.push(`### Backport request: ${headline(view.state)}`, '');
        if (view.request)
            out.push(summary(view.request), '');
    }
    if (view.state.targets.length > 0 &&
        (view.problems.length === 0 || view.state.targets.some((t) => t.pr)))
        out.push(...targetTable(view.state.targets));
    if (view.state.rejected)
        out.push(`Rejected by ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mention */ .lE)(view.state.rejected.by)}: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .prose */ .CS)(view.state.rejected.reason, 1_000) || '(no reason given)'}`, '');
    const notes = (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__/* .boundList */ .H0)(view.notes ?? [], MAX_NOTES, ' notes');
    for (const note of notes.shown)
        out.push(note, '');
    if (notes.more)
        out.push(notes.more, '');
    out.push(policyText(view));
    out.push((0,_state_js__WEBPACK_IMPORTED_MODULE_1__/* .encodeState */ .Md)(view.state));
    return (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__/* .fitBody */ .KM)(out.join('\n'), _markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__/* .COMMENT_LIMIT */ .W$);
}
function targetTable(targets) {
    const rows = (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__/* .boundList */ .H0)(targets, MAX_ROWS, ` lines${MORE}`);
    const out = ['| Line | Release | Approval | Backport |', '| --- | --- | --- | --- |'];
    for (const t of rows.shown)
        out.push(`| ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(t.target, 200)} | ${CLASS_TEXT[t.classification]} | ${approvalText(t)} | ${backportText(t)} |`);
    out.push('');
    if (rows.more)
        out.push(rows.more, '');
    return out;
}
function headline(state) {
    if (state.rejected)
        return 'rejected';
    if (state.completed)
        return 'done';
    if (state.targets.some((t) => t.approval === 'pending'))
        return 'awaiting approval';
    if (state.targets.some((t) => t.status === 'failed' || t.status === 'conflict'))
        return 'needs attention';
    return 'in progress';
}
function summary(r) {
    const source = r.pr !== undefined ? `#${r.pr}` : r.commits.map((c) => c.slice(0, 12)).join(', ');
    return `Source: ${source} · severity ${r.severity} · priority ${r.priority} · security fix: ${r.security ? 'yes' : 'no'} · data-loss risk: ${r.dataLoss ? 'yes' : 'no'}`;
}
function approvalText(t) {
    switch (t.approval) {
        case 'not-needed':
            return 'not needed';
        case 'pending':
            return 'awaiting a release manager';
        case 'approved':
            return t.approvedBy ? `approved by ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mention */ .lE)(t.approvedBy)}` : 'approved';
        case 'rejected':
            return 'rejected';
    }
}
function backportText(t) {
    if (t.pr)
        return `#${t.pr.number} (${t.pr.state}${t.status === 'conflict' ? ', conflict' : ''})`;
    switch (t.status) {
        case 'already-applied':
            return 'already on the line';
        case 'failed':
            return `failed: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .proseCell */ .qy)(t.message ?? '')}`;
        case 'conflict':
            return `conflict: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .proseCell */ .qy)(t.message ?? '')}`;
        case 'skipped':
            return `skipped: ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .proseCell */ .qy)(t.message ?? '')}`;
        default:
            return t.approval === 'pending'
                ? 'waits for approval'
                : t.approval === 'rejected'
                    ? '-'
                    : 'not opened yet';
    }
}
function policyText(view) {
    const rm = view.config.requests.releaseManagers;
    const who = (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__/* .boundList */ .H0)([...rm.users, ...rm.teams].map(_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .mention */ .lE), MAX_NAMES);
    const maintained = view.maintained;
    const names = maintained &&
        (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_2__/* .boundList */ .H0)(maintained.map((l) => (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(l, 200)), MAX_NAMES);
    const lines = names === undefined
        ? ''
        : `Maintained lines: ${names.shown.length ? [...names.shown, ...(names.more ? [names.more] : [])].join(', ') : '(none found)'}. `;
    const managers = who.shown.length
        ? [...who.shown, ...(who.more ? [who.more] : [])].join(', ')
        : 'none configured: set requests.releaseManagers';
    const approve = `A release manager (${managers}) approves with \`/approve\` or the ${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .codeSpan */ .SS)(view.config.requests.labels.approved)} label, or declines with \`/reject <reason>\`.`;
    return `<sub>${lines}${approve}</sub>`;
}


/***/ }),

/***/ 8098:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ syncLabels),
/* harmony export */   T: () => (/* binding */ reply)
/* harmony export */ });
/* harmony import */ var _github_labels_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7448);
/* harmony import */ var _github_issues_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5039);
/* harmony import */ var _github_comments_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6645);
/* harmony import */ var _markdown_bound_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3521);




/**
 * A reply fixline posts once per `key` (a command's comment id, a refused label and user): a second
 * delivery of the same event finds it and writes nothing (a repeat has less news: "Opened #12" would
 * become a bare "Approved"). `body` is Markdown with its outside text escaped (markdown/escape.ts);
 * it is cut to GitHub's size limit, leaving room for the reply's marker.
 */
async function reply(deps, issue, key, body) {
    deps.log.info(`#${issue}: ${body.split('\n')[0] ?? ''}`);
    if (deps.dryRun)
        return;
    await (0,_github_comments_js__WEBPACK_IMPORTED_MODULE_0__/* .replyOnce */ .iv)(deps.github, {
        owner: deps.ctx.owner,
        repo: deps.ctx.repo,
        issue,
        key,
        body: (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_1__/* .fitBody */ .KM)(body, _markdown_bound_js__WEBPACK_IMPORTED_MODULE_1__/* .COMMENT_LIMIT */ .W$ - 512),
        author: deps.botLogin,
        warn: (m) => deps.log.warning(m),
    });
}
/** Adds the labels that are missing and removes the unwanted ones that are present (no call when in sync). */
async function syncLabels(deps, issue, current, wanted) {
    const add = wanted.add.filter((l) => !current.includes(l));
    const remove = wanted.remove.filter((l) => current.includes(l));
    if (add.length === 0 && remove.length === 0)
        return;
    deps.log.info(`#${issue}: labels +[${add.join(', ')}] -[${remove.join(', ')}]`);
    if (deps.dryRun)
        return;
    await (0,_github_labels_js__WEBPACK_IMPORTED_MODULE_2__/* .addLabels */ .N)(deps.github, deps.ctx.owner, deps.ctx.repo, issue, add);
    for (const label of remove)
        await (0,_github_issues_js__WEBPACK_IMPORTED_MODULE_3__/* .removeLabel */ .tA)(deps.github, deps.ctx.owner, deps.ctx.repo, issue, label);
}


/***/ }),

/***/ 7787:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   As: () => (/* binding */ isComplete),
/* harmony export */   I5: () => (/* binding */ mergeState),
/* harmony export */   Md: () => (/* binding */ encodeState),
/* harmony export */   UJ: () => (/* binding */ decodeState),
/* harmony export */   ew: () => (/* binding */ targetsToOpen),
/* harmony export */   fN: () => (/* binding */ PLAN_MARKER),
/* harmony export */   fR: () => (/* binding */ approvePending),
/* harmony export */   h_: () => (/* binding */ rejectPending)
/* harmony export */ });
/* unused harmony exports STATE_MAX, fitState */
/* harmony import */ var _payload_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(41);
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5330);


/**
 * The hidden state of a plan comment (pure). The comment carries what was decided (classification,
 * approvals) and done (backport PRs), so that every event, delivered once or twice, acts only on
 * what is left.
 */
const PLAN_MARKER = '<!-- fixline:backport-request -->';
const STATE_PREFIX = '<!-- fixline:state ';
/**
 * Most characters of the encoded state: with the visible plan (cut by `fitBody`) the comment stays
 * under GitHub's 65,536.
 */
const STATE_MAX = 40_000;
/** The longest rejection reason kept in the state (the reply comment has it whole). */
const REASON_MAX = 1_000;
/** The state as a hidden comment, at most `max` characters (see `fitState` for what gives way). */
function encodeState(state, max = STATE_MAX) {
    const room = max - STATE_PREFIX.length - ' -->'.length;
    return `${STATE_PREFIX}${(0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .hiddenJson */ .jc)(fitState(state, room))} -->`;
}
/** Parts of a too large state dropped in turn, least useful first (see `fitState`). */
const DROPS = [
    // Nothing done or decided yet: the next edit of the form plans it again.
    (t) => !t.status && !t.pr && t.approval === 'not-needed',
    // Failed and skipped lines are retried on the next event anyway; an already-applied one is found again.
    (t) => !t.pr && (t.status === 'failed' || t.status === 'skipped' || t.status === 'already-applied'),
    // Waiting for approval: back as pending with the next edit of the form (or `/backport` on a PR).
    (t) => !t.pr && t.approval === 'pending',
    // A release manager's decision on a line with no backport yet.
    (t) => !t.pr,
    // Backports that were merged or closed.
    (t) => t.pr?.state !== 'open',
    // Last, open backports.
    () => true,
];
/**
 * The state in at most `max` characters of JSON. Messages are kept as far as the plan shows them
 * (300 characters) and the rejection reason to 1,000. When that is still too large (a request with
 * thousands of lines), parts give way deliberately, least useful first: every message, then (from
 * the last line up) lines nothing was done for, failed/skipped/already-applied lines without a PR,
 * lines awaiting approval, other lines without a PR, lines whose PR was merged or closed, and last
 * lines with an open PR. What is dropped is planned again from the form on the next event, so
 * the cost is at most a repeated approval or backport attempt; a line with a PR goes only when
 * hundreds of PRs would not fit.
 */
function fitState(state, max) {
    const fitted = {
        ...state,
        targets: state.targets.map((t) => t.message === undefined ? t : { ...t, message: (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(t.message, _markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .CELL_MAX */ .ai) }),
        ...(state.rejected
            ? { rejected: { ...state.rejected, reason: (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .shorten */ .ml)(state.rejected.reason, REASON_MAX) } }
            : {}),
    };
    if ((0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .hiddenJson */ .jc)(fitted).length <= max)
        return fitted;
    const targets = fitted.targets.map(({ message: _m, ...t }) => t);
    // The array's length is the sum of its targets' (each escaped alike) plus commas.
    const sizes = targets.map((t) => (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .hiddenJson */ .jc)(t).length + 1);
    let total = (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .hiddenJson */ .jc)({ ...fitted, targets: [] }).length + sizes.reduce((a, b) => a + b, 0);
    const keep = targets.map(() => true);
    for (const drop of DROPS) {
        for (let i = targets.length - 1; i >= 0 && total > max; i--) {
            if (keep[i] && drop(targets[i])) {
                keep[i] = false;
                total -= sizes[i] ?? 0;
            }
        }
    }
    return { ...fitted, targets: targets.filter((_t, i) => keep[i]) };
}
/**
 * The state in a comment body: the last state marker, where fixline writes it (outside text in
 * the visible part is escaped and cannot form one anyway). Undefined when missing or malformed
 * (then the plan starts afresh).
 */
function decodeState(body) {
    const text = body ?? '';
    const start = text.lastIndexOf(STATE_PREFIX);
    const end = start < 0 ? -1 : text.indexOf(' -->', start);
    if (end < 0)
        return undefined;
    const json = text.slice(start + STATE_PREFIX.length, end);
    let data;
    try {
        data = JSON.parse(json);
    }
    catch {
        return undefined;
    }
    if (!(0,_payload_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data) || data.v !== 1 || !Array.isArray(data.targets))
        return undefined;
    const targets = data.targets.filter(isTrackedTarget);
    const source = typeof data.source === 'number' && Number.isSafeInteger(data.source) ? data.source : undefined;
    const state = { v: 1, source, targets };
    if ((0,_payload_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(data.rejected) &&
        typeof data.rejected.by === 'string' &&
        typeof data.rejected.reason === 'string')
        state.rejected = { by: data.rejected.by, reason: data.rejected.reason };
    if (data.completed === true)
        state.completed = true;
    return state;
}
/**
 * New plans merged over what an earlier event decided and did: a target that was already acted on
 * keeps its record; approvals and rejections stay; targets dropped from the form are forgotten unless
 * a backport was opened for them.
 */
function mergeState(previous, source, plans) {
    // Approvals are for one source PR: an edit that names another PR starts the approvals afresh.
    const sameSource = previous?.source === undefined || previous.source === source;
    const old = new Map((sameSource ? (previous?.targets ?? []) : []).map((t) => [t.target, t]));
    const targets = plans.map((plan) => {
        const before = old.get(plan.target);
        if (!before)
            return { ...plan };
        if (before.status && before.status !== 'failed' && before.status !== 'skipped')
            return before;
        if (before.approval === 'rejected')
            return { ...plan, approval: 'rejected' };
        if (plan.approval === 'pending' && before.approval === 'approved')
            return {
                ...plan,
                approval: 'approved',
                ...(before.approvedBy ? { approvedBy: before.approvedBy } : {}),
            };
        return { ...plan };
    });
    for (const t of previous?.targets ?? []) {
        if (!plans.some((p) => p.target === t.target) && t.pr)
            targets.push(t);
    }
    const state = { v: 1, source, targets };
    if (previous?.rejected)
        state.rejected = previous.rejected;
    if (previous?.completed)
        state.completed = true;
    return state;
}
/** Targets whose backport may be opened now: approved or needing no approval, and not yet done. */
function targetsToOpen(state) {
    if (state.rejected)
        return [];
    return state.targets
        .filter((t) => (t.approval === 'not-needed' || t.approval === 'approved') &&
        (!t.status || t.status === 'failed' || t.status === 'skipped'))
        .map((t) => t.target);
}
/** Every target has landed: its backport PR merged, or the fix was already on the line. */
function isComplete(state) {
    const live = state.targets.filter((t) => t.approval !== 'rejected');
    return (!state.rejected &&
        live.length > 0 &&
        live.every((t) => t.status === 'already-applied' || t.pr?.state === 'merged'));
}
/**
 * Marks every pending (or earlier rejected) target approved by a release manager, lifting a rejection;
 * returns the targets approved.
 */
function approvePending(state, by) {
    const approved = [];
    delete state.rejected;
    for (const t of state.targets) {
        if (t.approval === 'pending' || t.approval === 'rejected') {
            t.approval = 'approved';
            t.approvedBy = by;
            approved.push(t.target);
        }
    }
    return approved;
}
function rejectPending(state, by, reason) {
    state.rejected = { by, reason };
    for (const t of state.targets)
        if (t.approval === 'pending')
            t.approval = 'rejected';
}
const CLASSES = new Set(['patch', 'security', 'exception']);
const APPROVALS = new Set(['not-needed', 'pending', 'approved', 'rejected']);
const STATUSES = new Set(['created', 'updated', 'already-applied', 'conflict', 'failed', 'skipped']);
const PR_STATES = new Set(['open', 'merged', 'closed']);
function isTrackedTarget(v) {
    if (!(0,_payload_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(v))
        return false;
    if (typeof v.target !== 'string' ||
        !CLASSES.has(v.classification) ||
        !APPROVALS.has(v.approval))
        return false;
    if (v.status !== undefined && !STATUSES.has(v.status))
        return false;
    if (v.approvedBy !== undefined && typeof v.approvedBy !== 'string')
        return false;
    if (v.message !== undefined && typeof v.message !== 'string')
        return false;
    if (v.pr !== undefined) {
        if (!(0,_payload_js__WEBPACK_IMPORTED_MODULE_0__/* .isRecord */ .u4)(v.pr) ||
            typeof v.pr.number !== 'number' ||
            typeof v.pr.url !== 'string' ||
            !PR_STATES.has(v.pr.state))
            return false;
    }
    return true;
}


/***/ })

};
