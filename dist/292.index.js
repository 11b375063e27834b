export const id = 292;
export const ids = [292];
export const modules = {

/***/ 2146:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PL: () => (/* binding */ fixEvidence)
});

// UNUSED EXPORTS: EvidenceCache, FixEvidence, VENDORED_DIRS, commitsForPairs, sampleTips

;// CONCATENATED MODULE: ./src/evidence/messages.ts
/**
 * What a commit message says about where the commit came from: cherry-pick trailers, reverts, svn
 * revisions (git-svn-id and merge messages naming revisions) and release-tool commits. Pure.
 */
const PICKED = /^\(cherry picked from commit ([0-9a-f]{7,64})\)$/;
const REVERTS = /\bThis reverts commit ([0-9a-f]{7,64})\b/;
const SVN_ID = /^git-svn-id: \S+@(\d{1,9}) [0-9a-fA-F-]{8,}$/;
/** A subject that says it carries other revisions: "Merged r1 and r2 to 5.0-stable", "Backport r7 from trunk". */
const MERGE_SUBJECT = /^(?:\[[^\]]{0,40}\]\s*)?(?:svn\s+)?(?:merged?|backport(?:ed)?|ported)\b/i;
const RELEASE_TOOL = [
    /^\[maven-release-plugin\]/i,
    /^\[gradle release plugin\]/i,
    /\bprepare (?:for )?(?:the )?next development iteration\b/i,
    /^Setting version to \S+$/, // sbt-release
];
/** The most revisions one range in a merge message expands to ("Merged revisions 100-200"). */
const MAX_RANGE = 1000;
function messageFacts(message) {
    const lines = message.split('\n').map((l) => l.trim());
    const subject = lines.find((l) => l.length > 0) ?? '';
    const pickedFrom = [];
    let svnRevision;
    for (const line of lines) {
        const pick = PICKED.exec(line);
        if (pick)
            pickedFrom.push(pick[1]);
        const svn = SVN_ID.exec(line);
        if (svn)
            svnRevision = Number(svn[1]);
    }
    const reverts = REVERTS.exec(message)?.[1];
    const svnMerged = mergedRevisions(subject);
    if (svnRevision === undefined && svnMerged.length === 0 && !reverts)
        svnRevision = namedRevision(subject);
    return {
        subject,
        pickedFrom,
        ...(reverts ? { reverts } : {}),
        ...(svnRevision !== undefined ? { svnRevision } : {}),
        svnMerged,
        releaseTool: RELEASE_TOOL.some((re) => re.test(subject)),
    };
}
/**
 * Revisions named by a merge-style subject, up to the first `from`/`to`/`into`/`via`/`onto`:
 * `r123`, `r1-r5`, `r1:5`; bare numbers only after the word "revision(s)" (svnmerge.py's
 * "Merged revisions 1234-1236,1240 via svnmerge from ...").
 */
function mergedRevisions(subject) {
    if (!MERGE_SUBJECT.test(subject))
        return [];
    const head = subject.split(/\s(?:from|to|into|via|onto)\s/i)[0] ?? '';
    const bare = /\brevisions?\b/i.test(head);
    const token = bare
        ? /\br?(\d{1,9})(?:\s*[-:]\s*r?(\d{1,9}))?\b/g
        : /\br(\d{1,9})(?:\s*[-:]\s*r?(\d{1,9}))?\b/g;
    const out = new Set();
    for (const m of head.matchAll(token)) {
        const first = Number(m[1]);
        const last = m[2] === undefined ? first : Number(m[2]);
        if (last < first || last - first > MAX_RANGE)
            out.add(first);
        else
            for (let r = first; r <= last; r++)
                out.add(r);
    }
    return [...out];
}
/** The one svn revision a subject names (`r21541: fix ...`, `Fix x (r21541)`), if exactly one. */
function namedRevision(subject) {
    const all = [...subject.matchAll(/\br(\d{1,9})\b/g)];
    return all.length === 1 ? Number(all[0]?.[1]) : undefined;
}
/**
 * The key under which "same subject, same author" is looked up: the subject without leading
 * `[...]` tags (`[1.x]`, `[backport 5.0]`) or a trailing pull request number (`(#123)`, which a
 * squash-merged backport PR changes), whitespace collapsed, lower case; and the author's email.
 * Empty when the subject is.
 */
