export const id = 766;
export const ids = [766];
export const modules = {

/***/ 4766:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  payloadShowsOtherIssue: () => (/* binding */ payloadShowsOtherIssue),
  runRequestsJob: () => (/* binding */ runRequestsJob)
});

// EXTERNAL MODULE: ./src/jobs.ts
var jobs = __webpack_require__(5995);
// EXTERNAL MODULE: ./src/github/issues.ts
var github_issues = __webpack_require__(5039);
// EXTERNAL MODULE: ./src/requests/managers.ts + 1 modules
var managers = __webpack_require__(3492);
// EXTERNAL MODULE: ./src/requests/pr-approval.ts
var pr_approval = __webpack_require__(1232);
// EXTERNAL MODULE: ./src/requests/process.ts + 1 modules
var process = __webpack_require__(3084);
// EXTERNAL MODULE: ./src/markdown/escape.ts
var markdown_escape = __webpack_require__(5330);
// EXTERNAL MODULE: ./src/requests/replies.ts
var replies = __webpack_require__(8098);
;// CONCATENATED MODULE: ./src/requests/approval.ts







/**
 * The approved label added to a request: an approval when the labeler is a release manager;
 * anyone else's label is removed again with an explanation.
 */
async function handleLabeled(deps, trigger, backport) {
    const approved = deps.config.requests.labels.approved;
    if (trigger.label !== approved)
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `label "${trigger.label}" is not the approval label (${approved})`);
    if (trigger.user === deps.botLogin)
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, 'fixline added the approval label itself');
    const issue = await (0,github_issues/* getIssue */.qB)(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.issue);
    if (!(0,process/* isRequestIssue */.Nc)(deps, issue))
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `#${trigger.issue} is not a backport request`);
    if (await isBotEcho(deps, trigger, issue))
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `@${trigger.user} (a bot) labelled a request with nothing awaiting approval`);
    const check = await (0,managers/* checkReleaseManager */.V3)(deps, trigger.user);
    if (!check.manager) {
        if (!deps.dryRun)
            await (0,github_issues/* removeLabel */.tA)(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.issue, approved);
        await (0,replies/* reply */.T)(deps, trigger.issue, `label-${trigger.user}`, `${(0,markdown_escape/* mention */.lE)(trigger.user)}: only release managers can approve backport requests (${(0,managers/* releaseManagerList */.nL)(deps)}), so fixline removed the ${(0,markdown_escape/* codeSpan */.SS)(approved)} label. Nothing was opened.${(0,managers/* unreadableNote */.Gz)(check)}`);
        return {
            ...(0,jobs/* skipped */.h)(process/* JOB */.cJ, `@${trigger.user} is not a release manager: label removed`),
            conclusion: 'neutral',
        };
    }
    return (0,process/* processRequest */.zc)(deps, trigger.issue, { kind: 'approve', by: trigger.user }, backport, issue);
}
/** `/approve` and `/reject <reason>` on a request issue (or on a PR with a held `/backport`). */
async function handleCommand(deps, trigger, backport) {
    const issue = await (0,github_issues/* getIssue */.qB)(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.issue);
    if (issue.isPullRequest)
        return (0,pr_approval.handlePrCommand)(deps, trigger.issue, {
            ...trigger,
            argument: trigger.command === 'reject' ? rejectReason(deps, trigger) : trigger.argument,
        }, backport);
    // An ordinary issue's `/approve` is not fixline's business: no membership call, no reply.
    if (!(0,process/* isRequestIssue */.Nc)(deps, issue))
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `#${trigger.issue} is not a backport request`);
    const key = `comment-${trigger.commentId}`;
    const check = await (0,managers/* checkReleaseManager */.V3)(deps, trigger.user);
    if (!check.manager) {
        await (0,replies/* reply */.T)(deps, trigger.issue, key, `${(0,markdown_escape/* mention */.lE)(trigger.user)}: only release managers can \`/${trigger.command}\` backport requests (${(0,managers/* releaseManagerList */.nL)(deps)}). Nothing changed.${(0,managers/* unreadableNote */.Gz)(check)}`);
        return { ...(0,jobs/* skipped */.h)(process/* JOB */.cJ, `@${trigger.user} is not a release manager`), conclusion: 'neutral' };
    }
    if (trigger.command === 'reject')
        return (0,process/* processRequest */.zc)(deps, trigger.issue, { kind: 'reject', by: trigger.user, reason: rejectReason(deps, trigger), replyKey: key }, backport, issue);
    return (0,process/* processRequest */.zc)(deps, trigger.issue, { kind: 'approve', by: trigger.user, replyKey: key }, backport, issue);
}
/**
 * The reason as written: the rest of the comment after `/reject` (the router's argument has lost
 * its punctuation to argument splitting). Falls back to the argument.
 */
function rejectReason(deps, trigger) {
    const comment = deps.ctx.payload.comment;
    if (comment?.id !== trigger.commentId || typeof comment.body !== 'string')
        return trigger.argument;
    const text = comment.body.replace(/\r/g, '').trim();
    const match = /^\/reject\b[ \t]*([\s\S]*)$/.exec(text);
    const reason = (match?.[1] ?? '').trim();
    return reason.length > 0 ? reason.slice(0, 2000) : trigger.argument;
}
/**
 * fixline adds the approved label itself on `/approve`; with a GitHub App token that label fires
 * another `labeled` event from the bot. A bot's label on a request with nothing awaiting approval
 * changes nothing, so it is neither an approval nor a label to remove.
 */
async function isBotEcho(deps, trigger, issue) {
    if (!trigger.user.endsWith('[bot]'))
        return false;
    const loaded = await (0,process/* loadRequest */.W$)(deps, trigger.issue, issue);
    return !loaded?.state?.targets.some((t) => t.approval === 'pending');
}

// EXTERNAL MODULE: ./src/requests/form.ts
var requests_form = __webpack_require__(9010);
// EXTERNAL MODULE: ./src/requests/open.ts
var requests_open = __webpack_require__(7204);
// EXTERNAL MODULE: ./src/github/pulls.ts
var pulls = __webpack_require__(4487);
// EXTERNAL MODULE: ./src/requests/render.ts
var render = __webpack_require__(9600);
// EXTERNAL MODULE: ./src/requests/classify.ts
var classify = __webpack_require__(2530);
// EXTERNAL MODULE: ./src/requests/state.ts
var requests_state = __webpack_require__(7787);
;// CONCATENATED MODULE: ./src/requests/tracking.ts








const BRANCH = /^backport\/(\d{1,9})-to-(.+)$/;
/** fixline's own line in a backport PR's body (a line of its own: a quoted commit subject cannot forge it). */
const REQUESTED_IN = /^Requested in #(\d{1,9})\.?[ \t]*$/gm;
/** The request issues a backport PR's body names, each once. */
function requestIssuesIn(body) {
    return [...new Set([...body.matchAll(REQUESTED_IN)].map((m) => Number(m[1])))];
}
/**
 * A backport PR (`backport/<n>-to-<target>`) was merged: update the request(s) that track it and
 * close each one whose backports have all landed. The request is named in the backport PR's body
 * ("Requested in #<issue>", one pulls.get). A body with fixline's marker and no such line belongs to
 * a label or `/backport` backport: no call more. Only a body without fixline's marker (a PR opened by
 * hand, or its body rewritten) makes fixline list the open request issues (one call per 100) and
 * read their plan comments, to find the one whose state names this source PR and line.
 */