function subjectKey(subject, email) {
    const s = subject
        .replace(/^(?:\[[^\]]{0,40}\]\s*)+/, '')
        .replace(/\s*\(#\d+\)$/, '')
        .replace(/\s+/g, ' ')
        .trim()
        .toLowerCase();
    return s === '' ? '' : `${s}\u0000${email.toLowerCase()}`;
}

;// CONCATENATED MODULE: ./src/evidence/match.ts
/**
 * Evidence between commits, built once over every commit read, by graph position: links of equal
 * patch id, cherry-pick trailers and svn merge revisions; revert targets; and the weak
 * subject+author key. A pair then asks, per commit of its side, "is one of my linked commits
 * reachable from the other tip": a bit test per linked commit. Pure.
 */

/** Evidence kinds by number (counted in an Int32Array per pair). */
const KINDS = [
    'patch-id',
    'cherry-pick',
    'svn-merge',
    'revert',
    'release-tool',
    'bookkeeping',
    'same-subject-author',
];
const REVERT = KINDS.indexOf('revert');
const match_RELEASE_TOOL = KINDS.indexOf('release-tool');
const BOOKKEEPING = KINDS.indexOf('bookkeeping');
const WEAK = KINDS.indexOf('same-subject-author');
/** What a commit is before any pair is asked about. */
const UNREAD = 0;
const MERGE = 1;
const NO_PATCH = 2;
const RELEASE = 3;
const FIX = 4;
/** How far a search for linked commits goes (chains of picks of picks are short). */
const MAX_LINKED = 256;
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
const has = (bits, i) => (bits[i >>> 5] & (1 << (i & 31))) !== 0;
class EvidenceIndex {
    graph;
    facts;
    links = new Map();
    revertOf = new Map();
    linked = new Map();
    read = [];
    /** Built on first use: most pairs lose nothing, so most runs never need them. */
    weakIndex;
    sortedShas;
    /** Per graph position: UNREAD, MERGE, NO_PATCH, RELEASE or FIX. */
    status;
    /** Per-kind counts of the pair being compared (one array, reset per pair). */
    counts = new Int32Array(KINDS.length);
    constructor(graph, facts, shas) {
        this.graph = graph;
        this.facts = facts;
        this.status = new Uint8Array(graph.size);
        for (let i = 0; i < graph.size; i++)
            if (graph.isMerge(i))
                this.status[i] = MERGE;
        const read = this.read;
        for (const sha of shas) {
            const i = graph.order(sha);
            const f = facts(sha);
            if (i < 0 || !f || this.status[i] === MERGE)
                continue;
            read.push([i, f]);
            this.status[i] = !f.hasPatch ? NO_PATCH : f.releaseTool || f.versionOnly ? RELEASE : FIX;
        }
        this.linkPatchIds(read);
        this.linkSvn(read);
        for (const [i, f] of read) {
            for (const src of f.pickedFrom)
                this.link(i, this.resolve(src), 'cherry-pick');
            const target = f.reverts ? this.resolve(f.reverts) : -1;
            if (target >= 0)
                this.revertOf.set(i, target);
        }
    }
    /** Commits with a patch by subject+author key. */
    get weak() {
        if (this.weakIndex)
            return this.weakIndex;
        this.weakIndex = new Map();
        for (const [i, f] of this.read) {
            const key = f.hasPatch ? subjectKey(f.subject, f.email) : '';
            if (key)
                push(this.weakIndex, key, i);
        }
        return this.weakIndex;
    }
    get sorted() {
        return (this.sortedShas ??= [...this.graph.shas].sort());
    }
    /** What `pair.from` has that `pair.to` lacks, commit by commit (graph order). */
    compare(pair, detail = false) {
        const ra = this.graph.reachable(pair.from);
        const rx = this.graph.reachable(pair.to);
        const cancelled = this.revertOf.size > 0
            ? this.cancelled(this.graph.exclusive(pair.from, pair.to), ra, rx)
            : undefined;
        const out = {
            from: pair.from,
            to: pair.to,
            lost: [],
            probable: [],
            counts: {},
            unread: 0,
        };
        if (detail)
            out.found = [];
        const counts = this.counts.fill(0);
        // The side's commits straight from the bitsets (reachable from `from`, not from `to`).
        for (let w = 0; w < ra.length; w++) {
            let word = ra[w] & ~rx[w];
            while (word !== 0) {
                const bit = 31 - Math.clz32(word & -word);
                word &= word - 1;
                const i = w * 32 + bit;
                const status = this.status[i];
                if (status === MERGE)
                    continue;
                if (status === UNREAD)
                    out.unread++;
                else if (status !== FIX)
                    this.note(out, counts, i, status === NO_PATCH ? BOOKKEEPING : match_RELEASE_TOOL);
                else if (cancelled?.has(i))
                    this.note(out, counts, i, REVERT);
                else
                    this.judge(out, counts, i, ra, rx);
            }
        }
        for (let n = 0; n < KINDS.length; n++)
            if (counts[n])
                out.counts[KINDS[n]] = counts[n];
        return out;
    }
    /** A fix candidate: found by strong evidence, probably ported (weak), or lost. */
    judge(out, counts, i, ra, rx) {
        const hit = this.strongMatch(i, rx);
        if (hit)
            return this.note(out, counts, i, KINDS.indexOf(hit.kind), hit.to);
        const weak = this.weakMatch(i, ra, rx);
        if (weak === undefined) {
            out.lost.push(this.ref(i));
            return;
        }
        out.probable.push({ commit: this.ref(i), counterpart: this.ref(weak) });
        this.note(out, counts, i, WEAK, weak);
    }
    note(out, counts, i, kind, counterpart) {
        counts[kind]++;
        out.found?.push({
            commit: this.ref(i),
            evidence: KINDS[kind],
            ...(counterpart === undefined ? {} : { counterpart: this.graph.shas[counterpart] }),
        });
    }
    /** A commit linked to `i` that `to` reaches (searched once per commit, then a bit test each). */
    strongMatch(i, rx) {
        const linked = this.linked.get(i) ?? this.search(i);
        for (const l of linked)
            if (has(rx, l.to))
                return l;
        return undefined;
    }
    ref(i) {
        const sha = this.graph.shas[i];
        return { sha, subject: this.facts(sha)?.subject ?? '' };
    }
    /**
     * Commits of the side cancelled by a revert on the same side, newest first, so that in a chain
     * (c, revert of c, revert of the revert) the last two cancel and c stands.
     */
    cancelled(side, ra, rx) {
        const out = new Set();
        for (let k = side.length - 1; k >= 0; k--) {
            const r = side[k];
            const c = this.revertOf.get(r);
            if (c === undefined || out.has(r) || out.has(c) || !has(ra, c) || has(rx, c))
                continue;
            out.add(r);
            out.add(c);
        }
        return out;
    }
    /** A commit on `to`'s side only with the same subject and author. */
    weakMatch(i, ra, rx) {
        const f = this.facts(this.graph.shas[i]);
        const key = f ? subjectKey(f.subject, f.email) : '';
        return key ? this.weak.get(key)?.find((j) => has(rx, j) && !has(ra, j)) : undefined;
    }
    /** Commits linked to `i`, directly or not (breadth first, at most MAX_LINKED), with the kind of the last link. */
    search(i) {
        const out = [];
        const seen = new Set([i]);
        const queue = [i];
        while (queue.length > 0 && seen.size < MAX_LINKED) {
            for (const l of this.links.get(queue.shift()) ?? []) {
                if (seen.has(l.to))
                    continue;
                seen.add(l.to);
                out.push(l);
                queue.push(l.to);
            }
        }
        this.linked.set(i, out);
        return out;
    }
    linkPatchIds(read) {
        const first = new Map();
        for (const [i, f] of read) {
            if (!f.patchId || !f.hasPatch)
                continue;
            const j = first.get(f.patchId);
            if (j === undefined)
                first.set(f.patchId, i);
            else
                this.link(i, j, 'patch-id');
        }
    }
    /** A merge message's revisions to the commits of those revisions, and to other merges of them. */
    linkSvn(read) {
        const own = new Map();
        const mergedBy = new Map();
        for (const [i, f] of read)
            if (f.svnRevision !== undefined)
                push(own, f.svnRevision, i);
        for (const [i, f] of read) {
            for (const rev of f.svnMerged) {
                for (const j of own.get(rev) ?? [])
                    this.link(i, j, 'svn-merge');
                const other = mergedBy.get(rev);
                if (other === undefined)
                    mergedBy.set(rev, i);
                else
                    this.link(i, other, 'svn-merge');
            }
        }
    }
    link(a, b, kind) {
        if (a === b || a < 0 || b < 0)
            return;
        for (const [x, y] of [
            [a, b],
            [b, a],
        ]) {
            const list = this.links.get(x);
            if (list)
                list.push({ to: y, kind });
            else
                this.links.set(x, [{ to: y, kind }]);
        }
    }
    /** The position of a full or abbreviated sha (unique prefix), or -1. */
    resolve(prefix) {
        if (prefix.length >= 40)
            return this.graph.order(prefix);
        let lo = 0;
        let hi = this.sorted.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (this.sorted[mid] < prefix)
                lo = mid + 1;
            else
                hi = mid;
        }
        const hit = this.sorted[lo];
        if (!hit?.startsWith(prefix) || this.sorted[lo + 1]?.startsWith(prefix))
            return -1;
        return this.graph.order(hit);
    }
}

// EXTERNAL MODULE: ./src/git/errors.ts
var errors = __webpack_require__(3341);
;// CONCATENATED MODULE: ./src/evidence/missing.ts
const NONE = /^0+$/;
/** Bytes of excluded paths per group, well below the system's limit on one command line. */
const PATHSPEC_BUDGET = 256 * 1024;
/** Parses `git diff-tree --stdin -r --raw -z --root --always` output (submodules and dropped paths left out). */
function parseRawChanges(drop, output) {
    const byCommit = new Map();
    const blobs = new Set();
    const tokens = output.split('\0');
    let current;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i].replace(/^\n+/, '');
        if (token.startsWith(':')) {
            const path = tokens[++i] ?? '';
            const [modeA = '', modeB = '', before = '', after = ''] = token.slice(1).split(' ');
            if (modeA === '160000' || modeB === '160000' || drop(path))
                continue;
            current?.push({ path, before, after });
            for (const id of [before, after])
                if (id && !NONE.test(id))
                    blobs.add(id);
        }
        else if (/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(token.trim())) {
            current = [];
            byCommit.set(token.trim(), current);
        }
    }
    return { byCommit, blobs };
}
/** Files (commit, path) whose blob is missing. */
function missingFiles(raw, missing) {
    const out = new Map();
    for (const [commit, changes] of raw.byCommit) {
        const paths = changes
            .filter((c) => missing.has(c.before) || missing.has(c.after))
            .map((c) => c.path);
        if (paths.length > 0)
            out.set(commit, [...new Set(paths)]);
    }
    return out;
}
/**
 * The commits to read again, in groups: those with nothing missing (no extra exclusion), then
 * those with missing files, each group excluding the missing paths of its commits (a path missing
 * in one commit of a group is left out of the group's other commits too). Groups keep the order
 * of `commits`.
 */
function splitByMissing(commits, raw, missing) {
    const files = missingFiles(raw, missing);
    const clean = commits.filter((c) => !files.has(c));
    const groups = [{ commits: clean, paths: [] }];
    let group;
    const close = () => {
        if (group)
            groups.push({ commits: group.commits, paths: [...group.paths] });
        group = undefined;
    };
    for (const c of commits) {
        const paths = files.get(c);
        if (!paths)
            continue;
        const extra = paths.reduce((n, p) => n + p.length + 30, 0);
        if (group && group.bytes + extra > PATHSPEC_BUDGET)
            close();
        group ??= { commits: [], paths: new Set(), bytes: 0 };
        group.commits.push(c);
        for (const p of paths)
            if (!group.paths.has(p))
                group.paths.add(p);
        group.bytes += extra;
    }
    close();
    return groups.filter((g) => g.commits.length > 0);
}
/** One warning per missing path, naming the commits it was left out of. */
function missingProblems(raw, missing) {
    const byPath = new Map();
    for (const [commit, paths] of missingFiles(raw, missing))
        for (const p of paths)
            byPath.set(p, [...(byPath.get(p) ?? []), commit]);
    return [...byPath].map(([path, commits]) => {
        const shown = commits.slice(0, 3).map((c) => c.slice(0, 7));
        const more = commits.length > 3 ? ` and ${commits.length - 3} more` : '';
        return {
            kind: 'missing-object',
            path,
            commits,
            message: `${path} is missing from this clone (partial or size-limited) in commit ` +
                `${shown.join(', ')}${more}: the file is left out when comparing fixes`,
        };
    });
}

// EXTERNAL MODULE: ./src/config/patterns.ts + 1 modules
var patterns = __webpack_require__(4635);
;// CONCATENATED MODULE: ./src/evidence/pathspec.ts
/**
 * What is left out of the patches compared for fix evidence, and who leaves it out:
 *
 * - Vendored trees (`vendor/`, `node_modules/`, `third_party/`): git, by exclude pathspecs, so
 *   their files are never read. Only for those folders the tips have at their root
 *   (presentRoots): every pathspec item costs git a test of every tree entry it walks, even a
 *   literal one (measured on the 3,500-commit synthetic bench: +0.13 s of git CPU for three
 *   literal items, +0.35 s for each `**` glob, against 0.15 s for the whole diff), so items for
 *   folders a repository does not have would only cost. Vendored folders deeper down are dropped
 *   by the scanner (git reads them; they are rare in repositories that have releases).
 * - Bookkeeping paths (config `upgrade.bookkeeping`, the build-number file): the scanner drops
 *   their file sections by path (the config's own glob engine, so the globs mean exactly what the
 *   configuration reference says). They are small text files, so git reading them costs nothing,
 *   while a pathspec per glob would cost as above (`**\/CHANGELOG*` most of all).
 * - Binary files and files over LARGE_FILE_BYTES: git's own binary detection. No `--binary` and no
 *   `-a`, so git writes `Binary files a/x and b/x differ` instead of their content, and
 *   `core.bigFileThreshold` makes a large file binary on its size alone. The scanner drops that
 *   line: binary changes are not compared (built artifacts committed at release time would
 *   otherwise be "fixes" every other line lacks). Chosen over `diff.<driver>.binary` attributes,
 *   which need an attributes file and know binaries only by name.
 *
 * Plumbing (diff-tree) ignores the user's diff.* settings, so the patch text is the same on every
 * machine. Pure.
 */

/** Folders of other people's code: their changes are never a fix of this repository. */
const VENDORED_DIRS = ['vendor', 'node_modules', 'third_party'];
/** Files larger than this are binary for the diff: git looks only at their size. */
const LARGE_FILE_BYTES = 1024 * 1024;
const DIFF_ARGS = [
    '-c',
    `core.bigFileThreshold=${LARGE_FILE_BYTES}`,
    '-c',
    'core.quotePath=false',
    'diff-tree',
    '--stdin',
    '-p',
    '-r',
    '--root',
    '--always',
    '--no-renames',
    '--no-color',
    '--no-ext-diff',
    '--no-textconv',
];
/** Environment of every evidence git process: a partial clone's missing objects are never fetched one by one. */
const NO_LAZY_FETCH = { GIT_NO_LAZY_FETCH: '1' };
/** The diff's: and its output fully buffered (into a pipe git writes after every commit otherwise: 6x the reads). */
const DIFF_ENV = { ...NO_LAZY_FETCH, GIT_FLUSH: '0' };
/** Exclude pathspecs (after `--`) for the vendored folders at the root of some tip. */
function vendoredPathspecs(roots) {
    return [...roots].map((d) => `:(top,exclude,literal)${d}`);
}
/** Pathspecs leaving out single files (objects missing from a partial clone). */
function literalExcludes(paths) {
    return [...paths].map((p) => `:(top,exclude,literal)${p}`);
}
/** `git cat-file --batch-check` lines asking which tips have which vendored folder at their root. */
function rootQueries(tips) {
    return [...tips].flatMap((t) => VENDORED_DIRS.map((d) => `${t}:${d}`));
}
/** The vendored folders that `--batch-check` output (for rootQueries) says exist as trees. */
function presentRoots(output) {
    const found = new Set();
    output.split('\n').forEach((line, i) => {
        if (line.split(' ')[1] === 'tree')
            found.add(VENDORED_DIRS[i % VENDORED_DIRS.length]);
    });
    return VENDORED_DIRS.filter((d) => found.has(d));
}
/**
 * Which file sections the scanner drops: bookkeeping globs (`*` and `?` within a folder, `**`
 * across folders, from the repository root) and vendored folders at any depth.
 */
function droppedPaths(bookkeeping) {
    const globs = [...new Set(bookkeeping)]
        .map((g) => (0,patterns/* wholeName */.fC)((0,patterns/* globSource */.sO)(g)))
        .filter((g) => g !== undefined);
    const vendored = new RegExp(`(?:^|/)(?:${VENDORED_DIRS.join('|')})/`);
    return (path) => vendored.test(path) || globs.some((g) => g.test(path));
}
/** The path of a `diff --git a/<p> b/<p>` header (quoted paths unquoted loosely). */
function diffHeaderPath(line) {
    const rest = line.slice('diff --git '.length);
    if (rest.startsWith('"')) {
        const end = rest.indexOf('" ', 1);
        return rest.slice(3, end < 0 ? undefined : end).replace(/\\(.)/g, '$1');
    }
    const half = (rest.length - 1) / 2;
    return Number.isInteger(half) && rest.slice(0, half).slice(2) === rest.slice(half + 1).slice(2)
        ? rest.slice(2, half)
        : rest.slice(2, rest.indexOf(' b/') > 0 ? rest.indexOf(' b/') : undefined);
}