async function handleBackportMerged(deps, trigger) {
    const branch = BRANCH.exec(trigger.headRef);
    if (!branch?.[1] || !branch[2])
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `${trigger.headRef} is not a backport branch`);
    const source = Number(branch[1]);
    const target = branch[2];
    const raw = await (0,pulls/* getPullRaw */.yR)(deps.github, deps.ctx.owner, deps.ctx.repo, trigger.pr);
    const body = typeof raw.body === 'string' ? raw.body : '';
    let issues = requestIssuesIn(body);
    // fixline's own body without "Requested in": a label or /backport backport, which no request tracks.
    if (issues.length === 0 && body.includes('<!-- fixline:backport '))
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `#${trigger.pr} was not opened for a request`);
    if (issues.length === 0)
        issues = await (0,github_issues/* openIssuesWithLabel */.jJ)(deps.github, deps.ctx.owner, deps.ctx.repo, deps.config.requests.labels.request, 50);
    const outcomes = [];
    for (const number of issues) {
        const loaded = await (0,process/* loadRequest */.W$)(deps, number);
        const tracked = loaded?.state?.source === source
            ? loaded.state.targets.find((t) => t.target === target)
            : undefined;
        if (!loaded?.state || !tracked)
            continue;
        tracked.pr = {
            number: trigger.pr,
            url: typeof raw.html_url === 'string' ? raw.html_url : (tracked.pr?.url ?? ''),
            state: 'merged',
        };
        tracked.status ??= 'created';
        await refreshOthers(deps, loaded.state, trigger.pr);
        outcomes.push(await settle(deps, loaded, loaded.state));
    }
    if (outcomes.length === 0)
        return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `no backport request tracks #${trigger.pr} (${trigger.headRef})`);
    return outcomes.length === 1 && outcomes[0]
        ? outcomes[0]
        : {
            ...outcomes[0],
            results: outcomes.flatMap((o) => o.results),
            summary: outcomes.map((o) => o.summary).join('\n'),
        };
}
/** The other backport PRs of the request that were still open: one pulls.get each, in case their merge event was missed. */
async function refreshOthers(deps, state, merged) {
    for (const t of state.targets) {
        if (!t.pr || t.pr.number === merged || t.pr.state === 'merged')
            continue;
        try {
            const raw = await (0,pulls/* getPullRaw */.yR)(deps.github, deps.ctx.owner, deps.ctx.repo, t.pr.number);
            const isMerged = raw.merged === true || (typeof raw.merged_at === 'string' && raw.merged_at !== '');
            t.pr.state = isMerged ? 'merged' : raw.state === 'closed' ? 'closed' : 'open';
        }
        catch (error) {
            deps.log.warning(`cannot read backport PR #${t.pr.number}: ${error instanceof Error ? error.message : String(error)}`);
        }
    }
}
async function settle(deps, loaded, state) {
    const number = loaded.issue.number;
    // Closed once, when the last backport lands; a request reopened after that is left open.
    const closeNow = (0,requests_state/* isComplete */.As)(state) && !state.completed;
    if ((0,requests_state/* isComplete */.As)(state))
        state.completed = true;
    await (0,replies/* syncLabels */.L)(deps, number, loaded.issue.labels, (0,classify/* planLabels */.nH)(state.targets, deps.config));
    const notes = closeNow ? ['Every backport has landed: fixline closed this request.'] : [];
    await (0,process/* writePlan */.pD)(deps, loaded, (0,render/* renderPlan */.E)({ state, ...(0,process/* requestOf */.fo)(deps, loaded), problems: [], config: deps.config, notes }));
    if (closeNow && loaded.issue.state === 'open' && !deps.dryRun)
        await (0,github_issues/* closeIssue */.wS)(deps.github, deps.ctx.owner, deps.ctx.repo, number, 'completed');
    return (0,process/* outcomeOf */.sG)(number, state, []);
}

;// CONCATENATED MODULE: ./src/requests/job.ts






/**
 * Backport requests (DESIGN §3): issue-form requests checked against the maintenance policy,
 * approved by release managers, opened with the backport engine, tracked until merged.
 */
async function runRequestsJob(deps, trigger, backport = requests_open/* defaultBackport */.ki) {
    switch (trigger.type) {
        case 'issue':
            if (payloadShowsOtherIssue(deps, trigger.issue))
                return (0,jobs/* skipped */.h)(process/* JOB */.cJ, `#${trigger.issue} is not a backport request`);
            return (0,process/* processRequest */.zc)(deps, trigger.issue, { kind: 'event' }, backport);
        case 'issue-labeled':
            return handleLabeled(deps, trigger, backport);
        case 'command':
            return handleCommand(deps, trigger, backport);
        case 'backport-merged':
            return handleBackportMerged(deps, trigger);
    }
}
/**
 * Every issue event of the repository reaches fixline; the payload already tells most of them apart
 * (no request label, not the form), so those cost no API call. Anything else is read from the API.
 */
function payloadShowsOtherIssue(deps, number) {
    const issue = deps.ctx.payload.issue;
    if (!issue || issue.number !== number || !Array.isArray(issue.labels))
        return false;
    const labels = issue.labels.map((l) => typeof l === 'string' ? l : l?.name);
    if (labels.includes(deps.config.requests.labels.request))
        return false;
    return !(0,requests_form/* looksLikeRequestForm */.Jl)(typeof issue.body === 'string' ? issue.body : '');
}


/***/ })

};