;// CONCATENATED MODULE: ./src/evidence/version-only.ts
/**
 * Version-only diffs: a release tool's bump (`<version>1.2.3-SNAPSHOT</version>` ->
 * `<version>1.2.3</version>`) changes nothing but version strings, so it is bookkeeping wherever
 * it lives. A diff is version-only when every run of removed lines is followed by as many added
 * lines, and each removed/added pair differs only in version-like tokens. Pure.
 */
/** Dotted versions with an optional suffix: `1.2`, `v1.2.3`, `1.2.3-SNAPSHOT`, `5.0.1.RELEASE`, `2.0.0-rc.1`. */
const VERSION = /\bv?\d+(?:\.\d+)+(?:[-+~.][0-9A-Za-z]+)*/g;
/** Lines naming a version or build may change a plain number too (`versionCode 41`, `"buildNumber": 17`). */
const KEYWORD = /version|build|release|revision/i;
const NUMBER = /\b\d+\b/g;
/** Longer lines, or more pairs, are not a version bump. */
const MAX_LINE = 400;
const MAX_PAIRS = 2000;
/**
 * Whether `removed` and `added` differ, and only in version-like tokens. With `own` (the
 * project's release builds), every token that changed must be one of them (`1.2.3-SNAPSHOT` is
 * 1.2.3's): a dependency bump (`<version>2.14.1</version>` -> `2.17.1`, a security fix) or a
 * changed constant (`1.5` -> `1.2`) is a change like any other, not a release tool's bump.
 */
function versionOnlyPair(removed, added, own) {
    if (removed === added || removed.length > MAX_LINE || added.length > MAX_LINE)
        return false;
    if (normalize(removed) !== normalize(added))
        return false;
    return own === undefined || changedTokensAreOwn(removed, added, own);
}
function changedTokensAreOwn(removed, added, own) {
    const a = tokens(removed);
    const b = tokens(added);
    if (a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i] && !(own.has(ownForm(a[i])) && own.has(ownForm(b[i]))))
            return false;
    return true;
}
function tokens(line) {
    const versions = line.match(VERSION) ?? [];
    const rest = line.replace(VERSION, '\u0000');
    return KEYWORD.test(rest) ? [...versions, ...(rest.match(NUMBER) ?? [])] : versions;
}
/** A version token as a release build: no `v`, no suffix, no trailing `.0` parts (`v1.2.0-SNAPSHOT` -> `1.2`). */
function ownForm(token) {
    const core = /^v?(\d+(?:\.\d+)*)/.exec(token)?.[1] ?? token;
    return core.replace(/(?:\.0+)+$/, '').replace(/(^|\.)0+(\d)/g, '$1$2');
}
function normalize(line) {
    const out = line.replace(VERSION, '\u0000');
    return KEYWORD.test(out) ? out.replace(NUMBER, '\u0000') : out;
}
/**
 * Follows the content lines of one commit's text diff (as written, with their `+`, `-` or ` `
 * prefix) and says whether all of it was version-only. `fail()` for anything else (a new or
 * deleted file, a binary file).
 */
class VersionOnlyTracker {
    own;
    /**
     * Without the project's builds nothing is a version-only bump: telling the project's own version
     * from a dependency's (a security fix) needs them, and a fix must never pass for bookkeeping.
     */
    constructor(own) {
        this.own = own;
        this.ok = own !== undefined && own.size > 0;
    }
    ok;
    pairs = 0;
    removed = [];
    added = [];
    /** False once the diff cannot be version-only: callers stop feeding lines. */
    get candidate() {
        return this.ok;
    }
    fail() {
        this.ok = false;
        this.removed.length = 0;
        this.added.length = 0;
    }
    /** A content line of a hunk. */
    line(text) {
        if (!this.ok)
            return;
        const c = text.charAt(0);
        if (c === '-') {
            if (this.added.length > 0)
                this.close();
            this.removed.push(text.slice(1));
        }
        else if (c === '+')
            this.added.push(text.slice(1));
        else if (c !== '\\')
            this.close();
    }
    /** The end of a hunk or a file. */
    close() {
        if (!this.ok)
            return;
        const n = this.removed.length;
        if (n !== this.added.length || this.pairs + n > MAX_PAIRS)
            return this.fail();
        for (let i = 0; i < n; i++)
            if (!versionOnlyPair(this.removed[i], this.added[i], this.own))
                return this.fail();
        this.pairs += n;
        this.removed.length = 0;
        this.added.length = 0;
    }
    /** The verdict at the end of the commit: at least one pair, all version-only. */
    result() {
        this.close();
        return this.ok && this.pairs > 0;
    }
}

;// CONCATENATED MODULE: ./src/evidence/scanner.ts
/**
 * Reads `git diff-tree --stdin -p --format=SCAN_FORMAT` output as it streams, chunk by chunk, and
 * hands back the bytes `git patch-id --stable` needs: each `commit <sha>` line and the text file
 * sections. It drops the `Binary files ... differ` sections (git never wrote their content: binary
 * and large files are not compared) and the messages, which it parses into one record per commit,
 * with whether the commit's diff is version-only. Only header lines and the lines of diffs that may
 * still be version-only are decoded; the rest is found with Buffer.indexOf. Pure.
 */



/** The header diff-tree prints per commit: the sha, then the author's email and the message, indented. */
const SCAN_FORMAT = 'commit %H%n    %ae%n%w(0,4,4)%B';
const NL = 0x0a;
const COMMIT = Buffer.from('commit ');
const DIFF = Buffer.from('diff --git ');
const NL_COMMIT = Buffer.from('\ncommit ');
const NL_DIFF = Buffer.from('\ndiff --git ');
const NEEDLES = [NL_DIFF, NL_COMMIT];
const SHA = /^commit ([0-9a-f]{40}|[0-9a-f]{64})$/;
class PatchScanner {
    onCommit;
    drop;
    own;
    /** Bytes read, and bytes handed on to patch-id. */
    bytesIn = 0;
    bytesOut = 0;
    carry = Buffer.alloc(0);
    state = 'none';
    cur;
    held = [];
    out = [];
    runStart = -1;
    runEnd = -1;
    buf = Buffer.alloc(0);
    /** Where `\ndiff --git ` and `\ncommit ` were last found in buf (-1: nowhere further; -2: not searched). */
    found = [-2, -2];
    constructor(onCommit, 
    /** File sections to drop by path (see pathspec.ts: droppedPaths). */
    drop = () => false, 
    /** The project's release builds (version-only.ts ownForm): only they make a version-only bump. */
    own) {
        this.onCommit = onCommit;
        this.drop = drop;
        this.own = own;
    }
    /** The commit being read: incomplete until the next one starts (where a broken-off stream stopped). */
    get current() {
        return this.cur?.sha;
    }
    /** Reads a chunk; returns the bytes for patch-id (possibly empty). */
    push(chunk) {
        this.bytesIn += chunk.length;
        const buf = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
        const limit = buf.lastIndexOf(NL) + 1;
        this.carry = buf.subarray(limit);
        this.scan(buf, limit);
        return this.take();
    }
    /** The end of the stream: finishes the last commit. */
    end() {
        if (this.carry.length > 0) {
            const last = Buffer.concat([this.carry, Buffer.from('\n')]);
            this.carry = Buffer.alloc(0);
            this.scan(last, last.length);
        }
        this.finishCommit();
        return this.take();
    }
    take() {
        this.flushRun();
        const out = this.out.length === 1 ? this.out[0] : Buffer.concat(this.out);
        this.out = [];
        this.bytesOut += out.length;
        return out;
    }
    scan(buf, limit) {
        this.buf = buf;
        this.found = [-2, -2];
        let pos = 0;
        while (pos < limit) {
            if (this.skipping()) {
                const next = this.nextHeader(pos, limit);
                if (next > pos) {
                    if (this.state !== 'skip')
                        this.emit(pos, next);
                    pos = next;
                    continue;
                }
            }
            const nl = buf.indexOf(NL, pos);
            this.line(pos, nl);
            pos = nl + 1;
        }
        this.flushRun();
    }
    /**
     * The first line start at or after `from` (a line start) that begins a file section or a commit,
     * or `limit`. Each needle's last position is kept, so a chunk is searched once per needle
     * however many sections it holds.
     */
    nextHeader(from, limit) {
        const buf = this.buf;
        if (startsAt(buf, from, DIFF) || startsAt(buf, from, COMMIT))
            return from;
        let best = limit;
        NEEDLES.forEach((needle, k) => {
            let at = this.found[k];
            if (at === -2 || (at >= 0 && at < from))
                at = buf.indexOf(needle, from);
            this.found[k] = at;
            if (at >= 0 && at + 1 < best)
                best = at + 1;
        });
        return best;
    }
    /** Inside a file section whose lines need no reading: binary, or text that is not version-only. */
    skipping() {
        if (this.state === 'skip')
            return true;
        return (this.state === 'hunk' || this.state === 'text') && !this.cur?.tracker.candidate;
    }
    line(s, e) {
        const buf = this.buf;
        if (startsAt(buf, s, COMMIT)) {
            const m = SHA.exec(buf.toString('latin1', s, e));
            if (m)
                return this.startCommit(m[1], s, e);
        }
        const cur = this.cur;
        if (!cur)
            return;
        if (startsAt(buf, s, DIFF)) {
            this.endFile();
            if (this.drop(diffHeaderPath(buf.toString('utf8', s, e))))
                this.state = 'skip';
            else {
                this.state = 'filehead';
                this.held.push(buf.subarray(s, e + 1));
            }
            return;
        }
        if (this.state === 'header') {
            if (e - s >= 4 && buf[s] === 0x20 && buf[s + 3] === 0x20)
                cur.lines.push(buf.toString('utf8', s + 4, e));
        }
        else if (this.state === 'filehead')
            this.fileHeadLine(cur, s, e);
        else if (this.state === 'text' || this.state === 'hunk') {
            if (buf[s] === 0x40 /* @ */) {
                cur.tracker.close();
                this.state = 'hunk';
            }
            else if (this.state === 'hunk')
                cur.tracker.line(buf.toString('utf8', s, e));
            this.emit(s, e + 1);
        }
    }
    fileHeadLine(cur, s, e) {
        const text = this.buf.toString('latin1', s, Math.min(e, s + 20));
        if (text.startsWith('Binary files ') || text.startsWith('GIT binary patch')) {
            this.held = [];
            cur.binaryFiles++;
            cur.tracker.fail();
            this.state = 'skip';
            return;
        }
        this.held.push(this.buf.subarray(s, e + 1));
        if (text.startsWith('new file mode') || text.startsWith('deleted file mode'))
            cur.tracker.fail();
        if (text.startsWith('--- ')) {
            this.emitHeld(cur);
            this.state = 'text';
        }
    }
    /** The end of a file section: a header without content (a mode change, an empty file) still counts. */
    endFile() {
        const cur = this.cur;
        if (this.state === 'filehead' && cur && this.held.length > 0) {
            cur.tracker.fail();
            this.emitHeld(cur);
        }
        cur?.tracker.close();
        this.held = [];
    }
    emitHeld(cur) {
        cur.hasPatch = true;
        this.flushRun();
        this.out.push(...this.held);
        this.held = [];
    }
    startCommit(sha, s, e) {
        this.finishCommit();
        this.cur = {
            sha,
            lines: [],
            hasPatch: false,
            binaryFiles: 0,
            tracker: new VersionOnlyTracker(this.own),
        };
        this.state = 'header';
        this.emit(s, e + 1);
    }
    finishCommit() {
        const cur = this.cur;
        if (!cur)
            return;
        this.endFile();
        const [email = '', ...message] = cur.lines;
        const versionOnly = cur.hasPatch && cur.binaryFiles === 0 && cur.tracker.result();
        this.onCommit({
            sha: cur.sha,
            email: email.trim().toLowerCase(),
            ...messageFacts(message.join('\n')),
            hasPatch: cur.hasPatch,
            versionOnly,
            binaryFiles: cur.binaryFiles,
        });
        this.cur = undefined;
        this.state = 'none';
    }
    /** Hands bytes [s, e) of the current buffer on to patch-id (contiguous ranges are merged). */
    emit(s, e) {
        if (e <= s)
            return;
        if (this.runEnd === s) {
            this.runEnd = e;
            return;
        }
        this.flushRun();
        this.runStart = s;
        this.runEnd = e;
    }
    flushRun() {
        if (this.runStart >= 0 && this.runEnd > this.runStart)
            this.out.push(this.buf.subarray(this.runStart, this.runEnd));
        this.runStart = -1;
        this.runEnd = -1;
    }
}
/** Byte by byte: most lines differ in the first byte, and Buffer.compare costs more than the loop. */
function startsAt(buf, at, prefix) {
    if (buf.length - at < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (buf[at + i] !== prefix[i])
            return false;
    return true;
}

;// CONCATENATED MODULE: ./src/evidence/patches.ts
/**
 * Reads what fix evidence needs of many commits with a constant number of git processes, never
 * holding a whole log: `git diff-tree --stdin -p` streams into the scanner, which streams the text
 * patches into ONE `git patch-id --stable`. When a partial clone lacks an object the diff needs,
 * git stops; the commits from there on are listed (`diff-tree --raw`, trees only), the missing
 * blobs found (`cat-file --batch-all-objects`), and the diff run again without those files, each
 * named in a problem. The count stays constant: 2 processes, or 7 when objects are missing.
 */




/** Whether a failed git's error output says an object is missing (a partial clone, a damaged repository). */
function isMissingObject(stderr) {
    return /could not fetch [0-9a-f]+ from promisor remote|unable to read [0-9a-f]{7,}|missing (?:blob|tree|object)|bad object|invalid object/i.test(stderr);
}
async function readPatches(git, commits, options, sink) {
    const stats = { commits: commits.length, bytesIn: 0, bytesOut: 0 };
    const problems = [];
    if (commits.length === 0)
        return { problems, stats };
    const ex = {
        pathspecs: vendoredPathspecs(await vendoredRoots(git, options.tips)),
        drop: droppedPaths(options.bookkeeping),
        ...(options.ownVersions ? { own: options.ownVersions } : {}),
    };
    const broke = await withPatchIds(git, sink, (ids) => streamDiff(git, commits, ex, { ids, sink, stats }));
    if (broke === undefined)
        return { problems, stats };
    const rest = commits.slice(Math.max(0, commits.indexOf(broke)));
    sink.forget(rest);
    try {
        problems.push(...(await readAgain(git, rest, ex, { sink, stats })));
    }
    catch (error) {
        // Not even the trees can be read (a clone filtered by tree): say so, and compare the rest.
        if (!(error instanceof errors/* GitError */.X) || !isMissingObject(error.stderr))
            throw error;
        sink.forget(rest);
        problems.push(unreadable(rest, rest[0]));
    }
    return { problems, stats };
}
function unreadable(commits, from) {
    return {
        kind: 'unreadable',
        message: `${commits.length} commit(s) from ${from.slice(0, 7)} on could not be read (objects missing from this clone) and were not compared`,
        commits: [...commits],
    };
}
/**
 * The commits from where a diff stopped on a missing object: listed (trees only), the missing
 * blobs found, and read again without them, in groups (missing.ts). Returns the warnings.
 */
async function readAgain(git, commits, ex, out) {
    const listing = await git.text([
        'diff-tree',
        '--stdin',
        '-r',
        '--raw',
        '-z',
        '--root',
        '--always',
        '--no-renames',
        '--',
    ].concat(ex.pathspecs), { input: commits.join('\n') + '\n', env: NO_LAZY_FETCH });
    const raw = parseRawChanges(ex.drop, listing);
    const missing = await missingAmong(git, raw.blobs);
    const problems = missingProblems(raw, missing);
    await withPatchIds(git, out.sink, async (ids) => {
        for (const group of splitByMissing(commits, raw, missing)) {
            const pathspecs = [...ex.pathspecs, ...literalExcludes(group.paths)];
            const only = { ...ex, pathspecs };
            const stopped = await streamDiff(git, group.commits, only, { ids, ...out });
            if (stopped === undefined)
                continue;
            const left = group.commits.slice(Math.max(0, group.commits.indexOf(stopped)));
            out.sink.forget(left);
            problems.push(unreadable(left, stopped));
        }
    });
    return problems;
}
/**
 * The vendored folders (pathspec.ts) some tip has at its root: one `git cat-file --batch-check`
 * of `<tip>:vendor` and the like. When it cannot tell (trees missing from the clone), all of them.
 */
async function vendoredRoots(git, tips) {
    if (tips.length === 0)
        return [];
    try {
        const out = await git.text(['cat-file', '--batch-check'], {
            input: rootQueries(new Set(tips)).join('\n') + '\n',
            env: NO_LAZY_FETCH,
        });
        return presentRoots(out);
    }
    catch (error) {
        if (error instanceof errors/* GitError */.X && isMissingObject(error.stderr))
            return [...VENDORED_DIRS];
        throw error;
    }
}
/** Runs `body` with a `git patch-id --stable` process whose ids go to the sink; closes it after. */
async function withPatchIds(git, sink, body) {
    const lines = new LineSplitter((line) => {
        const [id, sha] = line.split(' ');
        if (id && sha)
            sink.patchId(sha, id);
    });
    const ids = git.start(['patch-id', '--stable'], {
        onStdout: (c) => lines.push(c),
        env: NO_LAZY_FETCH,
    });
    let result;
    try {
        result = await body(ids);
    }
    catch (error) {
        ids.kill();
        await ids.done.catch(() => undefined);
        throw error;
    }
    ids.end();
    await ids.done;
    lines.end();
    return result;
}
/**
 * Streams `git diff-tree --stdin -p` of `commits` through the scanner into patch-id. Returns
 * undefined when done, or the commit to start again from when git stopped on a missing object.
 */
async function streamDiff(git, commits, ex, to) {
    const { ids, sink, stats } = to;
    if (commits.length === 0)
        return undefined;
    const reported = new Set();
    const scanner = new PatchScanner((c) => {
        reported.add(c.sha);
        sink.commit(c);
    }, ex.drop, ex.own);
    // git flushes after each commit (about 1 KB): patch-id gets the text in blocks of WRITE_BLOCK,
    // not a write per commit (a write costs about 35 µs: a second over 50,000 commits).
    let pending = [];
    let size = 0;
    const flush = () => {
        if (size === 0)
            return;
        const out = Buffer.concat(pending, size);
        pending = [];
        size = 0;
        if (!ids.write(out)) {
            diff.pause();
            void ids.drained().then(() => diff.resume());
        }
    };
    const forward = (out) => {
        if (out.length === 0)
            return;
        pending.push(out);
        size += out.length;
        if (size >= WRITE_BLOCK)
            flush();
    };
    const diff = git.start([...DIFF_ARGS, `--format=${SCAN_FORMAT}`, '--', ...ex.pathspecs], {
        env: DIFF_ENV,
        onStdout: (chunk) => forward(scanner.push(chunk)),
    });
    await writeLines(diff, commits);
    try {
        await diff.done;
    }
    catch (error) {
        if (!(error instanceof errors/* GitError */.X) || !isMissingObject(error.stderr))
            throw error;
        flush(); // the commits before the broken one are whole
        stats.bytesIn += scanner.bytesIn;
        return scanner.current ?? commits.find((c) => !reported.has(c));
    }
    forward(scanner.end());
    flush();
    stats.bytesIn += scanner.bytesIn;
    stats.bytesOut += scanner.bytesOut;
    await ids.drained();
    return undefined;
}
const WRITE_BLOCK = 256 * 1024;
/** Writes one line per item to a process's stdin, waiting whenever the pipe is full, then closes it. */
async function writeLines(proc, items) {
    const BATCH = 2000;
    for (let i = 0; i < items.length; i += BATCH) {
        if (!proc.write(items.slice(i, i + BATCH).join('\n') + '\n'))
            await proc.drained();
    }
    proc.end();
}
/**
 * Which of `wanted` (blob ids) this repository lacks: one `git cat-file --batch-all-objects`
 * listing, streamed and checked against the set (`--batch-check` on a missing object of a partial
 * clone fails instead of answering "missing").
 */
async function missingAmong(git, wanted) {
    const missing = new Set(wanted);
    if (missing.size === 0)
        return missing;
    const lines = new LineSplitter((line) => void missing.delete(line.trim()));
    const list = git.start(['cat-file', '--batch-all-objects', '--batch-check=%(objectname)', '--unordered'], {
        onStdout: (c) => lines.push(c),
        env: NO_LAZY_FETCH,
    });
    list.end();
    await list.done;
    lines.end();
    return missing;
}
/** Calls back with each complete line of a stream of chunks. */
class LineSplitter {
    onLine;
    carry = '';
    constructor(onLine) {
        this.onLine = onLine;
    }
    push(chunk) {
        const text = this.carry + chunk.toString('utf8');
        const parts = text.split('\n');
        this.carry = parts.pop() ?? '';
        for (const p of parts)
            if (p.length > 0)
                this.onLine(p);
    }
    end() {
        if (this.carry.length > 0)
            this.onLine(this.carry);
        this.carry = '';
    }
}

;// CONCATENATED MODULE: ./src/evidence/index.ts




/** Commits read, by sha, for one set of bookkeeping globs (patch ids depend on them). In memory, per run. */
class EvidenceCache {
    bookkeeping;
    ownVersions;
    facts = new Map();
    ids = new Map();
    constructor(bookkeeping = [], 
    /** The project's release builds, in version-only.ts's ownForm. */
    ownVersions) {
        this.bookkeeping = bookkeeping;
        this.ownVersions = ownVersions;
    }
    has(sha) {
        return this.facts.has(sha);
    }
    get(sha) {
        const f = this.facts.get(sha);
        if (f && f.patchId === undefined) {
            const id = this.ids.get(sha);
            if (id !== undefined)
                f.patchId = id;
        }
        return f;
    }
    get size() {
        return this.facts.size;
    }
    keys() {
        return this.facts.keys();
    }
    /** Where patches.ts writes what it reads. */
    sink() {
        return {
            commit: (c) => void this.facts.set(c.sha, { ...c }),
            patchId: (sha, id) => void this.ids.set(sha, id),
            forget: (shas) => {
                for (const s of shas) {
                    this.facts.delete(s);
                    this.ids.delete(s);
                }
            },
        };
    }
}
class FixEvidence {
    problems;
    stats;
    index;
    constructor(graph, cache, 
    /** Files and commits that could not be read (warnings). */
    problems, 
    /** What this call read (commits and bytes; nothing for commits found in the cache). */
    stats) {
        this.problems = problems;
        this.stats = stats;
        this.index = new EvidenceIndex(graph, (sha) => cache.get(sha), cache.keys());
    }
    /** What `pair.from` has and `pair.to` lacks; with `detail`, how every other commit was found. */
    compare(pair, detail = false) {
        return this.index.compare(pair, detail);
    }
}
/** Reads the commits `pairs` differ by (see the module comment) and returns their evidence. */
async function fixEvidence(git, graph, pairs, options = {}) {
    const cache = options.cache ??
        new EvidenceCache(options.bookkeeping ?? [], options.ownVersions ? new Set(options.ownVersions.map(ownForm)) : undefined);
    const known = pairs.filter((p) => graph.order(p.from) >= 0 && graph.order(p.to) >= 0);
    graph.prepare(known.flatMap((p) => [p.from, p.to]));
    const wanted = commitsForPairs(graph, known).filter((sha) => !cache.has(sha));
    const tips = sampleTips(graph, known);
    const { problems, stats } = await readPatches(git, wanted, {
        bookkeeping: cache.bookkeeping,
        tips,
        ...(cache.ownVersions ? { ownVersions: cache.ownVersions } : {}),
    }, cache.sink());
    return new FixEvidence(graph, cache, problems, stats);
}
/** Commits on either side of any pair (bitset union of symmetric differences), merges left out; newest first. */
function commitsForPairs(graph, pairs) {
    const union = new Uint32Array(Math.ceil(graph.size / 32) || 1);
    for (const { from, to } of pairs) {
        const a = graph.reachable(from);
        const x = graph.reachable(to);
        for (let w = 0; w < union.length; w++)
            union[w] |= a[w] ^ x[w];
    }
    const out = [];
    for (let i = graph.size - 1; i >= 0; i--)
        if (union[i >>> 5] & (1 << (i & 31)) && !graph.isMerge(i))
            out.push(graph.shas[i]);
    return out;
}
/** How many tips are asked which vendored folders they have at their root. */
const TIP_SAMPLE = 32;
/**
 * Up to TIP_SAMPLE tips of the pairs, spread evenly over the graph from oldest to newest (the
 * newest always in). Only speed depends on it: a vendored folder the sample misses is still left
 * out, by the scanner instead of git.
 */
function sampleTips(graph, pairs) {
    const seen = new Uint8Array(graph.size);
    for (const p of pairs)
        for (const sha of [p.from, p.to])
            seen[graph.order(sha)] = 1;
    const positions = [];
    seen.forEach((v, i) => void (v && positions.push(i)));
    if (positions.length <= TIP_SAMPLE)
        return positions.map((i) => graph.shas[i]);
    const step = (positions.length - 1) / (TIP_SAMPLE - 1);
    const picked = new Set();
    for (let k = 0; k < TIP_SAMPLE; k++)
        picked.add(positions[Math.round(k * step)]);
    return [...picked].map((i) => graph.shas[i]);
}


/***/ }),

/***/ 5580:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ commitGraph),
/* harmony export */   Mh: () => (/* binding */ CommitGraph),
/* harmony export */   fQ: () => (/* binding */ GRAPH_FORMAT)
/* harmony export */ });
/**
 * The commit graph, read once with `git log --topo-order --format=%H %T %P`, and the in-memory
 * questions discovery asks of it: does a line contain a tag, which commits does release A have that
 * release X lacks. Reachability is a bitset per asked commit, so per-pair questions cost no git. Pure.
 */
/** The format discovery passes to `git log` (commit, tree, parents). */
const GRAPH_FORMAT = '%H %T %P';
/**
 * The graph of every commit reachable from `tips` (shas or ref names), read with one
 * `git log --topo-order` (the input fix evidence asks reachability of: src/evidence, Ancestry).
 */
async function commitGraph(git, tips) {
    const wanted = [...new Set(tips)].filter((t) => t.length > 0);
    return new CommitGraph(wanted.length === 0
        ? ''
        : await git.text(['log', '--topo-order', `--format=${GRAPH_FORMAT}`, '--stdin', '--'], {
            input: wanted.join('\n') + '\n',
        }));
}
class CommitGraph {
    shas = [];
    trees = [];
    parents = [];
    index = new Map();
    memo = new Map();
    words;
    /** `output` is `git log --topo-order --format=%H %T %P`: children before parents. */
    constructor(output) {
        const rows = output
            .split('\n')
            .filter((r) => r.length > 0)
            .reverse();
        for (const row of rows) {
            const [sha = '', tree = ''] = row.split(' ', 2);
            this.index.set(sha, this.shas.length);
            this.shas.push(sha);
            this.trees.push(tree);
        }
        for (const row of rows) {
            const parts = row.split(' ').slice(2);
            this.parents.push(parts.map((p) => this.index.get(p)).filter((p) => p !== undefined));
        }
        this.words = Math.ceil(this.shas.length / 32) || 1;
    }
    get size() {
        return this.shas.length;
    }
    has(sha) {
        return this.index.has(sha);
    }
    /** Position in topological order: ancestors have smaller numbers. -1 when unknown. */
    order(sha) {
        return this.index.get(sha) ?? -1;
    }
    treeOf(sha) {
        const i = this.index.get(sha);
        return i === undefined ? undefined : this.trees[i];
    }
    isMerge(i) {
        return (this.parents[i]?.length ?? 0) > 1;
    }
    /** Every commit reachable from `sha` (itself included), as a bitset over positions. */
    reachable(sha) {
        const start = this.index.get(sha);
        if (start === undefined)
            return new Uint32Array(this.words);
        const known = this.memo.get(start);
        if (known)
            return known;
        const bits = new Uint32Array(this.words);
        const stack = [start];
        while (stack.length > 0) {
            const i = stack.pop();
            if (bits[i >>> 5] & (1 << (i & 31)))
                continue;
            const memo = i === start ? undefined : this.memo.get(i);
            if (memo) {
                for (let w = 0; w < bits.length; w++)
                    bits[w] |= memo[w];
                continue;
            }
            bits[i >>> 5] |= 1 << (i & 31);
            for (const p of this.parents[i] ?? [])
                stack.push(p);
        }
        this.memo.set(start, bits);
        return bits;
    }
    /** Precomputes reachability for many commits, ancestors first, so each walk stops early. */
    prepare(shas) {
        const order = [...new Set(shas)]
            .map((s) => this.order(s))
            .filter((i) => i >= 0)
            .sort((a, b) => a - b);
        for (const i of order)
            this.reachable(this.shas[i]);
    }
    /** Whether `tip` contains `commit`. */
    contains(tip, commit) {
        const i = this.index.get(commit);
        if (i === undefined || !this.index.has(tip))
            return false;
        return (this.reachable(tip)[i >>> 5] & (1 << (i & 31))) !== 0;
    }
    /** Positions of commits reachable from `a` and not from `x` (a's side of `git log x..a`). */
    exclusive(a, x) {
        const ra = this.reachable(a);
        const rx = this.reachable(x);
        const out = [];
        for (let w = 0; w < ra.length; w++) {
            let word = ra[w] & ~rx[w];
            while (word !== 0) {
                const bit = 31 - Math.clz32(word & -word);
                out.push(w * 32 + bit);
                word &= ~(1 << bit);
            }
        }
        return out;
    }
    /** The nearest ancestor along first parents that satisfies `stop` (itself excluded), or undefined at a root. */
    firstParentAncestor(sha, stop) {
        let i = this.index.get(sha);
        if (i === undefined)
            return undefined;
        for (;;) {
            const p = this.parents[i]?.[0];
            if (p === undefined)
                return undefined;
            const s = this.shas[p];
            if (stop(s))
                return s;
            i = p;
        }
    }
    /** Every commit reachable from any of `shas`, as one bitset (see has/inSet). */
    union(shas) {
        const bits = new Uint32Array(this.words);
        for (const sha of shas) {
            const r = this.reachable(sha);
            for (let w = 0; w < bits.length; w++)
                bits[w] |= r[w];
        }
        return bits;
    }
    /** Whether `sha` is in a bitset made by reachable or union. */
    inSet(bits, sha) {
        const i = this.index.get(sha);
        return i !== undefined && (bits[i >>> 5] & (1 << (i & 31))) !== 0;
    }
    /**
     * The nearest commit in `bits` along first parents from `sha` (itself included), at most `maxSteps`
     * first-parent steps away, and how many steps it is; undefined when there is none that near.
     */
    firstParentIn(sha, bits, maxSteps) {
        let i = this.index.get(sha);
        for (let steps = 0; i !== undefined && steps <= maxSteps; steps++) {
            if (bits[i >>> 5] & (1 << (i & 31)))
                return { sha: this.shas[i], steps };
            i = this.parents[i]?.[0];
        }
        return undefined;
    }
    /** The root reached by following first parents from `sha`. */
    firstParentRoot(sha) {
        let i = this.index.get(sha);
        if (i === undefined)
            return undefined;
        for (;;) {
            const p = this.parents[i]?.[0];
            if (p === undefined)
                return this.shas[i];
            i = p;
        }
    }
}


/***/ }),

/***/ 6250:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kr: () => (/* binding */ publishCheck)
/* harmony export */ });
/* unused harmony exports ANNOTATIONS_PER_REQUEST, chunk */
/* harmony import */ var _markdown_bound_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3521);
/* harmony import */ var _markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5330);
/* harmony import */ var _create_once_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4633);
/**
 * Publishing a check result: a check run (annotations in batches of 50: create, then updates), or
 * a commit status of the same name when the token may not create check runs (403).
 */



const ANNOTATIONS_PER_REQUEST = 50;
const DESCRIPTION_MAX = 140;
async function publishCheck(github, p) {
    const batches = chunk(p.annotations.map(toApi), ANNOTATIONS_PER_REQUEST);
    const output = (annotations) => ({
        title: p.title.slice(0, 250),
        summary: (0,_markdown_bound_js__WEBPACK_IMPORTED_MODULE_1__/* .fitBody */ .KM)(p.summary, _markdown_bound_js__WEBPACK_IMPORTED_MODULE_1__/* .CHECK_TEXT_LIMIT */ .jO),
        annotations,
    });
    let created;
    try {
        // The same result already posted on this commit (a re-run, or a create whose answer was lost)
        // is not posted again; a different result is a new check run, the one GitHub shows.
        const find = () => findSameCheckRun(github, p, output(batches[0] ?? []).summary);
        const existing = await find();
        if (existing)
            return { kind: 'check-run', ...existing, annotations: p.annotations.length };
        created = (await (0,_create_once_js__WEBPACK_IMPORTED_MODULE_2__/* .createOnce */ .U)({
            what: `the check run "${p.name}"`,
            create: async () => {
                const { data } = await github.rest.checks.create({
                    owner: p.owner,
                    repo: p.repo,
                    name: p.name,
                    head_sha: p.sha,
                    status: 'completed',
                    conclusion: p.conclusion,
                    completed_at: new Date().toISOString(),
                    ...(p.detailsUrl ? { details_url: p.detailsUrl } : {}),
                    output: output(batches[0] ?? []),
                });
                return { id: data.id, url: data.html_url ?? '' };
            },
            find: () => findSameCheckRun(github, p, output(batches[0] ?? []).summary, true),
        })).value;
    }
    catch (error) {
        if (statusOf(error) !== 403)
            throw new Error(`could not create the check run "${p.name}"`, { cause: error });
        return publishStatus(github, p);
    }
    for (const batch of batches.slice(1)) {
        await github.rest.checks.update({
            owner: p.owner,
            repo: p.repo,
            check_run_id: created.id,
            output: output(batch),
        });
    }
    return {
        kind: 'check-run',
        id: created.id,
        url: created.url,
        annotations: p.annotations.length,
    };
}
/**
 * fixline's own newest check run of this name on the commit when it shows this same result: same
 * conclusion, title and summary, and (unless `partial`: a create whose answer was lost, whose
 * remaining annotations are still to send) every annotation.
 */
async function findSameCheckRun(github, p, summary, partial = false) {
    const slug = p.botLogin.replace(/\[bot\]$/, '');
    const runs = await github.paginate(github.rest.checks.listForRef, {
        owner: p.owner,
        repo: p.repo,
        ref: p.sha,
        check_name: p.name,
        per_page: 100,
    });
    const newest = runs.find((r) => r.head_sha === p.sha && r.app?.slug === slug);
    if (!newest ||
        newest.conclusion !== p.conclusion ||
        newest.output.title !== p.title.slice(0, 250) ||
        newest.output.summary !== summary ||
        (!partial && newest.output.annotations_count !== p.annotations.length))
        return undefined;
    return { id: newest.id, url: newest.html_url ?? '' };
}
async function publishStatus(github, p) {
    const state = p.conclusion === 'failure' ? 'failure' : 'success';
    await github.rest.repos.createCommitStatus({
        owner: p.owner,
        repo: p.repo,
        sha: p.sha,
        state,
        context: p.name,
        description: (0,_markdown_escape_js__WEBPACK_IMPORTED_MODULE_0__/* .shorten */ .ml)(p.title.replace(/\s+/g, ' '), DESCRIPTION_MAX),
        ...(p.detailsUrl ? { target_url: p.detailsUrl } : {}),
    });
    return { kind: 'status', state };
}
function toApi(a) {
    return {
        path: a.path,
        start_line: Math.max(1, a.startLine),
        end_line: Math.max(1, a.startLine),
        annotation_level: a.level,
        message: a.message.slice(0, 64_000),
        ...(a.title ? { title: a.title.slice(0, 255) } : {}),
    };
}
function chunk(items, size) {
    const out = [];
    for (let i = 0; i < items.length; i += size)
        out.push(items.slice(i, i + size));
    return out;
}
function statusOf(error) {
    const s = error?.status;
    return typeof s === 'number' ? s : undefined;
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
