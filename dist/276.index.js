export const id = 276;
export const ids = [276];
export const modules = {

/***/ 3276:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runUpgradeJob: () => (/* binding */ runUpgradeJob)
});

// EXTERNAL MODULE: ./src/payload.ts
var payload = __webpack_require__(41);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/git/errors.ts
var errors = __webpack_require__(3341);
;// CONCATENATED MODULE: ./src/git/batch.ts


/**
 * Reads many objects with one `git cat-file --batch` process. Returns a map from spec to content
 * (utf8), or undefined for objects that do not exist. One process however many files are read.
 */
async function readObjects(git, specs) {
    const out = new Map();
    if (specs.length === 0)
        return out;
    for (const s of specs) {
        if (s.includes('\n'))
            throw new errors/* GitError */.X(`object spec contains a newline: ${JSON.stringify(s)}`, 'bad-ref', ['cat-file'], null, '');
    }
    const chunks = [];
    const stderr = [];
    await new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)('git', ['cat-file', '--batch'], {
            cwd: git.cwd,
            env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' },
            stdio: ['pipe', 'pipe', 'pipe'],
        });
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => stderr.push(c));
        child.on('error', (e) => reject(new errors/* GitError */.X(`could not run git cat-file: ${e.message}`, 'unknown', ['cat-file'], null, '', { cause: e })));
        child.on('close', (code) => {
            if (code === 0)
                resolve();
            else
                reject(new errors/* GitError */.X(`git cat-file --batch failed (exit ${code}): ${Buffer.concat(stderr).toString()}`, 'unknown', ['cat-file', '--batch'], code, Buffer.concat(stderr).toString()));
        });
        child.stdin.end(specs.join('\n') + '\n');
    });
    const buf = Buffer.concat(chunks);
    let pos = 0;
    for (const spec of specs) {
        const nl = buf.indexOf(0x0a, pos);
        if (nl < 0)
            throw new errors/* GitError */.X('git cat-file --batch: truncated output', 'unknown', ['cat-file', '--batch'], 0, '');
        const header = buf.subarray(pos, nl).toString('utf8');
        pos = nl + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
            out.set(spec, undefined);
            continue;
        }
        const size = Number(header.split(' ')[2]);
        if (!Number.isFinite(size))
            throw new errors/* GitError */.X(`git cat-file --batch: unexpected header ${header}`, 'unknown', ['cat-file'], 0, '');
        out.set(spec, buf.subarray(pos, pos + size).toString('utf8'));
        pos += size + 1;
    }
    return out;
}

// EXTERNAL MODULE: ./src/git/refs.ts
var refs = __webpack_require__(8568);
// EXTERNAL MODULE: ./src/github/checks.ts
var checks = __webpack_require__(6250);
// EXTERNAL MODULE: ./src/jobs.ts
var jobs = __webpack_require__(5995);
// EXTERNAL MODULE: ./src/upgrade/check.ts + 14 modules
var check = __webpack_require__(4449);
// EXTERNAL MODULE: ./src/upgrade/rules/context.ts
var context = __webpack_require__(8043);
// EXTERNAL MODULE: ./src/upgrade/waivers.ts
var waivers = __webpack_require__(3117);
// EXTERNAL MODULE: ./src/config/patterns.ts + 1 modules
var config_patterns = __webpack_require__(4635);
// EXTERNAL MODULE: ./src/upgrade/version.ts
var version = __webpack_require__(6216);
;// CONCATENATED MODULE: ./src/upgrade/discovery/names.ts

/**
 * Names of refs: which branches are release lines (and their version), which tags are releases
 * (and the build number they carry). Pure.
 */
/** Whether a branch name is a release line under the configured patterns (regexes on whole names). */
function isLineBranch(branch, patterns) {
    return (0,config_patterns/* lineMatcher */.TK)(patterns)(branch);
}
/** Whether a line version is a prefix of a build's numbers (line 1 -> build 1.1 yes, 2.0 no). */
function versionIsPrefixOf(version, build) {
    const parts = (build.match(/\d+/g) ?? []).map(Number);
    if (version.length === 0 || version.length > parts.length)
        return false;
    return version.every((v, i) => parts[i] === v);
}
/**
 * Compiles tag patterns (`v{build}`, `{build}`, `release-{build}`) into whole-name patterns
 * (config/patterns.ts runs them in linear time: tag names are outside input). A pattern too large
 * to run (the config check refuses it) is left out.
 */
function compileTagPatterns(patterns) {
    return patterns
        .map((p) => (0,config_patterns/* wholeName */.fC)((0,config_patterns/* tagPatternSource */.Wx)(p)))
        .filter((re) => re !== undefined);
}
/** The build number a tag names, or undefined when the tag is not a release tag. First pattern wins. */
function buildFromTag(tag, patterns) {
    for (const re of patterns) {
        const m = re.exec(tag);
        if (m?.[1] !== undefined)
            return m[1];
    }
    return undefined;
}
/** Simple glob (`*`, `**`, `?`) to a whole-path pattern over slash-separated paths (linear time). */
function globToRegex(glob) {
    return wholeName(globSource(glob)) ?? { test: () => false, exec: () => null };
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/attribution.ts


/**
 * How far (first-parent steps) a tag's commit may sit off its line: a tagging commit, or a release
 * commit and one or two more made on a detached head. Farther, it is a branch of work, not a release
 * of the line (git-flow's `develop` when `lines.newest` does not name it).
 */
const MAX_OFF_LINE = 3;
/** The commit a tag is ordered and related by (see TagRelease.anchor). */
function anchorOf(t) {
    return t.anchor ?? t.commit;
}
/** `lines` oldest first with the newest line last (as selectLines returns them). */
function attributeTags(graph, lines, tags, scheme = 'dotted') {
    graph.prepare(lines.map((l) => l.tip));
    const byLine = new Map(lines.map((l) => [l.branch, []]));
    const orphans = [];
    const offLine = [];
    let onLines;
    for (const tag of tags) {
        let t = tag;
        let containing = lines.filter((l) => graph.contains(l.tip, tag.commit));
        let steps = 0;
        if (containing.length === 0 && graph.has(tag.commit)) {
            onLines ??= graph.union(lines.map((l) => l.tip));
            const anchor = graph.firstParentIn(tag.commit, onLines, MAX_OFF_LINE);
            if (anchor) {
                t = { ...tag, anchor: anchor.sha };
                steps = anchor.steps;
                containing = lines.filter((l) => graph.contains(l.tip, anchor.sha));
            }
        }
        const line = chooseLine(containing, tag.tagBuild);
        if (!line)
            orphans.push(tag);
        else {
            byLine.get(line.branch)?.push(t);
            if (t.anchor)
                offLine.push({ tag: t, line: line.branch, steps });
        }
    }
    const orderOf = (t) => graph.order(anchorOf(t));
    for (const list of byLine.values())
        list.sort((a, b) => orderOf(a) - orderOf(b) ||
            (0,version/* compareBuilds */.V4)(a.tagBuild, b.tagBuild, scheme) ||
            (a.tag < b.tag ? -1 : a.tag > b.tag ? 1 : 0));
    return { byLine, orphans, offLine };
}
function chooseLine(containing, build) {
    if (containing.length <= 1)
        return containing[0];
    const prefixed = containing
        .filter((l) => l.version !== undefined && versionIsPrefixOf(l.version, build))
        .sort((a, b) => (b.version?.length ?? 0) - (a.version?.length ?? 0));
    if (prefixed[0])
        return prefixed[0];
    return containing.find((l) => !l.isDefault) ?? containing[0];
}
/** Several tags naming one commit (`v1.2` and `1.2`): keep the first by pattern order, report the rest. */
function dedupeTags(tags) {
    const byKey = new Map();
    const dropped = [];
    for (const t of tags) {
        const key = `${t.commit}\0${t.tagBuild}`;
        const first = byKey.get(key);
        if (first)
            dropped.push({ tag: t, kept: first });
        else
            byKey.set(key, t);
    }
    return { kept: [...byKey.values()], dropped };
}
/** How many names a note lists before "and N more". */
const NOTE_NAMES = 5;
function listed(names) {
    const more = names.length - NOTE_NAMES;
    return names.slice(0, NOTE_NAMES).join(', ') + (more > 0 ? ` and ${more} more` : '');
}
/** One discovery note for the tags attributed through their anchor, or undefined when none. */
function offLineNote(offLine) {
    if (offLine.length === 0)
        return undefined;
    const names = offLine.map((o) => `${o.tag.tag} (${o.steps} commit${o.steps === 1 ? '' : 's'} off ${o.line})`);
    const what = offLine.length === 1 ? '1 tag sits' : `${offLine.length} tags sit`;
    return `${what} on a commit on no line; each belongs to the line of its nearest first-parent ancestor: ${listed(names)}`;
}
/**
 * `upgrade.prereleases: ignore`: tags whose `{build}` is a prerelease in the scheme (`v2.0.0-rc1`)
 * are no releases; the note names them. Other policies keep every tag.
 */
function skipPrereleaseTags(tags, upgrade) {
    if (upgrade.prereleases !== 'ignore')
        return { tags: [...tags], note: undefined };
    const skipped = tags.filter((t) => (0,version/* isPrereleaseBuild */.dQ)(t.tagBuild, upgrade.scheme));
    if (skipped.length === 0)
        return { tags: [...tags], note: undefined };
    const gone = new Set(skipped);
    return {
        tags: tags.filter((t) => !gone.has(t)),
        note: `${skipped.length} prerelease tag${skipped.length === 1 ? '' : 's'} not checked (upgrade.prereleases: ignore): ${listed(skipped.map((t) => t.tag))}`,
    };
}

// EXTERNAL MODULE: ./src/git/graph.ts
var git_graph = __webpack_require__(5580);
;// CONCATENATED MODULE: ./src/upgrade/discovery/refs.ts


/** The format discovery passes to `git for-each-ref` (NUL-separated fields, one ref a line). */
const REF_FORMAT = '%(refname)%00%(objectname)%00%(*objectname)%00%(symref)%00%(HEAD)%00%(objecttype)%00%(*objecttype)';
const REF_PREFIXES = ['refs/heads', 'refs/remotes/origin', 'refs/tags'];
function parseRefs(output) {
    const out = {
        local: new Map(),
        remote: new Map(),
        tags: new Map(),
        originHead: undefined,
        current: undefined,
    };
    for (const row of output.split('\n')) {
        if (!row)
            continue;
        const [ref = '', object = '', peeled = '', symref = '', head = '', type = '', peeledType = ''] = row.split('\0');
        if ((peeledType || type || 'commit') !== 'commit')
            continue;
        if (ref.startsWith('refs/heads/')) {
            const name = ref.slice('refs/heads/'.length);
            out.local.set(name, object);
            if (head.trim() === '*')
                out.current = name;
        }
        else if (ref.startsWith('refs/remotes/origin/')) {
            const name = ref.slice('refs/remotes/origin/'.length);
            if (name === 'HEAD') {
                if (symref.startsWith('refs/remotes/origin/'))
                    out.originHead = symref.slice('refs/remotes/origin/'.length);
            }
            else
                out.remote.set(name, object);
        }
        else if (ref.startsWith('refs/tags/')) {
            out.tags.set(ref.slice('refs/tags/'.length), peeled || object);
        }
    }
    return out;
}
/** The default branch: given, origin/HEAD, `main`, `master`, or the checked-out branch. */
function guessDefaultBranch(refs, given) {
    if (given)
        return given;
    if (refs.originHead)
        return refs.originHead;
    for (const name of ['main', 'master'])
        if (refs.local.has(name) || refs.remote.has(name))
            return name;
    return refs.current;
}
/**
 * Release lines, oldest first, the newest line last: `newest` when given, else the default branch
 * (when `includeDefault`). It is marked isDefault (the newest-line role), whatever its name.
 */
function selectLines(refs, options) {
    const names = new Set([...refs.local.keys(), ...refs.remote.keys()]);
    const order = options.order ?? [];
    const def = options.newest ??
        (options.includeDefault ? guessDefaultBranch(refs, options.defaultBranch) : undefined);
    const tipOf = (name) => options.prefer === 'remote'
        ? (refs.remote.get(name) ?? refs.local.get(name))
        : (refs.local.get(name) ?? refs.remote.get(name));
    const lines = [];
    for (const name of names) {
        const tip = tipOf(name);
        if (!tip)
            continue;
        if (name === def)
            lines.push({ branch: name, version: undefined, isDefault: true, tip });
        else if (isLineBranch(name, options.patterns) || (0,config_patterns/* isOrderedLine */.CK)(name, { order }))
            lines.push({ branch: name, version: (0,config_patterns/* lineVersion */.zJ)(name), isDefault: false, tip });
    }
    return sortLines(lines, order);
}
/** Oldest first by `lines.order` and the numbers in their names (compareLineNames); the newest line last. */
function sortLines(lines, order = []) {
    return [...lines].sort((a, b) => {
        if (a.isDefault !== b.isDefault)
            return a.isDefault ? 1 : -1;
        return (0,config_patterns/* compareLineNames */.S$)({ branch: a.branch, version: a.version ?? [] }, { branch: b.branch, version: b.version ?? [] }, order);
    });
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/release-order.ts


/** For the releases of one line in line order: the names of each one's nearest ancestor releases, oldest first. */
function predecessorsOnLine(graph, entries) {
    graph.prepare(entries.flatMap((e) => [e.anchor, e.commit ?? e.anchor]));
    // A release made two or more commits off the line (a hotfix branch) precedes only the releases
    // that contain it; one commit off (a tagging commit) stands for its anchor.
    const aside = (e) => e.commit !== undefined &&
        e.commit !== e.anchor &&
        graph.firstParentAncestor(e.commit, () => true) !== e.anchor;
    return entries.map((r, i) => {
        const nearest = [];
        for (let j = i - 1; j >= 0; j--) {
            const p = entries[j];
            if (!graph.contains(r.anchor, p.anchor))
                continue;
            if (aside(p) && !graph.contains(r.commit ?? r.anchor, p.commit))
                continue;
            // a later ancestor release that contains p comes between p and r
            if (nearest.some((m) => graph.contains(m.anchor, p.anchor)))
                continue;
            nearest.push(p);
        }
        return nearest.reverse().map((p) => p.name);
    });
}
/**
 * The releases (grouped by line, each line in line order, a candidate last on its line) with
 * `previous` set from the graph and `prerelease` set when the tag's or the release's build is one.
 */
function orderReleases(graph, releases, byLine, scheme) {
    const tagOf = new Map();
    for (const list of byLine.values())
        for (const t of list)
            tagOf.set(t.tag, t);
    const entries = new Map();
    for (const r of releases) {
        const t = r.tag === undefined ? undefined : tagOf.get(r.tag);
        const list = entries.get(r.line) ?? [];
        list.push({ name: r.name, anchor: t ? anchorOf(t) : r.commit, commit: r.commit });
        entries.set(r.line, list);
    }
    const previous = new Map();
    for (const list of entries.values()) {
        const prev = predecessorsOnLine(graph, list);
        list.forEach((e, i) => previous.set(e.name, prev[i] ?? []));
    }
    return releases.map((r) => {
        const t = r.tag === undefined ? undefined : tagOf.get(r.tag);
        const pre = (t !== undefined && (0,version/* isPrereleaseBuild */.dQ)(t.tagBuild, scheme)) ||
            (0,version/* isPrereleaseBuild */.dQ)(r.build, scheme);
        return { ...r, previous: previous.get(r.name) ?? [], ...(pre ? { prerelease: true } : {}) };
    });
}

// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/upgrade/discovery/problems.ts
/** The first line of a YAML parser message, without its position suffix (the line is reported separately). */
function firstLine(message) {
    return (message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?\s*$/, '');
}
/** 1-based line of a character offset in a text. */
function lineAt(text, offset) {
    let line = 1;
    for (let i = 0; i < offset && i < text.length; i++)
        if (text.charCodeAt(i) === 10)
            line++;
    return line;
}
/** Short, printable quote of untrusted text for messages. */
function quote(text, max = 60) {
    const clean = [...text]
        .map((c) => (c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127 ? ' ' : c))
        .join('');
    return JSON.stringify(clean.length > max ? `${clean.slice(0, max - 3)}...` : clean);
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/yaml-type.ts
const CORE_TAG = 'tag:yaml.org,2002:';
/** The kind of a non-string scalar (with its explicit tag, if written), or undefined for a string. */
function yamlNotString(node) {
    const value = node.value;
    if (typeof value === 'string')
        return undefined;
    const tag = node.tag?.startsWith(CORE_TAG) ? `!!${node.tag.slice(CORE_TAG.length)}` : node.tag;
    return { type: typeOf(value), ...(tag ? { tag } : {}) };
}
function typeOf(value) {
    if (value === null || value === undefined)
        return 'null';
    if (typeof value === 'boolean')
        return 'boolean';
    if (typeof value === 'number' || typeof value === 'bigint')
        return 'number';
    if (value instanceof Uint8Array)
        return 'binary';
    if (value instanceof Date)
        return 'timestamp';
    return 'other';
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/build.ts
/** Build numbers from a VERSION file, package.json, or a configured YAML/JSON file and key. Pure. */



/** First non-empty line of a VERSION file. */
function buildFromVersionFile(text, file) {
    const lines = text.split(/\r?\n/);
    const index = lines.findIndex((l) => l.trim() !== '');
    if (index < 0)
        return {
            build: undefined,
            problems: [{ rule: 'build-format', severity: 'error', file, message: `${file} is empty` }],
        };
    return { build: lines[index].trim(), line: index + 1, problems: [] };
}
/** A dotted key (`a.b.c`) in a YAML or JSON document, read as the raw scalar text. */
function buildFromKey(text, file, key) {
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: false });
    }
    catch (error) {
        return {
            build: undefined,
            problems: [
                {
                    rule: 'build-format',
                    severity: 'error',
                    file,
                    message: `${file} cannot be parsed: ${error.message}`,
                },
            ],
        };
    }
    if (doc.errors.length > 0) {
        return {
            build: undefined,
            problems: [
                {
                    rule: 'build-format',
                    severity: 'error',
                    file,
                    message: `${file} is not valid YAML or JSON: ${firstLine(doc.errors[0].message)}`,
                },
            ],
        };
    }
    let node;
    try {
        node = doc.getIn(key.split('.'), true);
    }
    catch {
        node = undefined;
    }
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || typeof node.value === 'object') {
        return {
            build: undefined,
            problems: [
                { rule: 'build-format', severity: 'error', file, message: `${file} has no "${key}" value` },
            ],
        };
    }
    const range = node.range;
    const yaml = yamlNotString(node);
    const notString = yaml !== undefined;
    const build = notString && range ? text.slice(range[0], range[1]).trim() : String(node.value);
    const line = range ? { line: lineAt(text, range[0]) } : {};
    return { build, ...line, notString, ...(yaml ? { yaml } : {}), problems: [] };
}
/** `version` of a package.json. */
function buildFromPackageJson(text, file) {
    return buildFromKey(text, file, 'version');
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/migrations.ts
/**
 * Migration IDs from file names (Flyway, golang-migrate, Rails, a configured regex) and from a
 * manifest file (a JSON or YAML list of IDs). Pure; garbage gives a problem, never an exception.
 */



function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Flyway `V<version>__<description>.sql`, and Java or Kotlin migrations `V<version>__<Name>.java`
 * (`.kt`): `_` or `.` separate the version's parts (V1_1__x.sql is 1.1, V7_0_2018_04_03__Fix.java
 * is 7.0.2018.04.03).
 */
function flywayId(path) {
    const m = /^V(\d+(?:[._]\d+)*)__.*\.(?:sql|java|kt)$/.exec(baseName(path));
    return m?.[1]?.replace(/_/g, '.');
}
/** golang-migrate `<id>_<title>.up.sql`. */
function golangMigrateId(path) {
    return /^(\d+)_.*\.up\.sql$/.exec(baseName(path))?.[1];
}
/** Rails `db/migrate/<timestamp>_<name>.rb`. */
function railsId(path) {
    if (!/(^|\/)db\/migrate\/[^/]+$/.test(path))
        return undefined;
    return /^(\d+)_\w+\.rb$/.exec(baseName(path))?.[1];
}
/** A configured regex on file names: group `id`, else the first group, else the whole match. */
function regexId(path, re) {
    const m = re.exec(baseName(path));
    if (!m)
        return undefined;
    return m.groups?.id ?? m[1] ?? m[0];
}
function idFromFileName(layout, path, re) {
    switch (layout) {
        case 'flyway':
            return flywayId(path);
        case 'golang-migrate':
            return golangMigrateId(path);
        case 'rails':
            return railsId(path);
        case 'regex':
            return re ? regexId(path, re) : undefined;
    }
}
/** Folders of bundled third-party code: their migrations are not the repository's own. */
const VENDORED = ['vendor', 'node_modules', 'third_party'];
/** Whether a path lies under a vendored folder (`vendor/`, `node_modules/`, `third_party/`) at any depth. */
function isVendored(path) {
    return VENDORED.some((v) => path.startsWith(`${v}/`) || path.includes(`/${v}/`));
}
/**
 * A matcher for `upgrade.migrations.dirs` entries. An entry matches a folder at any depth
 * (`db/migration` also matches `app/src/main/resources/db/migration`) or, starting with `/` or
 * `./`, from the repository root only; `*`, `**` and `?` are globs (`*` within one folder name).
 * A file matches when it lies anywhere under a matching folder. Files under vendored folders count
 * only when the entry itself names one. Globs run on config/patterns.ts (linear time).
 */
function dirMatcher(dir) {
    const rooted = /^\.?\//.test(dir);
    const clean = dir.replace(/^(?:\.\/|\/)+/, '').replace(/\/+$/, '');
    if (clean === '' || clean === '.')
        return (path) => !isVendored(path);
    const ownVendor = isVendored(`${clean}/`);
    const keep = (path) => ownVendor || !isVendored(path);
    if (!/[*?]/.test(clean)) {
        const head = `${clean}/`;
        const inner = `/${head}`;
        return (path) => keep(path) && (path.startsWith(head) || (!rooted && path.includes(inner)));
    }
    const re = (0,config_patterns/* wholeName */.fC)(`${rooted ? '' : '(?:.*/)?'}${(0,config_patterns/* globSource */.sO)(clean)}/.*`);
    return (path) => keep(path) && re !== undefined && re.test(path);
}
/** Whether a path lies in one of the folders (any folder but vendored ones when none are given). */
function inDirs(path, dirs) {
    return dirsMatcher(dirs)(path);
}
/** Whether a layout reads migration IDs from file names (flyway, golang-migrate, rails, regex). */
function isFileLayout(layout) {
    return (layout === 'flyway' || layout === 'golang-migrate' || layout === 'rails' || layout === 'regex');
}
/** The dirs entries under which no listing (path -> blob) has a file; each listing scanned once per entry at most. */
function unmatchedDirs(dirs, listings) {
    const distinct = [...new Set(listings)];
    return dirs.filter((d) => {
        const inside = dirMatcher(d);
        return !distinct.some((files) => {
            for (const path of files.keys())
                if (inside(path))
                    return true;
            return false;
        });
    });
}
/** One matcher for every `dirs` entry (vendored folders excluded when none are given). */
function dirsMatcher(dirs) {
    const known = matcherCache.get(dirs);
    if (known)
        return known;
    const matchers = dirs.map(dirMatcher);
    const matcher = matchers.length === 0
        ? (path) => !isVendored(path)
        : (path) => matchers.some((m) => m(path));
    matcherCache.set(dirs, matcher);
    return matcher;
}
const matcherCache = new WeakMap();
/** Migrations of a file-name layout from a file listing (path -> blob id; the blob id is the content hash). */
function migrationsFromFiles(files, layout, dirs, re) {
    const inside = dirsMatcher(dirs);
    const out = [];
    for (const [path, blob] of files) {
        // The file name first: cheap, and it rules out nearly every path before the folder test.
        const id = idFromFileName(layout, path, re);
        if (id !== undefined && inside(path))
            out.push({ id, location: { file: path }, contentHash: blob });
    }
    return out;
}
/** A manifest: a JSON or YAML list of IDs (or `{migrations: [...]}`); entries may be `{id: ...}`. */
function parseManifest(text, file) {
    const list = manifestList(text, file);
    if ('problem' in list)
        return { migrations: [], problems: [list.problem] };
    const migrations = [];
    const problems = [];
    for (const item of list.items) {
        const entry = manifestEntry(item, text, file);
        if ('problem' in entry)
            problems.push(entry.problem);
        else
            migrations.push(entry.migration);
    }
    return { migrations, problems };
}
function manifestProblem(file, message, line) {
    return { rule: 'migration-id', severity: 'error', file, ...(line ? { line } : {}), message };
}
/** The manifest's list of entries (the document, or its `migrations` key), or why there is none. */
function manifestList(text, file) {
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text);
    }
    catch (error) {
        return {
            problem: manifestProblem(file, `${file} cannot be parsed: ${error.message}`),
        };
    }
    if (doc.errors.length > 0)
        return {
            problem: manifestProblem(file, `${file} is not valid JSON or YAML: ${firstLine(doc.errors[0].message)}`),
        };
    let list = doc.contents;
    if ((0,dist/* isMap */.jh)(list))
        list = list.get('migrations', true);
    if (!(0,dist/* isSeq */.oP)(list))
        return {
            problem: manifestProblem(file, `${file} must be a list of migration IDs (or a mapping with a "migrations" list)`),
        };
    return { items: list.items };
}
/** One manifest entry (a scalar, or a mapping with `id`) as a migration, keeping unquoted numbers as written. */
function manifestEntry(item, text, file) {
    const node = (0,dist/* isMap */.jh)(item) ? item.get('id', true) : item;
    const line = node?.range ? lineAt(text, node.range[0]) : undefined;
    if (!(0,dist/* isScalar */.jn)(node) || node.value === null || typeof node.value === 'object' || !node.range)
        return {
            problem: manifestProblem(file, `${file}${line ? `:${line}` : ''}: a manifest entry is not an ID`, line),
        };
    const raw = typeof node.value === 'string' ? node.value : text.slice(node.range[0], node.range[1]).trim();
    if (raw.length > 200)
        return {
            problem: manifestProblem(file, `${file}:${line}: manifest entry ${quote(raw)} is too long`, line),
        };
    return { migration: { id: raw, location: { file, ...(line ? { line } : {}) }, contentHash: '' } };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/upgrade/migration-id.ts
var migration_id = __webpack_require__(5584);
;// CONCATENATED MODULE: ./src/upgrade/discovery/format-hash.ts
/**
 * Content hashes that ignore whitespace and formatting, for content-stable: a migration reindented,
 * rewrapped or reformatted on one line (black, a SQL formatter) is the same migration. Pure.
 *
 * Every text: line endings unified, runs of whitespace made one space, and no space kept next to
 * punctuation, so `f( a,b )` and `f(a, b)` or a statement split over two lines compare equal. Python
 * (Delphix upgrade functions) also: `'` read as `"` and a trailing comma before a closing bracket
 * dropped, which is what formatters change there. SQL keeps its quotes: `'x'` is a string and `"x"`
 * a name. Comments and letter case count: a changed comment or keyword case is a real difference.
 */


function normalizeFormatting(text, language = 'other') {
    let out = text
        .replace(/\r\n?/g, '\n')
        .replace(/\s+/g, ' ')
        .replace(/ ?([^\w\s]) ?/g, '$1')
        .trim();
    if (language === 'python')
        out = out.replace(/'/g, '"').replace(/,([)\]}])/g, '$1');
    return out;
}
function formatHash(text, language = 'other') {
    return (0,external_node_crypto_.createHash)('sha256').update(normalizeFormatting(text, language)).digest('hex').slice(0, 16);
}
function everyMigration(model) {
    return [...model.releases.map((r) => r.migrations), ...model.lineHeads.map((h) => h.migrations)];
}
/**
 * Blob ids (content hashes of file layouts) worth reading: those of IDs that have more than one
 * content in the model. Identical content needs no second hash.
 */
function differingContent(model) {
    const byId = new Map();
    for (const list of everyMigration(model))
        for (const m of list) {
            if (m.contentHash === '')
                continue;
            const id = (0,migration_id/* canonicalId */.iS)(m.id);
            const hashes = byId.get(id);
            if (hashes)
                hashes.add(m.contentHash);
            else
                byId.set(id, new Set([m.contentHash]));
        }
    const out = new Set();
    for (const hashes of byId.values())
        if (hashes.size > 1)
            for (const h of hashes)
                out.add(h);
    return out;
}
/** Sets formatHash on every migration whose content (blob) was read; unreadable blobs keep none. */
function applyFormatHashes(model, texts) {
    const hashes = new Map();
    for (const [blob, text] of texts)
        if (text !== undefined)
            hashes.set(blob, formatHash(text));
    for (const list of everyMigration(model))
        for (const m of list) {
            const h = hashes.get(m.contentHash);
            if (h !== undefined)
                m.formatHash = h;
        }
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/plugin-config-fast.ts
/** A plain scalar that YAML's core schema reads as a string: starts with a letter, no spaces or indicators. */
const PLAIN = /^[A-Za-z_](?:[A-Za-z0-9_./-]|:(?=[A-Za-z0-9_./]))*$/;
/** Any plain scalar of this shape is valid YAML (a string, a number...): for keys whose value is not read. */
const ANY_PLAIN = /^[A-Za-z0-9_](?:[A-Za-z0-9_./()-]|[: ](?=[A-Za-z0-9_./(]))*$/;
/** Digits and dots: a number for YAML when at most one dot (`1`, `1.0`, `1.`), else a string (`0.1.0`). */
const DOTTED = /^[0-9][0-9.]*$/;
const NUMBER = /^[0-9]+(?:\.[0-9]*)?$/;
const NOT_STRING = /^(?:null|Null|NULL|true|True|TRUE|false|False|FALSE)$/;
const DOUBLE = /^"([ !#-[\]-~]*)"$/;
const SINGLE = /^'([ -&(-~]*)'$/;
const ENTRY = /^([A-Za-z_][A-Za-z0-9_]{0,63}):(?: (.*))?$/;
const ITEM = /^( {2})?- (.*)$/;
const WANTED = new Set(['buildNumber', 'srcDir', 'schemaFile']);
/** The string a one-line value stands for, or undefined when it is not a plain or quoted string. */
function stringValue(value) {
    if (PLAIN.test(value))
        return NOT_STRING.test(value) ? undefined : value;
    const quoted = DOUBLE.exec(value) ?? SINGLE.exec(value);
    return quoted ? quoted[1] : undefined;
}
function isScalar(value) {
    return stringValue(value) !== undefined || ANY_PLAIN.test(value);
}
/** The plugin config when `text` is in the simple subset, else undefined. */
function simplePluginConfig(text, file) {
    if (text.length > 65_536 || text.includes('\r') || text.includes('\t'))
        return undefined;
    const values = new Map();
    /** Indent of the current list's items; '?' right after `key:`, undefined outside a list. */
    let list;
    let buildNotString = false;
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === '')
            continue;
        if (line.length > 1000)
            return undefined;
        const item = ITEM.exec(line);
        if (item) {
            const indent = item[1] ?? '';
            if (list === undefined || (list !== '?' && list !== indent) || !isScalar(item[2]))
                return undefined;
            list = indent;
            continue;
        }
        const entry = ENTRY.exec(line);
        if (!entry)
            return undefined;
        const key = entry[1];
        if (values.has(key))
            return undefined;
        const raw = entry[2];
        if (raw === undefined) {
            if (WANTED.has(key))
                return undefined;
            values.set(key, { value: '', line: i + 1 });
            list = '?';
            continue;
        }
        list = undefined;
        let value = stringValue(raw);
        if (value === undefined && key === 'buildNumber' && DOTTED.test(raw)) {
            value = raw;
            buildNotString = NUMBER.test(raw);
        }
        if (value === undefined && (WANTED.has(key) || !ANY_PLAIN.test(raw)))
            return undefined;
        values.set(key, { value: value ?? raw, line: i + 1 });
    }
    if (values.size === 0)
        return undefined;
    const build = values.get('buildNumber');
    const trimmed = (key) => {
        const v = values.get(key)?.value.trim();
        return v ? v : undefined;
    };
    return {
        build: build?.value,
        buildNotString,
        // Only unquoted numbers reach here as non-strings (null, booleans, tags go to the YAML parser).
        ...(buildNotString ? { buildYaml: { type: 'number' } } : {}),
        buildLine: build?.line,
        srcDir: trimmed('srcDir'),
        schemaFile: trimmed('schemaFile'),
        problems: build ? [] : [noBuildNumber(file, values.get('version')?.value)],
    };
}
/**
 * The one problem of a plugin_config.yml without buildNumber. With `version:` (SDKs before
 * buildNumber existed) it is a warning: the release predates build numbers and is not checked. The
 * message does not quote the version, so every release of that kind shares one finding.
 */
function noBuildNumber(file, version) {
    if (version === undefined)
        return { rule: 'build-format', severity: 'error', file, message: `${file} has no buildNumber` };
    return {
        rule: 'build-format',
        severity: 'warning',
        file,
        message: `${file} has no buildNumber, only version: (a plugin made with an SDK before buildNumber): ` +
            `releases without buildNumber are not checked; add buildNumber to check them`,
    };
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/delphix.ts

/**
 * Delphix plugin files: plugin_config.yml (buildNumber as a raw string, srcDir, schemaFile), upgrade
 * decorators in Python sources, and schema.json. Every input is outside input: garbage gives a
 * problem naming the file, never an exception. Pure.
 */






/** Reads a plugin_config.yml. `file` is its path, for messages. */
function parsePluginConfig(text, file) {
    return simplePluginConfig(text, file) ?? parsePluginConfigYaml(text, file);
}
/** parsePluginConfig with the full YAML parser (any YAML). */
function parsePluginConfigYaml(text, file) {
    const out = {
        build: undefined,
        buildNotString: false,
        buildLine: undefined,
        srcDir: undefined,
        schemaFile: undefined,
        problems: [],
    };
    let doc;
    try {
        doc = (0,dist/* parseDocument */.Tp)(text, { uniqueKeys: false });
    }
    catch (error) {
        out.problems.push({
            rule: 'build-format',
            severity: 'error',
            file,
            message: `${file} cannot be parsed: ${error.message}`,
        });
        return out;
    }
    if (doc.errors.length > 0) {
        const e = doc.errors[0];
        const line = e.linePos?.[0]?.line;
        out.problems.push({
            rule: 'build-format',
            severity: 'error',
            file,
            ...(line ? { line } : {}),
            message: `${file} is not valid YAML: ${firstLine(e.message)}`,
        });
        return out;
    }
    const node = doc.get('buildNumber', true);
    if (node === undefined || node === null) {
        const version = doc.get('version');
        out.problems.push(noBuildNumber(file, typeof version === 'string' || typeof version === 'number' ? String(version) : undefined));
    }
    else if ((0,dist/* isScalar */.jn)(node)) {
        const range = node.range;
        const raw = range ? text.slice(range[0], range[1]) : String(node.value);
        out.buildLine = range ? lineAt(text, range[0]) : undefined;
        const yaml = yamlNotString(node);
        out.buildNotString = yaml !== undefined;
        if (yaml)
            out.buildYaml = yaml;
        out.build = out.buildNotString ? raw.trim() : String(node.value);
    }
    else {
        out.problems.push({
            rule: 'build-format',
            severity: 'error',
            file,
            message: `${file}: buildNumber must be a quoted string, not a list or mapping`,
        });
    }
    out.srcDir = stringKey(doc.get('srcDir'));
    out.schemaFile = stringKey(doc.get('schemaFile'));
    return out;
}
function stringKey(value) {
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}
const DECORATOR = /^([ \t]*)@\s*[A-Za-z_][\w]*(?:\s*\.\s*[A-Za-z_]\w*)*?\s*\.\s*upgrade\s*\.\s*([A-Za-z_]\w*)\s*\(\s*(.*)$/;
const LITERAL = /^(?:[rRuU]?)(['"])((?:(?!\1)[^\\\n]|\\.)*)\1\s*[,)]/;
const OBJECT_TYPES = [
    'repository',
    'source_config',
    'linked_source',
    'virtual_source',
    'snapshot',
];
/** Finds `@<anything>.upgrade.<object_type>("<id>")` decorators in a Python source. */
function scanDecorators(text, file) {
    const lines = text.split(/\r?\n/);
    const out = { migrations: [], problems: [] };
    for (let i = 0; i < lines.length; i++) {
        const m = DECORATOR.exec(lines[i]);
        if (!m)
            continue;
        const [, indent = '', objectType = '', rest = ''] = m;
        const lit = LITERAL.exec(rest.trimStart());
        if (!lit) {
            out.problems.push({
                rule: 'migration-id',
                severity: 'error',
                file,
                line: i + 1,
                message: `${file}:${i + 1}: the upgrade decorator's ID is not a string literal (${quote(rest.trim())})`,
            });
            continue;
        }
        if (!OBJECT_TYPES.includes(objectType)) {
            out.problems.push({
                rule: 'migration-id',
                severity: 'warning',
                file,
                line: i + 1,
                message: `${file}:${i + 1}: unknown upgrade object type ${quote(objectType)} (expected ${OBJECT_TYPES.join(', ')})`,
            });
        }
        const id = lit[2] ?? '';
        out.migrations.push({
            id,
            objectType,
            location: { file, line: i + 1 },
            ...hashes(functionText(lines, i, indent.length)),
        });
    }
    return out;
}
/** The decorated function: from the first line after the decorators to the end of its body. */
function functionText(lines, decoratorLine, indent) {
    let i = decoratorLine + 1;
    while (i < lines.length && /^\s*@/.test(lines[i]))
        i++;
    const body = [];
    for (let j = i; j < lines.length; j++) {
        const line = lines[j];
        const blank = line.trim() === '' || line.trim().startsWith('#');
        const depth = line.length - line.trimStart().length;
        if (j > i && !blank && depth <= indent)
            break;
        body.push(line.trimEnd());
    }
    while (body.length > 0 && body[body.length - 1].trim() === '')
        body.pop();
    return body.join('\n');
}
/** The content hash of an upgrade function and its hash with formatting ignored (format-hash.ts). */
function hashes(text) {
    return { contentHash: hashText(text), formatHash: formatHash(text, 'python') };
}
function hashText(text) {
    return (0,external_node_crypto_.createHash)('sha256').update(text).digest('hex').slice(0, 16);
}
/** A JSON schema `type`: a name, or a list of names joined with `,`; undefined for anything else. */
function typeText(type) {
    if (typeof type === 'string')
        return type;
    if (Array.isArray(type) && type.length > 0 && type.every((t) => typeof t === 'string'))
        return type.join(',');
    return undefined;
}
/** Summarises a Delphix schema.json: required properties and constraints per `<object>Definition`. */
function summarizeSchema(text, file) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch (error) {
        return {
            schema: undefined,
            problems: [
                {
                    rule: 'schema-needs-migration',
                    severity: 'warning',
                    file,
                    message: `${file} is not valid JSON, so schema changes cannot be checked: ${error.message}`,
                },
            ],
        };
    }
    if (!(0,payload/* isRecord */.u4)(data))
        return {
            schema: undefined,
            problems: [
                {
                    rule: 'schema-needs-migration',
                    severity: 'warning',
                    file,
                    message: `${file} is not a JSON object`,
                },
            ],
        };
    const objects = {};
    for (const [key, def] of Object.entries(data)) {
        if (!(0,payload/* isRecord */.u4)(def))
            continue;
        const name = key.replace(/Definition$/, '');
        const required = Array.isArray(def.required)
            ? def.required.filter((r) => typeof r === 'string')
            : [];
        const properties = {};
        if ((0,payload/* isRecord */.u4)(def.properties)) {
            for (const [prop, spec] of Object.entries(def.properties)) {
                if (!(0,payload/* isRecord */.u4)(spec))
                    continue;
                const type = typeText(spec.type);
                properties[prop] = {
                    ...(type !== undefined ? { type } : {}),
                    ...(Array.isArray(spec.enum) ? { enum: spec.enum.map((v) => JSON.stringify(v)) } : {}),
                    ...(typeof spec.minimum === 'number' ? { minimum: spec.minimum } : {}),
                    ...(typeof spec.maximum === 'number' ? { maximum: spec.maximum } : {}),
                    ...(typeof spec.pattern === 'string' ? { pattern: spec.pattern } : {}),
                };
            }
        }
        objects[name] = { required, properties };
    }
    return { schema: { objects, location: { file } }, problems: [] };
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/parse-cache.ts

/** Caches of parses per (path, blob): keyed by blob id first (no string building on the hot path). */
class ParseCache {
    plugin = new Map();
    decorators = new Map();
    schema = new Map();
    other = new Map();
    /** File listing -> its Delphix migrations (see delphix-listings.ts), when computed. */
    delphix;
    pluginConfig(path, blob, text) {
        return memo(this.plugin, path, blob, () => parsePluginConfig(text, path));
    }
    /** Decorators of a Python file; `text` is only asked for on a cache miss (undefined when the blob was not read). */
    python(path, blob, text) {
        const hit = this.decorators.get(blob);
        if (hit && hit.path === path)
            return hit.value;
        const content = text();
        return content === undefined
            ? undefined
            : memo(this.decorators, path, blob, () => scanDecorators(content, path));
    }
    schemaSummary(path, blob, text) {
        return memo(this.schema, path, blob, () => summarizeSchema(text, path));
    }
    any(kind, path, blob, make) {
        return memo(this.other, `${kind}\0${path}`, blob, make);
    }
}
function memo(map, path, blob, make) {
    const hit = map.get(blob);
    if (hit && hit.path === path)
        return hit.value;
    const key = hit ? `${blob}\0${path}` : blob;
    const again = hit ? map.get(key) : undefined;
    if (again)
        return again.value;
    const value = make();
    map.set(key, { path, value });
    return value;
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/reader.ts



/** Resolves `auto` layout and build source from one representative file listing (the newest line's tip). */
function resolveLayout(files, config) {
    const u = config.upgrade;
    let layout = u.migrations.layout === 'auto' ? 'none' : u.migrations.layout;
    if (u.migrations.layout === 'auto') {
        const inside = dirsMatcher(u.migrations.dirs);
        const hasName = (l) => {
            for (const path of files.keys())
                if (idFromFileName(l, path) !== undefined && inside(path))
                    return true;
            return false;
        };
        if (files.has(u.plugin.config))
            layout = 'delphix';
        else if (u.migrations.pattern)
            layout = 'regex';
        else if (u.migrations.manifest && files.has(u.migrations.manifest))
            layout = 'manifest';
        else
            layout = ['flyway', 'golang-migrate', 'rails'].find(hasName) ?? 'none';
    }
    let buildSource = u.build.source === 'auto' ? 'tag' : u.build.source;
    if (u.build.source === 'auto') {
        if (files.has(u.plugin.config))
            buildSource = 'plugin-config';
        else if (u.build.file && files.has(u.build.file))
            buildSource = 'file';
        else if (files.has('VERSION'))
            buildSource = 'version-file';
        else if (files.has('package.json'))
            buildSource = 'package-json';
    }
    return { layout, buildSource };
}
/** The file holding the build number for a build source (undefined for tags). */
function buildFile(source, config) {
    switch (source) {
        case 'plugin-config':
            return config.upgrade.plugin.config;
        case 'file':
            return config.upgrade.build.file;
        case 'version-file':
            return 'VERSION';
        case 'package-json':
            return 'package.json';
        case 'tag':
            return undefined;
    }
}
/** Phase 1 paths: files whose content decides what else to read (plugin config, build file, manifest). */
function firstPhasePaths(layout, buildSource, config) {
    const paths = new Set();
    const b = buildFile(buildSource, config);
    if (b)
        paths.add(b);
    if (layout === 'delphix')
        paths.add(config.upgrade.plugin.config);
    if (layout === 'manifest' && config.upgrade.migrations.manifest)
        paths.add(config.upgrade.migrations.manifest);
    return [...paths];
}
/** Folder of a path relative to another file's folder (`srcDir: src` next to `plugin/plugin_config.yml` -> `plugin/src`). */
function relativeTo(configPath, path) {
    const dir = configPath.includes('/') ? configPath.slice(0, configPath.lastIndexOf('/')) : '';
    const parts = [...(dir ? dir.split('/') : []), ...path.replace(/\\/g, '/').split('/')];
    const out = [];
    for (const p of parts) {
        if (p === '' || p === '.')
            continue;
        if (p === '..')
            out.pop();
        else
            out.push(p);
    }
    return out.join('/');
}
/** Phase 2 paths for a Delphix release: Python sources under srcDir and the schema file. */
function secondPhasePaths(files, plugin, config) {
    if (!plugin)
        return [];
    const out = [];
    const src = plugin.srcDir !== undefined
        ? relativeTo(config.upgrade.plugin.config, plugin.srcDir)
        : undefined;
    if (src !== undefined) {
        const prefix = src === '' ? '' : `${src}/`;
        for (const path of files.keys())
            if (path.endsWith('.py') && path.startsWith(prefix))
                out.push(path);
    }
    if (plugin.schemaFile) {
        const schema = relativeTo(config.upgrade.plugin.config, plugin.schemaFile);
        if (files.has(schema))
            out.push(schema);
    }
    return out;
}
/** Reads the build number of a commit (tagBuild: the `{build}` part of its tag, if any). */
function readBuild(files, ctx, tagBuild, tagName) {
    const file = buildFile(ctx.buildSource, ctx.config);
    if (file === undefined)
        return buildOfTag(tagBuild, tagName);
    const blob = files.get(file);
    const text = blob ? ctx.blobs.get(blob) : undefined;
    if (!blob || text === undefined)
        return missingBuildFile(file);
    return { ...buildInFile(ctx, file, blob, text), file };
}
/** With `source: tag`: the tag's `{build}`, or an error for a commit without a release tag (a candidate). */
function buildOfTag(tagBuild, tagName) {
    if (tagBuild !== undefined)
        return { build: tagBuild, file: tagName ?? '', problems: [] };
    return {
        build: undefined,
        file: '',
        problems: [
            {
                rule: 'build-format',
                severity: 'error',
                message: 'the build number comes from tags, and this commit has no release tag',
            },
        ],
    };
}
function missingBuildFile(file) {
    return {
        build: undefined,
        file,
        problems: [
            {
                rule: 'build-format',
                severity: 'error',
                file,
                message: `${file} is missing, so the build number cannot be read`,
                perRelease: true,
            },
        ],
    };
}
/** The build number in the build file's text, parsed once per blob. */
function buildInFile(ctx, file, blob, text) {
    switch (ctx.buildSource) {
        case 'plugin-config': {
            const p = ctx.cache.pluginConfig(file, blob, text);
            return {
                build: p.build,
                ...(p.buildLine ? { line: p.buildLine } : {}),
                notString: p.buildNotString,
                ...(p.buildYaml ? { yaml: p.buildYaml } : {}),
                problems: p.problems,
            };
        }
        case 'file':
            return ctx.cache.any('key', file, blob, () => buildFromKey(text, file, ctx.config.upgrade.build.key ?? 'version'));
        case 'version-file':
            return ctx.cache.any('version', file, blob, () => buildFromVersionFile(text, file));
        default:
            return ctx.cache.any('package', file, blob, () => buildFromPackageJson(text, file));
    }
}
/** Migrations and schema of a commit under the resolved layout. */
function readMigrations(files, ctx) {
    const u = ctx.config.upgrade;
    const problems = [];
    switch (ctx.layout) {
        case 'none':
            return { migrations: [], schema: undefined, problems };
        case 'flyway':
        case 'golang-migrate':
        case 'rails':
        case 'regex':
            return {
                migrations: migrationsFromFiles(files, ctx.layout, u.migrations.dirs, ctx.regex),
                schema: undefined,
                problems,
            };
        case 'manifest': {
            const file = u.migrations.manifest ?? '';
            const blob = files.get(file);
            const text = blob ? ctx.blobs.get(blob) : undefined;
            if (!blob || text === undefined)
                return {
                    migrations: [],
                    schema: undefined,
                    problems: [
                        {
                            rule: 'migration-id',
                            severity: 'warning',
                            file,
                            message: `${file} is missing: no migrations read`,
                            perRelease: true,
                        },
                    ],
                };
            const parsed = ctx.cache.any('manifest', file, blob, () => parseManifest(text, file));
            return { migrations: parsed.migrations, schema: undefined, problems: parsed.problems };
        }
        case 'delphix':
            return readDelphix(files, ctx);
    }
}
function readDelphix(files, ctx) {
    const configPath = ctx.config.upgrade.plugin.config;
    const blob = files.get(configPath);
    const text = blob ? ctx.blobs.get(blob) : undefined;
    if (!blob || text === undefined) {
        // With the build number in the same file, the build-format problem already says it is missing.
        const problems = ctx.buildSource === 'plugin-config'
            ? []
            : [
                {
                    rule: 'migration-id',
                    severity: 'error',
                    file: configPath,
                    message: `${configPath} is missing: no upgrade migrations can be read`,
                    perRelease: true,
                },
            ];
        return { migrations: [], schema: undefined, problems };
    }
    const plugin = ctx.cache.pluginConfig(configPath, blob, text);
    const problems = [];
    const migrations = [];
    const listing = ctx.cache.delphix?.get(files);
    const perFile = listing ? listing.scans() : scanAll(files, plugin, ctx);
    for (const scan of perFile) {
        for (const m of scan.migrations)
            migrations.push(m);
        if (scan.problems.length > 0)
            problems.push(...scan.problems);
    }
    const schemaRead = listing ? listing.schema : schemaOf(files, plugin, ctx);
    if (schemaRead)
        problems.push(...schemaRead.problems);
    const schema = schemaRead?.schema;
    if (plugin.srcDir === undefined && plugin.problems.length === 0)
        problems.push({
            rule: 'migration-id',
            severity: 'warning',
            file: configPath,
            message: `${configPath} has no srcDir: no upgrade decorators read`,
        });
    return { migrations, schema, problems };
}
function scanAll(files, plugin, ctx) {
    const schemaPath = plugin.schemaFile
        ? relativeTo(ctx.config.upgrade.plugin.config, plugin.schemaFile)
        : undefined;
    const out = [];
    for (const path of secondPhasePaths(files, plugin, ctx.config)) {
        if (path === schemaPath)
            continue;
        const b = files.get(path);
        const scan = ctx.cache.python(path, b, () => ctx.blobs.get(b));
        if (scan)
            out.push(scan);
    }
    return out;
}
function schemaOf(files, plugin, ctx) {
    const path = plugin.schemaFile
        ? relativeTo(ctx.config.upgrade.plugin.config, plugin.schemaFile)
        : undefined;
    const blob = path ? files.get(path) : undefined;
    const text = blob ? ctx.blobs.get(blob) : undefined;
    return path && blob && text !== undefined ? ctx.cache.schemaSummary(path, blob, text) : undefined;
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/delphix-listings.ts

/** Longest chain of listings sharing their bases' entries before one is flattened into its own map. */
const MAX_DEPTH = 32;
/**
 * One listing's Python files and their decorators. A listing that only adds files keeps its base and
 * the added entries (no copy of the base's thousands of entries); iteration order is that of a Map
 * copied from the base with the additions set after, as before.
 */
class DelphixListing {
    srcPrefix;
    schemaPath;
    schema;
    base;
    own;
    flat;
    constructor(srcPrefix, schemaPath, schema, 
    /** The base whose entries come first, or undefined when `own` holds every entry. */
    base, 
    /** Entries after the base's (all entries without a base). */
    own) {
        this.srcPrefix = srcPrefix;
        this.schemaPath = schemaPath;
        this.schema = schema;
        this.base = base;
        this.own = own;
        this.depth = base ? base.depth + 1 : 0;
    }
    depth;
    has(path) {
        return this.own.has(path) || (this.base?.has(path) ?? false);
    }
    /** Python source path -> its decorators (built on first use when the listing shares its base's). */
    get perFile() {
        if (!this.base)
            return this.own;
        this.flat ??= new Map(this.entries());
        return this.flat;
    }
    /** The listings of the chain, root first. */
    chain() {
        const out = [this];
        for (let l = this.base; l; l = l.base)
            out.push(l);
        return out.reverse();
    }
    *entries() {
        if (this.flat)
            return yield* this.flat.entries();
        for (const l of this.chain())
            yield* l.own.entries();
    }
    /** Every file's decorators, in listing order. */
    scans() {
        if (this.flat)
            return [...this.flat.values()];
        const out = [];
        for (const l of this.chain())
            for (const s of l.own.values())
                out.push(s);
        return out;
    }
}
function delphixListings(input) {
    const out = new WeakMap();
    const byCommit = new Map();
    const cfgPath = input.config.upgrade.plugin.config;
    for (const step of input.plan) {
        const files = input.states.get(step.commit);
        if (!files)
            continue;
        const blob = files.get(cfgPath);
        const text = blob ? input.blobs.get(blob) : undefined;
        if (!blob || text === undefined)
            continue;
        const plugin = input.cache.pluginConfig(cfgPath, blob, text);
        const srcPrefix = plugin.srcDir !== undefined ? relativeTo(cfgPath, plugin.srcDir) : undefined;
        const schemaPath = plugin.schemaFile ? relativeTo(cfgPath, plugin.schemaFile) : undefined;
        const base = step.base ? byCommit.get(step.base) : undefined;
        const listing = base && base.srcPrefix === srcPrefix && base.schemaPath === schemaPath
            ? update(base, input.changes.get(step.commit) ?? [], files, input)
            : full(files, srcPrefix, schemaPath, input, plugin);
        byCommit.set(step.commit, listing);
        out.set(files, listing);
    }
    return out;
}
function isSource(path, prefix) {
    return (prefix !== undefined && path.endsWith('.py') && (prefix === '' || path.startsWith(`${prefix}/`)));
}
function scan(path, blob, input) {
    return input.cache.python(path, blob, () => input.blobs.get(blob));
}
function delphix_listings_schemaOf(path, files, input) {
    const blob = path ? files.get(path) : undefined;
    const text = blob ? input.blobs.get(blob) : undefined;
    return path && blob && text !== undefined
        ? input.cache.schemaSummary(path, blob, text)
        : undefined;
}
function full(files, srcPrefix, schemaPath, input, plugin) {
    const perFile = new Map();
    for (const path of secondPhasePaths(files, plugin, input.config)) {
        if (path === schemaPath)
            continue;
        const s = scan(path, files.get(path), input);
        if (s)
            perFile.set(path, s);
    }
    return new DelphixListing(srcPrefix, schemaPath, delphix_listings_schemaOf(schemaPath, files, input), undefined, perFile);
}
function update(base, changes, files, input) {
    let schema = base.schema;
    const scans = [];
    let onlyAdds = base.depth < MAX_DEPTH;
    for (const ch of changes) {
        if (ch.path === base.schemaPath)
            schema = delphix_listings_schemaOf(base.schemaPath, files, input);
        if (!isSource(ch.path, base.srcPrefix))
            continue;
        const blob = files.get(ch.path);
        const s = blob ? scan(ch.path, blob, input) : undefined;
        scans.push([ch.path, s]);
        if (onlyAdds && base.has(ch.path))
            onlyAdds = false;
    }
    if (onlyAdds) {
        const added = new Map();
        for (const [path, s] of scans) {
            if (s)
                added.set(path, s);
            else
                added.delete(path);
        }
        return new DelphixListing(base.srcPrefix, base.schemaPath, schema, base, added);
    }
    const perFile = new Map(base.entries());
    for (const [path, s] of scans) {
        if (s)
            perFile.set(path, s);
        else
            perFile.delete(path);
    }
    return new DelphixListing(base.srcPrefix, base.schemaPath, schema, undefined, perFile);
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/read-release.ts

/** Discovery problems without repeats; per-release ones (missing files) get the release's name. */
class ProblemSink {
    problems = [];
    seen = new Set();
    add(list, release) {
        for (const raw of list) {
            const { perRelease, ...p } = release && (raw.perRelease || !raw.file)
                ? { ...raw, message: `${release}: ${raw.message}` }
                : raw;
            void perRelease;
            const key = `${p.rule}\0${p.file ?? ''}\0${p.line ?? ''}\0${p.message}`;
            if (this.seen.has(key))
                continue;
            this.seen.add(key);
            this.problems.push(p);
        }
    }
}
/** One release read from its commit's files; file problems go to the sink. */
function readRelease(ctx, sink, files, r) {
    const b = readBuild(files, ctx, r.tag?.tagBuild, r.tag?.tag);
    const m = readMigrations(files, ctx);
    sink.add(b.problems, r.name);
    sink.add(m.problems, r.name);
    if (r.tag)
        sink.add(tagMismatch(ctx, r.tag, b));
    return {
        name: r.name,
        line: r.line,
        tag: r.tag?.tag,
        commit: r.commit,
        build: b.build ?? '',
        ...(b.build === undefined ? { buildUnread: true } : {}),
        buildLocation: { file: b.file, ...(b.line ? { line: b.line } : {}) },
        ...(b.notString ? { buildNotString: true } : {}),
        ...(b.yaml ? { buildYaml: b.yaml } : {}),
        migrations: m.migrations,
        ...(m.schema ? { schema: m.schema } : {}),
    };
}
/** A warning when the tag names another build than the build file at its commit says. */
function tagMismatch(ctx, tag, b) {
    if (b.build === undefined ||
        b.file === tag.tag ||
        ctx.buildSource === 'tag' ||
        canon(b.build) === canon(tag.tagBuild))
        return [];
    return [
        {
            rule: 'build-format',
            severity: 'warning',
            file: b.file,
            ...(b.line ? { line: b.line } : {}),
            message: `tag ${tag.tag} names build ${tag.tagBuild} but ${b.file} at that commit says ${b.build}`,
        },
    ];
}
/** Loose canonical form for comparing a tag's build with a file's (trailing `.0` parts ignored). */
function canon(build) {
    return build.replace(/^v/, '').replace(/(\.0+)+$/, '');
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/targets.ts
/**
 * Steps ancestors first. A commit whose first-parent chain reaches no other commit of interest is
 * diffed against the root of that chain, and the root is listed whole, so every listing is a chain
 * of small diffs.
 */
function planTargets(graph, commits) {
    const wanted = new Set(commits.filter((c) => graph.has(c)));
    const steps = new Map();
    for (const commit of wanted) {
        let base = graph.firstParentAncestor(commit, (s) => wanted.has(s));
        if (base === undefined) {
            const root = graph.firstParentRoot(commit);
            if (root !== undefined && root !== commit) {
                base = root;
                if (!steps.has(root))
                    steps.set(root, { commit: root, base: undefined });
            }
        }
        steps.set(commit, { commit, base });
    }
    return [...steps.values()].sort((a, b) => graph.order(a.commit) - graph.order(b.commit));
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/replayed-map.ts
/**
 * A replayed file listing that does not copy its base: a materialized ancestor listing plus the
 * operations since (in order), copied into the Map itself only when iterated, or once the
 * operations pile up. get/has answer from the last operation on a path, else from the ancestor.
 * Iteration order is that of copying the base and applying the operations, as a plain Map would.
 * Read-only once built: set/delete/clear throw (children share their ancestor's entries). Pure.
 */
/** Operations kept before a listing is copied into its own entries. */
const MAX_OPS = 256;
class ReplayedMap extends Map {
    loaded = false;
    root;
    ops = [];
    /** Path -> blob of its last operation (null: deleted). */
    last = new Map();
    /** The listing of `base` (undefined: empty) after `own`. */
    static replay(base, own) {
        const m = new ReplayedMap();
        if (base instanceof ReplayedMap && !base.loaded) {
            m.root = base.root;
            m.ops = base.ops.concat(own);
            m.last = new Map(base.last);
        }
        else {
            m.root = base;
            m.ops = own;
        }
        for (const [path, blob] of own)
            m.last.set(path, blob);
        if (m.root === undefined || m.ops.length > MAX_OPS)
            m.load();
        return m;
    }
    load() {
        if (this.loaded)
            return;
        this.loaded = true;
        if (this.root)
            for (const [path, blob] of this.root)
                super.set(path, blob);
        for (const [path, blob] of this.ops) {
            if (blob === null)
                super.delete(path);
            else
                super.set(path, blob);
        }
        this.root = undefined;
        this.ops = [];
        this.last = new Map();
    }
    get(path) {
        if (this.loaded)
            return super.get(path);
        const blob = this.last.get(path);
        if (blob !== undefined)
            return blob === null ? undefined : blob;
        return this.root?.get(path);
    }
    has(path) {
        if (this.loaded)
            return super.has(path);
        const blob = this.last.get(path);
        if (blob !== undefined)
            return blob !== null;
        return this.root?.has(path) ?? false;
    }
    get size() {
        this.load();
        return super.size;
    }
    keys() {
        this.load();
        return super.keys();
    }
    values() {
        this.load();
        return super.values();
    }
    entries() {
        this.load();
        return super.entries();
    }
    [Symbol.iterator]() {
        this.load();
        return super[Symbol.iterator]();
    }
    forEach(fn, thisArg) {
        this.load();
        super.forEach(fn, thisArg);
    }
    set() {
        throw new TypeError('a replayed file listing is read-only');
    }
    delete() {
        throw new TypeError('a replayed file listing is read-only');
    }
    clear() {
        throw new TypeError('a replayed file listing is read-only');
    }
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/trees.ts
/**
 * File listings at many commits from ONE `git diff-tree --stdin`: each commit of interest is diffed
 * against its nearest commit of interest below it (or listed whole when it has none), and the
 * listings are rebuilt in memory by replaying the diffs, ancestors first. Pure.
 */

/** Lines for `git diff-tree --stdin`: `<commit> <base>` (diff against base) or `<commit>` (whole tree, with --root). */
function diffTreeInput(plan) {
    return plan.map((p) => (p.base ? `${p.commit} ${p.base}` : p.commit)).join('\n') + '\n';
}
/** Parses `git diff-tree --stdin -r -z --always --root --no-renames` output into changes per commit. */
function parseDiffTree(output) {
    const out = new Map();
    const tokens = output.split('\0');
    let current;
    for (let i = 0; i < tokens.length; i++) {
        const token = tokens[i].replace(/^\n+/, '');
        if (token.length === 0)
            continue;
        if (token.startsWith(':')) {
            const path = tokens[++i] ?? '';
            const [, mode = '', , blob = '', status = ''] = token.slice(1).split(' ');
            current?.push({ status: status.charAt(0), path, blob, mode });
        }
        else if (/^[0-9a-f]{40,64}$/.test(token.trim())) {
            current = [];
            out.set(token.trim(), current);
        }
    }
    return out;
}
/**
 * Rebuilds the file map of every planned commit, in plan order (which must put each base before the
 * commits diffed against it). Only regular files are kept. The maps are read-only and share their
 * bases' entries until iterated (replayed-map.ts).
 */
function replayTrees(plan, changes) {
    const states = new Map();
    for (const { commit, base } of plan) {
        if (states.has(commit))
            continue;
        const ops = (changes.get(commit) ?? []).map((c) => [
            c.path,
            c.status === 'D' || (c.mode !== '100644' && c.mode !== '100755') ? null : c.blob,
        ]);
        states.set(commit, ReplayedMap.replay(base ? states.get(base) : undefined, ops));
    }
    return states;
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/discover.ts
/**
 * Discovery of the upgrade model from a git repository, with a fixed number of git processes:
 * one for-each-ref, one log (the graph), one diff-tree --stdin (file listings at every release),
 * two cat-file --batch (plugin/build files, then sources), and for fix diffs (src/evidence) one
 * cat-file --batch-check, one diff-tree -p and one patch-id. The count does not grow with the number
 * of releases or files.
 */














async function discover(git, config, options = {}) {
    const refs = parseRefs(await git.text(['for-each-ref', `--format=${REF_FORMAT}`, ...REF_PREFIXES]));
    const lines = selectLines(refs, {
        patterns: config.lines.patterns,
        includeDefault: config.lines.defaultBranch,
        newest: config.lines.newest,
        order: config.lines.order,
        prefer: options.prefer ?? 'local',
        ...(options.defaultBranch ? { defaultBranch: options.defaultBranch } : {}),
    });
    const notes = [];
    const tagList = releaseTags(refs.tags, config.upgrade.tags);
    const tips = [
        ...new Set([
            ...lines.map((l) => l.tip),
            ...tagList.map((t) => t.commit),
            ...(options.candidate ? [options.candidate.commit] : []),
        ]),
    ];
    const graph = new git_graph/* CommitGraph */.Mh(tips.length === 0
        ? ''
        : await git.text(['log', '--topo-order', `--format=${git_graph/* GRAPH_FORMAT */.fQ}`, '--stdin'], {
            input: tips.join('\n') + '\n',
        }));
    const usable = tagList.filter((t) => graph.has(t.commit));
    const pre = skipPrereleaseTags(usable, config.upgrade);
    if (pre.note)
        notes.push(pre.note);
    const { kept, dropped } = dedupeTags(pre.tags);
    for (const d of dropped)
        notes.push(`tag ${d.tag.tag} names the same release as ${d.kept.tag}; using ${d.kept.tag}`);
    const { byLine, orphans, offLine } = attributeTags(graph, lines, kept, config.upgrade.scheme);
    const offNote = offLineNote(offLine);
    if (offNote)
        notes.push(offNote);
    for (const o of orphans)
        notes.push(`tag ${o.tag} (build ${o.tagBuild}) is on no release line; it is not checked`);
    const released = [...byLine.values()].flat().find((t) => t.commit === options.candidate?.commit);
    if (options.candidate && released)
        notes.push(`${options.candidate.name} is release ${released.tag} already: checked as that release`);
    let candidate;
    if (options.candidate && !released) {
        const c = options.candidate;
        const found = c.line === undefined ? candidateLine(graph, lines, c.commit, c.build) : undefined;
        if (found?.left)
            notes.push(`${c.name} is on no line: checked as a release of ${found.line}, where its history left the line at ${found.left.slice(0, 12)}`);
        candidate = { ...c, line: c.line ?? found?.line ?? 'HEAD' };
    }
    return readReleases(git, config, {
        graph,
        lines,
        byLine,
        notes,
        tags: { matching: tagList.length, onNoLine: orphans.length },
        ...(candidate ? { candidate } : {}),
    });
}
/** Tags that match a release tag pattern, with the build they name; by pattern order, then name. */
function releaseTags(tags, tagPatterns) {
    const patterns = compileTagPatterns(tagPatterns);
    const list = [];
    for (const [tag, commit] of tags) {
        const rank = patterns.findIndex((p) => p.test(tag));
        const build = buildFromTag(tag, patterns);
        if (build !== undefined)
            list.push({ tag, commit, tagBuild: build, rank });
    }
    return list.sort((a, b) => a.rank - b.rank || a.tag.localeCompare(b.tag));
}
/**
 * The line a candidate commit belongs to: one containing it (as for tags), else the line whose tip is
 * its nearest ancestor, else the line(s) holding its merge-base with the lines, its nearest
 * first-parent ancestor on a line (`left`): a release PR into a hotfix branch cut from 2.0 belongs
 * to 2.0's line, however many commits the hotfix has. The newest line when nothing relates them.
 */
function candidateLine(graph, lines, commit, build = '') {
    const containing = lines.filter((l) => graph.contains(l.tip, commit));
    const chosen = chooseLine(containing, build);
    if (chosen)
        return { line: chosen.branch };
    const below = lines
        .filter((l) => graph.contains(commit, l.tip))
        .sort((a, b) => graph.order(b.tip) - graph.order(a.tip));
    if (below[0])
        return { line: below[0].branch };
    const left = graph.firstParentIn(commit, graph.union(lines.map((l) => l.tip)), Number.MAX_SAFE_INTEGER);
    const from = left
        ? chooseLine(lines.filter((l) => graph.contains(l.tip, left.sha)), build)
        : undefined;
    if (left && from)
        return { line: from.branch, left: left.sha };
    return { line: lines[lines.length - 1]?.branch ?? 'HEAD' };
}
async function readReleases(git, config, c) {
    const targets = [
        ...new Set([
            ...c.lines.map((l) => l.tip),
            ...[...c.byLine.values()].flat().map((t) => t.commit),
            ...(c.candidate ? [c.candidate.commit] : []),
        ]),
    ];
    const plan = planTargets(c.graph, targets);
    const diff = plan.length === 0
        ? ''
        : await git.text(['diff-tree', '--stdin', '-r', '-z', '--always', '--root', '--no-renames', '--raw'], { input: diffTreeInput(plan) });
    const changes = parseDiffTree(diff);
    const states = replayTrees(plan, changes);
    const empty = new Map();
    const filesAt = (commit) => states.get(commit) ?? empty;
    const newest = c.lines[c.lines.length - 1];
    const { layout, buildSource } = resolveLayout(filesAt(newest?.tip ?? ''), config);
    const bookkeepingFile = buildFile(buildSource, config);
    const bookkeeping = [...config.upgrade.bookkeeping, ...(bookkeepingFile ? [bookkeepingFile] : [])];
    const cache = new ParseCache();
    const first = firstPhasePaths(layout, buildSource, config);
    const blobs = new Map();
    let batchReads = 0;
    const firstIds = new Set();
    for (const t of targets)
        for (const p of first)
            addId(firstIds, filesAt(t).get(p));
    batchReads += await readBlobs(git, blobs, firstIds);
    const secondIds = new Set();
    const prefixes = new Set();
    const schemas = new Set();
    if (layout === 'delphix') {
        const cfgPath = config.upgrade.plugin.config;
        for (const t of targets) {
            const files = filesAt(t);
            const blob = files.get(cfgPath);
            const text = blob ? blobs.get(blob) : undefined;
            if (!blob || text === undefined)
                continue;
            const plugin = cache.pluginConfig(cfgPath, blob, text);
            prefixes.add(plugin.srcDir !== undefined ? relativeTo(cfgPath, plugin.srcDir) : '\0');
            if (plugin.schemaFile)
                schemas.add(relativeTo(cfgPath, plugin.schemaFile));
        }
        // Every blob of every listing entered through a change: collect ids from the changes (thousands), not the listings (millions of entries).
        const wanted = (path) => schemas.has(path) ||
            (path.endsWith('.py') && [...prefixes].some((d) => d === '' || path.startsWith(`${d}/`)));
        for (const list of changes.values())
            for (const ch of list)
                if (ch.status !== 'D' && wanted(ch.path))
                    secondIds.add(ch.blob);
    }
    batchReads += await readBlobs(git, blobs, secondIds);
    if (layout === 'delphix')
        cache.delphix = delphixListings({ plan, changes, states, blobs, cache, config });
    const regex = config.upgrade.migrations.pattern
        ? (0,config_patterns/* searchPattern */.jH)(config.upgrade.migrations.pattern)
        : undefined;
    const ctx = { config, layout, buildSource, blobs, cache, regex };
    const unmatched = layout === 'delphix' || layout === 'manifest'
        ? []
        : unmatchedDirs(config.upgrade.migrations.dirs, targets.map(filesAt));
    const assembled = assemble(c, ctx, filesAt);
    if (isFileLayout(layout)) {
        // content-stable ignores formatting: read only the files of IDs whose content differs somewhere.
        const differing = differingContent(assembled.model);
        batchReads += await readBlobs(git, blobs, differing);
        applyFormatHashes(assembled.model, new Map([...differing].map((b) => [b, blobs.get(b)])));
    }
    return { ...assembled, batchReads, bookkeeping, tags: c.tags, unmatchedDirs: unmatched };
}
function addId(set, id) {
    if (id !== undefined)
        set.add(id);
}
/** Reads the blobs not read yet with one `git cat-file --batch`; returns the number of processes run (0 or 1). */
async function readBlobs(git, into, ids) {
    const wanted = [...ids].filter((i) => !into.has(i));
    if (wanted.length === 0)
        return 0;
    for (const [k, v] of await readObjects(git, wanted))
        into.set(k, v);
    return 1;
}
function assemble(c, ctx, filesAt) {
    const sink = new ProblemSink();
    const releases = [];
    for (const line of c.lines)
        for (const t of c.byLine.get(line.branch) ?? [])
            releases.push(readRelease(ctx, sink, filesAt(t.commit), {
                name: t.tag,
                line: line.branch,
                tag: t,
                commit: t.commit,
            }));
    if (c.candidate) {
        const { name, line, commit } = c.candidate;
        releases.push({
            ...readRelease(ctx, sink, filesAt(commit), { name, line, commit }),
            candidate: true,
        });
    }
    const lineHeads = c.lines.map((l) => ({
        line: l.branch,
        commit: l.tip,
        migrations: readMigrations(filesAt(l.tip), ctx).migrations,
    }));
    c.notes.push(`layout: ${ctx.layout}; build number from: ${ctx.buildSource}`);
    const file = ctx.buildSource === 'tag'
        ? undefined
        : releases.find((r) => r.buildLocation.file)?.buildLocation.file;
    return {
        model: {
            lines: c.lines,
            releases: orderReleases(c.graph, releases, c.byLine, ctx.config.upgrade.scheme),
            fixDiffs: [],
            lineHeads,
        },
        problems: sink.problems,
        notes: c.notes,
        graph: c.graph,
        layout: ctx.layout,
        buildSource: ctx.buildSource,
        buildFile: file,
    };
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/coverage.ts

const LAYOUT_FILES = {
    flyway: 'named V<version>__<name>.sql (or .java, .kt)',
    'golang-migrate': 'named <version>_<name>.up.sql',
    rails: 'named db/migrate/<timestamp>_<name>.rb',
    regex: 'whose name matches upgrade.migrations.pattern',
    manifest: 'listed in upgrade.migrations.manifest',
    delphix: 'with an upgrade decorator (@plugin.upgrade.<type>("<id>")) under srcDir',
};
const q = (s) => JSON.stringify(s);
function coverage_listed(items, max = 3) {
    const shown = items.slice(0, max).join(', ');
    return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}
/** The coverage warnings of a finished check, and its findings with repeats of one cause folded. */
function applyCoverage(result, input) {
    const coverage = [...(result.coverage ?? [])];
    const released = result.releases.filter((r) => !r.candidate);
    const noReleases = noReleaseWarning(released.length, result, input);
    if (noReleases)
        coverage.push(noReleases);
    const noMigrations = noMigrationWarning(result.releases, input);
    if (noMigrations)
        coverage.push(noMigrations);
    const newest = input.config.lines.newest;
    if (newest !== undefined && !input.lines.includes(newest))
        coverage.push({
            code: 'newest-missing',
            message: `lines.newest names ${q(newest)}, which is no branch of the repository, so no line is the newest ` +
                `(the default branch is a line only when lines.patterns names it): fix the name, or remove the key to use the default branch`,
        });
    if (input.unmatchedDirs.length > 0)
        coverage.push({
            code: 'dirs-unmatched',
            message: `upgrade.migrations.dirs ${input.unmatchedDirs.map(q).join(', ')} ${input.unmatchedDirs.length === 1 ? 'matches' : 'match'} ` +
                `no folder at any release or line head, so no migration there was read: an entry matches a folder at any depth ` +
                `(db/migration), from the root with a leading / , or as a glob (*/src/main/resources/db/migration)`,
        });
    const invalid = invalidBuilds(result.releases, input.config);
    let findings = result.findings.filter((f) => !repeatsUnreadBuild(f, result.releases));
    if (result.releases.length > 0 && invalid.size === result.releases.length) {
        coverage.push(buildsInvalidWarning(result.releases, invalid, input));
        findings = findings.filter((f) => !isInvalidBuildFinding(f, invalid));
    }
    if (coverage.length === 0 && findings.length === result.findings.length)
        return result;
    return {
        ...result,
        findings,
        conclusion: findings.some(failing) ? 'failure' : 'success',
        coverage,
    };
}
/** An error that fails the check (a waived one does not). */
function failing(f) {
    return f.severity === 'error' && !('waived' in f && f.waived);
}
function noReleaseWarning(released, result, input) {
    if (released > 0)
        return undefined;
    const patterns = input.config.upgrade.tags.join(', ');
    const lines = result.lines.map((l) => l.branch);
    const why = input.tags.matching === 0
        ? `no tag matches upgrade.tags (${patterns})`
        : `${input.tags.onNoLine === 1 ? 'the one tag' : `all ${input.tags.onNoLine} tags`} matching upgrade.tags ${input.tags.onNoLine === 1 ? 'is' : 'are'} on no release line (${lines.length > 0 ? coverage_listed(lines) : 'none found'}; see the notes)`;
    const fix = input.tags.matching === 0
        ? 'tag your releases, or set upgrade.tags to the names your tags use'
        : 'set lines.patterns to your release branches';
    const candidate = result.releases.length > 0 ? ': the candidate was compared with nothing' : '';
    return {
        code: 'no-releases',
        message: `no release found: ${why}, so no release was checked${candidate}; ${fix}`,
    };
}
function noMigrationWarning(releases, input) {
    const configured = input.config.upgrade.migrations.layout;
    if (configured === 'none')
        return undefined;
    const dirs = input.config.upgrade.migrations.dirs;
    const under = dirs.length > 0 ? ` under ${dirs.map(q).join(', ')}` : '';
    if (configured === 'auto' && input.layout === 'none')
        return {
            code: 'no-migrations',
            message: `no migrations found: automatic detection found no ${input.config.upgrade.plugin.config}, and no Flyway, ` +
                `golang-migrate or Rails migration files${under} at the head of the newest line, so only build numbers ` +
                `were checked; set upgrade.migrations.layout (and dirs) to where they are, or layout: none if there are none`,
        };
    // `auto` picks regex whenever a pattern is configured, found or not: that is a configured layout too.
    if (configured === 'auto' && input.layout !== 'regex')
        return undefined;
    const count = releases.reduce((n, r) => n + r.migrations.length, 0) + input.headMigrations;
    if (count > 0)
        return undefined;
    const files = LAYOUT_FILES[input.layout] ?? 'for that layout';
    return {
        code: 'no-migrations',
        message: `upgrade.migrations.layout is ${input.layout}, but no release and no line head has a migration ${files}${under}, ` +
            `so no migration was checked; check upgrade.migrations.dirs and the layout`,
    };
}
/** Release name -> why its build is invalid for the scheme. */
function invalidBuilds(releases, config) {
    const out = new Map();
    for (const r of releases) {
        const parsed = (0,version/* parseBuild */.EH)(r.build, config.upgrade.scheme);
        if (!parsed.ok)
            out.set(r.name, parsed.reason);
    }
    return out;
}
/** The rule's "build number is empty" for a build discovery could not read (discovery said why). */
function repeatsUnreadBuild(f, releases) {
    if (f.rule !== 'build-format' || f.releases?.length !== 1)
        return false;
    const name = f.releases[0];
    return releases.some((r) => r.name === name && r.buildUnread === true);
}
function isInvalidBuildFinding(f, invalid) {
    if (f.rule !== 'build-format' || f.releases?.length !== 1)
        return false;
    const reason = invalid.get(f.releases[0]);
    return reason !== undefined && f.message.endsWith(reason);
}
function buildsInvalidWarning(releases, invalid, input) {
    const read = releases.filter((r) => !r.buildUnread);
    const source = input.buildFile ?? (input.buildSource === 'tag' ? 'the tags' : input.buildSource);
    const samples = coverage_listed(read.map((r) => `${q(r.build)} at ${r.name}`));
    const what = read.length === 0
        ? `no release has a build number fixline can read from ${source} (see the build-format finding)`
        : `no release has a valid build number: ${source} gives ${samples}`;
    const hint = buildHint(read, invalid, input);
    return {
        code: 'builds-invalid',
        message: `${what}, so no upgrade between releases was checked${hint ? `; ${hint}` : ''}`,
    };
}
/** What to change when every build read is invalid. */
function buildHint(read, invalid, input) {
    const scheme = input.config.upgrade.scheme;
    const fromFile = input.buildSource !== 'tag';
    const tagHint = fromFile ? ', or set upgrade.build.source: tag to take builds from the tags' : '';
    if (read.length === 0)
        return fromFile ? `set upgrade.build.source: tag to take builds from the tags instead` : '';
    const bare = read.map((r) => r.build.replace(/^[vV](?=\d)/, ''));
    const vPrefix = read.some((r) => /^[vV]\d/.test(r.build));
    if (vPrefix && bare.every((b) => (0,version/* parseBuild */.EH)(b, scheme).ok))
        return fromFile
            ? `write the bare build in ${input.buildFile ?? input.buildSource} (${bare[0]}, not ${read[0]?.build})${tagHint}`
            : 'drop the leading v';
    const other = scheme === 'dotted' ? 'semver' : 'dotted';
    if (bare.every((b) => (0,version/* parseBuild */.EH)(b, other).ok))
        return `these are ${other} builds: set upgrade.scheme: ${other}`;
    return `${invalid.get(read[0]?.name ?? '') ?? 'fix the build source (upgrade.build)'}${tagHint}`;
}

// EXTERNAL MODULE: ./src/evidence/index.ts + 7 modules
var src_evidence = __webpack_require__(2146);
;// CONCATENATED MODULE: ./src/upgrade/discovery/fix-diffs.ts
/**
 * Fix diffs for the release pairs the fix-loss rule asks about, from the fix-evidence module
 * (src/evidence): a constant number of git processes, patch text streamed, only the commits the
 * pairs differ by. Objects a partial clone lacks become warnings (rule fix-loss), never a failure.
 */

async function computeFixDiffs(git, graph, releases, pairs, bookkeeping, 
/** Where warnings about objects that could not be read go. */
problems, cache) {
    const byName = new Map(releases.map((r) => [r.name, r]));
    const resolved = pairs
        .map((p) => ({ from: byName.get(p.from), to: byName.get(p.to) }))
        .filter((p) => p.from !== undefined &&
        p.to !== undefined &&
        graph.has(p.from.commit) &&
        graph.has(p.to.commit));
    if (resolved.length === 0)
        return [];
    const evidence = await (0,src_evidence/* fixEvidence */.PL)(git, graph, resolved.map((p) => ({ from: p.from.commit, to: p.to.commit })), 
    // Version-only diffs are a release tool's bump only when they change the project's own builds.
    cache ? { cache } : { bookkeeping, ownVersions: releases.map((r) => r.build) });
    for (const p of evidence.problems)
        problems?.push({
            rule: 'fix-loss',
            severity: 'warning',
            message: p.message,
            ...(p.path ? { file: p.path } : {}),
        });
    return resolved.map(({ from, to }) => {
        const e = evidence.compare({ from: from.commit, to: to.commit });
        return {
            from: from.name,
            to: to.name,
            missing: e.lost,
            ...(e.probable.length > 0
                ? { probable: e.probable.map((p) => ({ ...p.commit, counterpart: p.counterpart })) }
                : {}),
            evidence: e.counts,
        };
    });
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/check-repo.ts






async function checkRepository(git, config, options = {}) {
    const t0 = Date.now();
    const discovery = await discover(git, config, options);
    const t1 = Date.now();
    const checkOptions = {
        scheme: config.upgrade.scheme,
        engine: config.upgrade.engine,
        contentChange: config.upgrade.contentChange,
        layout: discovery.layout,
        prereleases: config.upgrade.prereleases,
        compatibility: config.upgrade.compatibility,
    };
    // One rule context for both the pair selection and the rules (its engine is swapped in checkModel).
    const ctx = (0,context/* buildContext */.gC)(discovery.model, { ...checkOptions, engine: 'set' });
    const pairs = (0,check/* fixLossPairs */.G2)(discovery.model, config.upgrade.scheme, ctx, (tip, commit) => discovery.graph.contains(tip, commit));
    discovery.model.fixDiffs = await computeFixDiffs(git, discovery.graph, discovery.model.releases, pairs, discovery.bookkeeping, discovery.problems);
    const t2 = Date.now();
    const checked = (0,check/* checkModel */.w5)(discovery.model, checkOptions, ctx);
    const merged = applyCoverage(mergeProblems(checked, discovery.problems), {
        config,
        layout: discovery.layout,
        buildSource: discovery.buildSource,
        buildFile: discovery.buildFile,
        tags: discovery.tags,
        unmatchedDirs: discovery.unmatchedDirs,
        headMigrations: discovery.model.lineHeads.reduce((n, h) => n + h.migrations.length, 0),
        lines: discovery.model.lines.map((l) => l.branch),
    });
    // Waivers last, so that discovery problems can be waived too.
    const result = (0,waivers/* applyWaivers */.Kw)(merged, config.upgrade.waivers, config.upgrade.scheme);
    const t3 = Date.now();
    return {
        result,
        discovery,
        pairs: pairs.length,
        timings: { discoverMs: t1 - t0, fixDiffsMs: t2 - t1, rulesMs: t3 - t2 },
    };
}
/** Adds discovery problems to the rule findings, in rule order, and recomputes the conclusion. */
function mergeProblems(result, problems) {
    if (problems.length === 0)
        return result;
    const extra = problems.map((p) => ({
        rule: p.rule,
        severity: p.severity,
        message: p.message,
        ...(p.file ? { file: p.file } : {}),
        ...(p.line ? { line: p.line } : {}),
    }));
    const rank = (f) => check/* RULE_IDS */.Iu.indexOf(f.rule);
    const findings = [...extra, ...result.findings]
        .map((f, i) => ({ f, i }))
        .sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i)
        .map((x) => x.f);
    return {
        ...result,
        findings,
        conclusion: (0,waivers/* conclusionOf */.vu)(findings),
    };
}

;// CONCATENATED MODULE: ./src/upgrade/discovery/release-pr.ts



/** Files that may hold the build number, in `auto` order, with their reader. */
function buildCandidates(config) {
    const u = config.upgrade;
    const all = {
        'plugin-config': {
            path: u.plugin.config,
            read: (t) => parsePluginConfig(t, u.plugin.config).build,
        },
        file: u.build.file
            ? {
                path: u.build.file,
                read: (t) => buildFromKey(t, u.build.file ?? '', u.build.key ?? 'version').build,
            }
            : undefined,
        'version-file': {
            path: 'VERSION',
            read: (t) => buildFromVersionFile(t, 'VERSION').build,
        },
        'package-json': {
            path: 'package.json',
            read: (t) => buildFromPackageJson(t, 'package.json').build,
        },
    };
    if (u.build.source === 'tag')
        return [];
    if (u.build.source !== 'auto')
        return all[u.build.source] ? [all[u.build.source]] : [];
    return [all['plugin-config'], all.file, all['version-file'], all['package-json']].filter((c) => c !== undefined);
}
/** The build number at a commit from the files read there (path -> text, undefined when absent). */
function buildAt(files, config) {
    for (const c of buildCandidates(config)) {
        const text = files.get(c.path);
        if (text !== undefined)
            return { path: c.path, build: c.read(text) };
    }
    return undefined;
}
function releasePrVerdict(base, defaultBranch, config, baseFiles, headFiles) {
    const line = (0,config_patterns/* isReleaseLine */.Wc)(base, config.lines, defaultBranch);
    const hotfix = !line && isHotfixBranch(base, config.hotfix.branchPrefix);
    if (!line && !hotfix)
        return {
            release: false,
            reason: `the base branch ${base} is not a release line or a hotfix branch`,
        };
    const head = buildAt(headFiles, config);
    if (!head)
        return {
            release: false,
            reason: 'no build-number file at the head (with tag-based build numbers, release PRs cannot be recognised)',
        };
    const before = buildAt(baseFiles, config);
    if (before && before.path === head.path && before.build === head.build)
        return {
            release: false,
            reason: `the build number is unchanged (${head.build ?? 'unreadable'} in ${head.path})`,
        };
    return {
        release: true,
        build: head.build ?? '',
        previous: before?.build,
        file: head.path,
        hotfix,
    };
}
/** Whether `branch` is a hotfix branch: under the prefix, with a name after it. */
function isHotfixBranch(branch, prefix) {
    return prefix.length > 0 && branch.startsWith(prefix) && branch.length > prefix.length;
}

// EXTERNAL MODULE: ./src/markdown/bound.ts
var bound = __webpack_require__(3521);
// EXTERNAL MODULE: ./src/markdown/escape.ts
var markdown_escape = __webpack_require__(5330);
;// CONCATENATED MODULE: ./src/upgrade/job-report.ts



const CHECK_NAME = 'fixline / upgrade-safety';
function checkTitle(result) {
    const errors = result.findings.filter(waivers/* isFailing */.DI).length;
    const waived = result.findings.filter((f) => f.waived).length;
    const warnings = result.findings.length - errors - waived;
    const scope = `${result.releases.length} release(s) on ${result.lines.length} line(s)`;
    const also = waived ? `, ${waived} waived` : '';
    const unseen = (result.coverage ?? []).length;
    const incomplete = unseen ? `; incomplete: ${unseen} thing(s) not checked` : '';
    if (errors > 0)
        return `${errors} rule failure(s)${warnings ? `, ${warnings} warning(s)` : ''}${also} in ${scope}${incomplete}`;
    if (unseen)
        return `${scope}: no failure, but incomplete: ${unseen} thing(s) not checked`;
    return `${scope} pass${warnings ? ` with ${warnings} warning(s)` : ''}${also}`;
}
function waivedMessage(f) {
    const w = f.waived;
    return `waived (${w.key}: ${w.reason}${w.until ? `, until ${w.until}` : ''}): ${f.message}`;
}
/** One row per finding; one success row when there are none. */
function resultRows(result) {
    if (result.findings.length === 0)
        return [{ target: CHECK_NAME, status: 'success', message: checkTitle(result) }];
    return result.findings.map((f) => ({
        target: `${f.rule}${f.releases?.length ? ` (${f.releases.join(', ')})` : ''}`,
        status: (0,waivers/* isFailing */.DI)(f) ? 'failure' : 'success',
        message: f.waived
            ? waivedMessage(f)
            : f.severity === 'error'
                ? f.message
                : `warning: ${f.message}`,
        ...((0,waivers/* isFailing */.DI)(f) ? { error: f.message } : {}),
    }));
}
/** Annotations for findings that point at a file in the repository (not at a tag name). */
function annotations(findings, notFiles) {
    return findings
        .filter((f) => f.file !== undefined && f.file !== '' && !notFiles.has(f.file))
        .map((f) => ({
        path: f.file,
        startLine: f.line ?? 1,
        level: f.waived ? 'notice' : f.severity === 'error' ? 'failure' : 'warning',
        message: f.waived ? waivedMessage(f) : f.message,
        title: f.rule,
    }));
}
/** Discovery notes shown in the check run and the job summary. */
const MAX_NOTES = 50;
/**
 * The discovery notes (tags skipped, duplicates, layout) as a collapsed list: they name tags and
 * files of the repository, so each is escaped; the log has every note.
 */
function notesMarkdown(notes) {
    if (notes.length === 0)
        return '';
    const { shown, more } = (0,bound/* boundList */.H0)(notes, MAX_NOTES, ' notes (the log has them all)');
    const items = [...shown.map((n) => `- ${(0,markdown_escape/* prose */.CS)(n, 1_000)}`), ...(more ? [`- ${more}`] : [])];
    return `\n<details><summary>Discovery notes</summary>\n\n${items.join('\n')}\n\n</details>\n`;
}

;// CONCATENATED MODULE: ./src/upgrade/render/shared.ts
function shared_counts(result) {
    let allowed = 0;
    let losesFixes = 0;
    for (const u of result.upgrades) {
        if (u.allowed)
            allowed++;
        if (u.losesFixes)
            losesFixes++;
    }
    const open = result.findings.filter((f) => f.waived === undefined);
    return {
        errors: open.filter((f) => f.severity === 'error').length,
        warnings: open.filter((f) => f.severity === 'warning').length,
        waived: result.findings.length - open.length,
        releases: result.releases.length,
        lines: result.lines.length,
        upgrades: result.upgrades.length,
        allowed,
        blocked: result.upgrades.length - allowed,
        losesFixes,
    };
}
const shared_plural = (n, word) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** ", 2 waived" when findings are waived, else "". */
const shared_waivedNote = (c) => (c.waived > 0 ? `, ${c.waived} waived` : '');
/** "waived (error): <reason>, until 2027-01-31 (upgrade.waivers[0])" for a waived finding. */
function shared_waivedText(f) {
    const w = f.waived;
    if (!w)
        return '';
    return `waived (${f.severity}): ${w.reason}${w.until ? `, until ${w.until}` : ''} (${w.key})`;
}
/**
 * The order a maintainer acts in: what silently breaks users' data first (migration-order,
 * append-only, forward-ported, stranded users, lost fixes), then renamed or unconverted
 * migrations, then IDs, then build numbers and formats. Rules not listed (compatibility, waiver)
 * come last.
 */
const ACTION_ORDER = [
    'migration-order',
    'append-only',
    'forward-ported',
    'no-stranded-users',
    'fix-loss',
    'same-id-everywhere',
    'schema-needs-migration',
    'migration-id',
    'line-range',
    'build-monotonic',
    'build-unique',
    'build-format',
    'content-stable',
];
function actionRank(rule) {
    const i = ACTION_ORDER.indexOf(rule);
    return i < 0 ? ACTION_ORDER.length : i;
}
const KIND_RANK = { error: 0, warning: 1, waived: 2 };
function kindOf(f) {
    return f.waived !== undefined ? 'waived' : f.severity;
}
/** Findings grouped by kind (errors, then warnings, then waived) and rule (ACTION_ORDER). */
function shared_findingGroups(findings) {
    const groups = new Map();
    for (const f of findings) {
        const kind = kindOf(f);
        const key = `${kind}\u0000${f.rule}`;
        const g = groups.get(key);
        if (g)
            g.findings.push(f);
        else
            groups.set(key, { rule: f.rule, kind, findings: [f] });
    }
    return [...groups.values()].sort((a, b) => KIND_RANK[a.kind] - KIND_RANK[b.kind] ||
        actionRank(a.rule) - actionRank(b.rule) ||
        (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}
/** Every finding in the order the reports show them (findingGroups, flattened). */
function shared_inActionOrder(findings) {
    return shared_findingGroups(findings).flatMap((g) => g.findings);
}
/** Per rule with findings, in ACTION_ORDER: how many errors, warnings and waived findings. */
function shared_ruleSummary(findings) {
    const byRule = new Map();
    for (const f of findings) {
        let c = byRule.get(f.rule);
        if (!c)
            byRule.set(f.rule, (c = { rule: f.rule, errors: 0, warnings: 0, waived: 0 }));
        const kind = kindOf(f);
        if (kind === 'error')
            c.errors++;
        else if (kind === 'warning')
            c.warnings++;
        else
            c.waived++;
    }
    return [...byRule.values()].sort((a, b) => actionRank(a.rule) - actionRank(b.rule));
}
/**
 * The verdict: FAIL on an error; INCOMPLETE when nothing failed but something was not checked
 * (result.coverage), so a run that saw nothing never reads as a bare PASS; else PASS.
 */
function shared_verdict(result) {
    if (result.conclusion === 'failure')
        return 'FAIL';
    return (result.coverage ?? []).length > 0 ? 'INCOMPLETE' : 'PASS';
}
/** Lines in result order (oldest first) with their releases in result order; lines without releases kept. */
function shared_releasesByLine(result) {
    const groups = result.lines.map((line) => ({ line, releases: [] }));
    const byBranch = new Map(groups.map((g) => [g.line.branch, g]));
    for (const r of result.releases) {
        let g = byBranch.get(r.line);
        if (!g) {
            g = { line: { branch: r.line, version: undefined, isDefault: false, tip: '' }, releases: [] };
            byBranch.set(r.line, g);
            groups.push(g);
        }
        g.releases.push(r);
    }
    return groups;
}
function shared_rowKind(u) {
    if (!u.allowed)
        return 'blocked';
    return u.losesFixes ? 'loses-fixes' : 'allowed';
}
/**
 * The matrix rows to show, at most `max`: all of them in matrix order when they fit; otherwise the
 * upgrades that lose fixes, then the blocked ones, then allowed ones, each in matrix order.
 */
function shared_selectRows(upgrades, max) {
    if (upgrades.length <= max)
        return { rows: upgrades, hidden: 0 };
    const picked = new Set();
    for (const kind of ['loses-fixes', 'blocked', 'allowed']) {
        for (const u of upgrades) {
            if (picked.size >= max)
                break;
            if (shared_rowKind(u) === kind)
                picked.add(u);
        }
    }
    return { rows: upgrades.filter((u) => picked.has(u)), hidden: upgrades.length - picked.size };
}
function shared_location(file, line) {
    if (!file)
        return '';
    return line === undefined ? file : `${file}:${line}`;
}

;// CONCATENATED MODULE: ./src/upgrade/render/json.ts

function toJsonReport(result) {
    const { errors, warnings, releases, upgrades, allowed, losesFixes, waived } = counts(result);
    return {
        conclusion: result.conclusion,
        verdict: verdict(result),
        summary: {
            errors,
            warnings,
            releases,
            upgrades,
            allowed,
            losesFixes,
            waived,
            byRule: ruleSummary(result.findings),
        },
        coverage: (result.coverage ?? []).map((c) => ({ code: c.code, message: c.message })),
        findings: inActionOrder(result.findings).map((f) => ({
            rule: f.rule,
            severity: f.severity,
            message: f.message,
            ...(f.file === undefined ? {} : { file: f.file }),
            ...(f.line === undefined ? {} : { line: f.line }),
            ...(f.releases === undefined ? {} : { releases: f.releases }),
            ...(f.commits === undefined ? {} : { commits: f.commits.map((c) => ({ ...c })) }),
            ...(f.evidence === undefined ? {} : { evidence: { ...f.evidence } }),
            ...(f.waived === undefined ? {} : { waived: { ...f.waived } }),
        })),
        lines: result.lines.map((l) => ({ branch: l.branch, default: l.isDefault, tip: l.tip })),
        releases: result.releases.map((r) => ({
            name: r.name,
            line: r.line,
            tag: r.tag ?? null,
            commit: r.commit,
            build: r.build,
            candidate: r.candidate === true,
            migrations: r.migrations.map((m) => m.id),
        })),
        upgrades: result.upgrades.map((u) => ({
            from: u.from,
            to: u.to,
            allowed: u.allowed,
            reason: u.reason,
            ...(u.losesFixes ? { losesFixes: true } : {}),
            ...(u.compatibility ? { compatibility: { ...u.compatibility } } : {}),
        })),
    };
}
/** Indented for people up to this many upgrades; compact beyond (30 lines x 40 releases: 720k upgrades). */
const INDENT_LIMIT = 10_000;
function renderJson(result) {
    const indent = result.upgrades.length <= INDENT_LIMIT ? 2 : undefined;
    return `${JSON.stringify(toJsonReport(result), null, indent)}\n`;
}

;// CONCATENATED MODULE: ./src/upgrade/render/mermaid.ts


function shown(result, options) {
    const big = result.releases.length > 40;
    const perLine = options.maxReleasesPerLine ?? (big ? 6 : Infinity);
    const maxLines = options.maxLines ?? (big ? 8 : Infinity);
    const all = shared_releasesByLine(result);
    const lines = all.slice(Math.max(0, all.length - maxLines));
    const groups = lines.map((g) => ({
        branch: g.line.branch,
        isDefault: g.line.isDefault,
        releases: g.releases.slice(Math.max(0, g.releases.length - perLine)),
    }));
    const count = groups.reduce((n, g) => n + g.releases.length, 0);
    return { groups, omitted: result.releases.length - count };
}
/** For each shown release and other shown line: the first upgrade onto that line and the first allowed one. */
function crossEdges(result, lineOf, ids) {
    const firstAny = new Map();
    const firstAllowed = new Map();
    for (const u of result.upgrades) {
        if (!ids.has(u.from) || !ids.has(u.to))
            continue;
        const lf = lineOf.get(u.from);
        const lt = lineOf.get(u.to);
        if (lf === lt)
            continue;
        const key = `${u.from}\u0000${lt}`;
        if (!firstAny.has(key))
            firstAny.set(key, u);
        if (u.allowed && !firstAllowed.has(key))
            firstAllowed.set(key, u);
    }
    const edges = [];
    for (const [key, u] of firstAny) {
        const allowed = firstAllowed.get(key);
        if (!u.allowed)
            edges.push(u);
        if (allowed)
            edges.push(allowed);
    }
    return edges;
}
function renderMermaid(result, options = {}) {
    const { groups, omitted } = shown(result, options);
    const out = ['flowchart LR'];
    if (omitted > 0)
        out.push(`  %% ${omitted} older releases not shown`);
    const ids = new Map();
    const lineOf = new Map();
    const lossy = [];
    let edgeCount = 0;
    groups.forEach((g, li) => {
        out.push(`  subgraph line${li}["${(0,markdown_escape/* mermaidLabel */._b)(g.branch)}${g.isDefault ? ' (default)' : ''}"]`);
        g.releases.forEach((r, ri) => {
            const id = `l${li}r${ri}`;
            ids.set(r.name, id);
            lineOf.set(r.name, g.branch);
            const build = r.build === r.name || r.build === '' ? '' : `<br/>build ${(0,markdown_escape/* mermaidLabel */._b)(r.build)}`;
            out.push(`    ${id}["${(0,markdown_escape/* mermaidLabel */._b)(r.name)}${build}"]${r.candidate ? ':::candidate' : ''}`);
        });
        for (let ri = 1; ri < g.releases.length; ri++) {
            out.push(`    l${li}r${ri - 1} --> l${li}r${ri}`);
            edgeCount++;
        }
        out.push('  end');
    });
    for (const u of crossEdges(result, lineOf, ids)) {
        const from = ids.get(u.from);
        const to = ids.get(u.to);
        if (!u.allowed)
            out.push(`  ${from} -.-x|${(0,markdown_escape/* mermaidEdgeLabel */.Hz)(u.reason)}| ${to}`);
        else if (u.losesFixes) {
            out.push(`  ${from} -.->|loses fixes| ${to}`);
            lossy.push(edgeCount);
        }
        else
            out.push(`  ${from} -.-> ${to}`);
        edgeCount++;
    }
    if (lossy.length > 0)
        out.push(`  linkStyle ${lossy.join(',')} stroke:#d1242f,stroke-width:2px`);
    out.push('  classDef candidate stroke-dasharray: 5 5');
    return `${out.join('\n')}\n`;
}

;// CONCATENATED MODULE: ./src/upgrade/render/markdown.ts
/**
 * Markdown for the job summary and the check run: verdict, what was not checked (a warning block),
 * a per-rule summary, the findings (errors first, by ACTION_ORDER, each rule's list bounded), the
 * upgrade matrix (from -> to: allowed / blocked and why / loses fixes) and a Mermaid graph of lines
 * and releases. Kept under `maxChars` (default 60,000: a check run's summary holds 65,535) by
 * showing fewer rows.
 * Tags, branch names, migration IDs and file paths come from repositories: they go through
 * markdown/escape.ts.
 */




const RESULT = {
    allowed: '✅ allowed',
    blocked: '⛔ blocked',
    'loses-fixes': '⚠️ loses fixes',
};
/** The longest finding message or reason shown in a cell (the JSON output has them whole). */
const MESSAGE_MAX = 1_000;
function findingRow(f) {
    const sev = f.severity === 'error' ? '❌ error' : '⚠️ warning';
    // A waived finding still shows, with the waiver's reason (config text: escaped like the message).
    const cell = f.waived ? `🔕 waived ${f.severity}` : sev;
    const waived = f.waived ? ` — ${(0,markdown_escape/* proseCell */.qy)(shared_waivedText(f), 500)}` : '';
    return `| ${cell} | ${(0,markdown_escape/* codeSpan */.SS)(f.rule)} | ${(0,markdown_escape/* proseCell */.qy)(f.message, MESSAGE_MAX)}${waived} | ${(0,markdown_escape/* codeSpan */.SS)(shared_location(f.file, f.line))} |`;
}
/** One table: errors, then warnings, then waived; per rule in ACTION_ORDER, at most `max` rows each. */
function findingsTable(findings, max) {
    if (findings.length === 0)
        return ['No findings: every rule passed.'];
    const out = ['| Severity | Rule | Message | Where |', '| --- | --- | --- | --- |'];
    let hidden = 0;
    for (const g of shared_findingGroups(findings)) {
        const word = g.kind === 'waived' ? 'waived findings' : `${g.kind}s`;
        const { shown, more } = (0,bound/* boundList */.H0)(g.findings, max, ` ${g.rule} ${word}`);
        for (const f of shown)
            out.push(findingRow(f));
        if (more)
            out.push(`| | ${(0,markdown_escape/* codeSpan */.SS)(g.rule)} | ${more} | |`);
        hidden += g.findings.length - shown.length;
    }
    if (hidden > 0)
        out.push('', `${shared_plural(hidden, 'finding')} not shown: the JSON output lists every one.`);
    return out;
}
/** Rules with findings, in the order to act on them. */
function summaryTable(findings) {
    const rows = shared_ruleSummary(findings);
    if (rows.length === 0)
        return [];
    const waived = rows.some((r) => r.waived > 0);
    const out = waived
        ? ['| Rule | Errors | Warnings | Waived |', '| --- | --- | --- | --- |']
        : ['| Rule | Errors | Warnings |', '| --- | --- | --- |'];
    for (const r of rows)
        out.push(`| ${(0,markdown_escape/* codeSpan */.SS)(r.rule)} | ${r.errors} | ${r.warnings} |${waived ? ` ${r.waived} |` : ''}`);
    return out;
}
/** What was not checked, as a GitHub warning block right under the verdict. */
function coverageBlock(result) {
    const coverage = result.coverage ?? [];
    if (coverage.length === 0)
        return [];
    return [
        '> [!WARNING]',
        `> **Not checked.** ${coverage.length === 1 ? 'One thing' : `${coverage.length} things`} the check could not see:`,
        ...coverage.map((c) => `> - ${(0,markdown_escape/* prose */.CS)(c.message, MESSAGE_MAX)}`),
        '',
    ];
}
const TITLE = {
    PASS: ['✅', 'passed'],
    FAIL: ['❌', 'failed'],
    INCOMPLETE: ['⚠️', 'passed, but incomplete'],
};
function matrixTable(result, max) {
    if (result.upgrades.length === 0)
        return ['No upgrades between releases with valid build numbers.'];
    const { rows, hidden } = shared_selectRows(result.upgrades, max);
    const out = ['| From | To | Result | Why |', '| --- | --- | --- | --- |'];
    for (const u of rows) {
        const kind = shared_rowKind(u);
        out.push(`| ${(0,markdown_escape/* inline */.mG)(u.from, 200)} | ${(0,markdown_escape/* inline */.mG)(u.to, 200)} | ${RESULT[kind]} | ${kind === 'allowed' ? '' : (0,markdown_escape/* proseCell */.qy)(u.reason, MESSAGE_MAX)} |`);
    }
    out.push('');
    if (hidden > 0)
        out.push(`… ${hidden} more upgrades not shown; losing and blocked ones first (see the JSON output for all).`);
    out.push('Only upgrades to a higher build are listed: the engine always blocks downgrades and equal builds.');
    return out;
}
function render(result, level, findings, rows, graph) {
    const c = shared_counts(result);
    const h = '#'.repeat(level);
    const [icon, word] = TITLE[shared_verdict(result)];
    const summary = summaryTable(result.findings);
    const parts = [
        `${h} ${icon} fixline / upgrade-safety: ${word}`,
        '',
        `**${shared_plural(c.errors, 'error')}**, ${shared_plural(c.warnings, 'warning')}${shared_waivedNote(c)} · ${shared_plural(c.releases, 'release')} on ${shared_plural(c.lines, 'line')} · ` +
            `${shared_plural(c.upgrades, 'upgrade')} checked: ${c.allowed} allowed, ${c.blocked} blocked, ${c.losesFixes} losing fixes`,
        '',
        ...coverageBlock(result),
        ...(summary.length > 0 ? [`${h}# Findings by rule`, '', ...summary, ''] : []),
        `${h}# Findings`,
        '',
        ...findingsTable(result.findings, findings),
        '',
        `${h}# Upgrade matrix`,
        '',
        ...matrixTable(result, rows),
    ];
    if (graph)
        parts.push('', `${h}# Lines and releases`, '', (0,markdown_escape/* fenced */.OF)(renderMermaid(result), 'mermaid'));
    return `${parts.join('\n')}\n`;
}
function renderMarkdown(result, options = {}) {
    const max = options.maxChars ?? 60_000;
    const level = options.level ?? 2;
    const attempts = [
        [25, 150, true],
        [10, 50, true],
        [5, 20, false],
        [2, 5, false],
    ];
    let text = '';
    for (const [findings, rows, graph] of attempts) {
        text = render(result, level, findings, rows, graph);
        if (text.length <= max)
            return text;
    }
    return (0,bound/* fitBody */.KM)(text, max, '… (cut to fit; see the JSON output)');
}

;// CONCATENATED MODULE: ./src/upgrade/render/text.ts
/**
 * Terminal output: the verdict, what was not checked, a per-rule summary, lines and releases, the
 * findings (errors first, by ACTION_ORDER; each rule's list bounded) and the upgrade matrix
 * (capped). `--format json` has every finding and every row.
 */


/** Releases listed per line at most. */
const RELEASES_PER_LINE = 40;
const LABEL = { allowed: 'allowed', blocked: 'BLOCKED', 'loses-fixes': 'LOSES FIXES' };
function pad(s, n) {
    return s.length >= n ? s : s + ' '.repeat(n - s.length);
}
function linesSection(result) {
    const out = ['Lines (oldest first)'];
    const groups = releasesByLine(result);
    const width = Math.max(...groups.map((g) => g.line.branch.length + (g.line.isDefault ? 10 : 0)), 4);
    for (const { line, releases } of groups) {
        const name = `${line.branch}${line.isDefault ? ' (default)' : ''}`;
        const { shown, more } = boundList(releases.slice().reverse(), RELEASES_PER_LINE, ' older');
        const list = shown
            .reverse()
            .map((r) => `${r.name}${r.build === r.name ? '' : ` [${r.build || 'no build'}]`}${r.candidate ? ' (candidate)' : ''}`);
        if (more)
            list.unshift(more);
        out.push(`  ${pad(name, width)}  ${list.length > 0 ? list.join(', ') : '(no releases)'}`);
    }
    return out;
}
const HEADING = {
    error: 'Errors',
    warning: 'Warnings',
    waived: 'Waived',
};
/** Errors, then warnings, then waived findings; per rule in ACTION_ORDER, each list bounded. */
function findingsSection(result, maxPerRule) {
    if (result.findings.length === 0)
        return ['Findings: none'];
    const out = [];
    let kind;
    for (const g of findingGroups(result.findings)) {
        if (g.kind !== kind) {
            if (kind)
                out.push('');
            out.push(HEADING[g.kind]);
            kind = g.kind;
        }
        const word = g.kind === 'waived' ? 'waived finding' : g.kind;
        out.push(`  ${g.rule} (${plural(g.findings.length, word)})`);
        const { shown, more } = boundList(g.findings, maxPerRule, ` ${g.rule} ${g.kind === 'waived' ? 'waived findings' : `${g.kind}s`} (--format json lists every finding)`);
        for (const f of shown) {
            out.push(`    - ${f.message}`);
            if (f.waived)
                out.push(`      ${waivedText(f)}`);
            const where = location(f.file, f.line);
            if (where)
                out.push(`      at ${where}`);
        }
        if (more)
            out.push(`    ${more}`);
    }
    return out;
}
/** Rules with findings, in ACTION_ORDER, with their counts. */
function summarySection(result) {
    const rows = ruleSummary(result.findings);
    if (rows.length === 0)
        return [];
    const width = Math.max(...rows.map((r) => r.rule.length));
    const out = ['By rule (in the order to act on them)'];
    for (const r of rows) {
        const parts = [
            r.errors > 0 ? plural(r.errors, 'error') : '',
            r.warnings > 0 ? plural(r.warnings, 'warning') : '',
            r.waived > 0 ? `${r.waived} waived` : '',
        ].filter(Boolean);
        out.push(`  ${pad(r.rule, width)}  ${parts.join(', ')}`);
    }
    return out;
}
/** What was not checked (result.coverage): right under the verdict. */
function coverageSection(result) {
    const coverage = result.coverage ?? [];
    if (coverage.length === 0)
        return [];
    return ['Not checked', ...coverage.map((c) => `  ! ${c.message}`)];
}
function matrixSection(result, maxRows) {
    const out = ['Upgrade matrix (to a higher build; downgrades and equal builds are always blocked)'];
    if (result.upgrades.length === 0)
        return [...out, '  (no upgrades)'];
    const { rows, hidden } = selectRows(result.upgrades, maxRows);
    const width = Math.max(...rows.map((u) => u.from.length + u.to.length + 4));
    for (const u of rows) {
        const kind = rowKind(u);
        const why = kind === 'allowed' ? '' : `  ${u.reason}`;
        out.push(`  ${pad(`${u.from} -> ${u.to}`, width)}  ${LABEL[kind]}${why}`);
    }
    if (hidden > 0)
        out.push(`  ... ${hidden} more upgrades not shown (--format json lists every upgrade)`);
    return out;
}
function renderText(result, options = {}) {
    const c = counts(result);
    const head = `fixline upgrade-safety: ${verdict(result)} ` +
        `(${plural(c.errors, 'error')}, ${plural(c.warnings, 'warning')}${waivedNote(c)}; ${plural(c.releases, 'release')} on ${plural(c.lines, 'line')}; ` +
        `${plural(c.upgrades, 'upgrade')}: ${c.allowed} allowed, ${c.blocked} blocked, ${c.losesFixes} losing fixes)`;
    const sections = [
        [head],
        coverageSection(result),
        summarySection(result),
        linesSection(result),
        findingsSection(result, options.maxPerRule ?? 20),
        matrixSection(result, options.maxRows ?? 200),
    ].filter((section) => section.length > 0);
    return `${sections.map((s) => s.join('\n')).join('\n\n')}\n`;
}

;// CONCATENATED MODULE: ./src/upgrade/render/index.ts





;// CONCATENATED MODULE: ./src/upgrade/job.ts

/**
 * The upgrade-safety job: on a release PR (a PR into a line branch or a hotfix branch that changes
 * the build number) or a published release, discover the model from the repository, run the rules,
 * and post a check run `fixline / upgrade-safety` (or a commit status of that name when check runs
 * are forbidden).
 */










const JOB = 'upgrade';
async function runUpgradeJob(deps, trigger) {
    // Decide first: most pull_request events are not release PRs and must not pay for a full fetch.
    const target = await resolveTarget(deps, trigger);
    if ('skip' in target) {
        deps.log.info(`upgrade safety: skipped: ${target.skip}`);
        return (0,jobs/* skipped */.h)(JOB, target.skip);
    }
    const check = await checkRepository(deps.git, deps.config, {
        prefer: 'remote',
        ...(defaultBranch(deps) ? { defaultBranch: defaultBranch(deps) } : {}),
        ...(target.candidate ? { candidate: target.candidate } : {}),
    });
    const { result, discovery } = check;
    deps.log.info(`upgrade safety: ${result.releases.length} release(s) on ${result.lines.length} line(s), ${result.findings.length} finding(s), conclusion ${result.conclusion}`);
    for (const note of discovery.notes)
        deps.log.info(`note: ${note}`);
    for (const c of result.coverage ?? [])
        deps.log.warning(`not checked: ${c.message}`);
    for (const f of result.findings) {
        const where = f.file
            ? { title: f.rule, file: f.file, ...(f.line ? { startLine: f.line } : {}) }
            : { title: f.rule };
        if (f.waived)
            deps.log.info(`waived ${f.rule} (${f.waived.reason}): ${f.message}`);
        else if (f.severity === 'error')
            deps.log.error(f.message, where);
        else
            deps.log.warning(f.message, where);
    }
    const markdown = renderMarkdown(result) + notesMarkdown(discovery.notes);
    let posted = '';
    if (deps.dryRun)
        posted = '\n_Dry run: no check run posted._\n';
    else if (target.sha) {
        const tags = new Set(result.releases.map((r) => r.tag).filter((t) => t !== undefined));
        const published = await (0,checks/* publishCheck */.kr)(deps.github, {
            owner: deps.ctx.owner,
            repo: deps.ctx.repo,
            sha: target.sha,
            name: CHECK_NAME,
            conclusion: result.conclusion,
            title: checkTitle(result),
            summary: markdown,
            annotations: annotations(result.findings, tags),
            detailsUrl: `${deps.ctx.serverUrl}/${deps.ctx.owner}/${deps.ctx.repo}/actions/runs/${deps.ctx.runId}`,
            botLogin: deps.botLogin,
        });
        posted = `\n${describePublished(published, target.sha)}\n`;
        deps.log.info(describePublished(published, target.sha));
    }
    return {
        job: JOB,
        results: resultRows(result),
        createdPullRequests: [],
        conclusion: result.conclusion,
        summary: markdown + posted,
    };
}
/**
 * Tags and every branch, with full history. The checkout is usually shallow (fetch-depth 1), and
 * the check needs ancestry back to where each line branched (years, possibly) and the patches of
 * the commits between releases, so a bounded depth cannot be known in advance: a shallow clone is
 * unshallowed once; a full clone only fetches what is new.
 */
async function fetchHistory(deps, extraRefspecs = []) {
    const shallow = await isShallow(deps.git);
    await deps.git.run([
        'fetch',
        '--quiet',
        '--no-tags',
        ...(shallow ? ['--unshallow'] : []),
        'origin',
        '+refs/heads/*:refs/remotes/origin/*',
        '+refs/tags/*:refs/tags/*',
        ...extraRefspecs,
    ]);
}
async function isShallow(git) {
    return (await git.text(['rev-parse', '--is-shallow-repository'])) === 'true';
}
async function resolveTarget(deps, trigger) {
    switch (trigger.type) {
        case 'release-pr':
            return releasePrTarget(deps, trigger);
        case 'release': {
            const patterns = compileTagPatterns(deps.config.upgrade.tags);
            if (!(0,refs/* isPlausibleRefName */.qf)(trigger.tag) || buildFromTag(trigger.tag, patterns) === undefined)
                return {
                    skip: `tag "${(0,refs/* printable */.g$)(trigger.tag)}" does not match the release tag patterns (${deps.config.upgrade.tags.join(', ')})`,
                };
            await fetchHistory(deps);
            return { sha: trigger.sha ?? (await commitOf(deps.git, `refs/tags/${trigger.tag}`)) };
        }
        case 'dispatch':
            if (!(0,refs/* isPlausibleRefName */.qf)(trigger.ref) && trigger.ref !== 'HEAD')
                return { skip: `"${(0,refs/* printable */.g$)(trigger.ref)}" is not a valid ref` };
            await fetchHistory(deps);
            return { sha: undefined };
    }
}
async function releasePrTarget(deps, t) {
    if (!/^[0-9a-f]{40,64}$/.test(t.headSha) || !/^[0-9a-f]{40,64}$/.test(t.baseSha))
        return { skip: 'the pull request payload has no valid head/base commit' };
    const prRef = `+refs/pull/${t.pr}/head:refs/remotes/origin/fixline-pr-${t.pr}`;
    await ensureCommit(deps.git, t.headSha, prRef);
    await ensureCommit(deps.git, t.baseSha, t.baseSha);
    const paths = buildCandidates(deps.config).map((c) => c.path);
    const specs = [t.baseSha, t.headSha].flatMap((sha) => paths.map((p) => `${sha}:${p}`));
    const read = await readObjects(deps.git, specs);
    const at = (sha) => new Map(paths.map((p) => [p, read.get(`${sha}:${p}`)]));
    const verdict = releasePrVerdict(t.base, defaultBranch(deps), deps.config, at(t.baseSha), at(t.headSha));
    if (!verdict.release)
        return { skip: `PR #${t.pr} is not a release PR: ${verdict.reason}` };
    await fetchHistory(deps, [prRef]);
    // Into a hotfix branch: a release of the line the hotfix was cut from (discovery finds it).
    deps.log.info(`PR #${t.pr} is a release PR: ${verdict.file} ${verdict.previous ?? '(none)'} -> ${verdict.build}; checking it as a release of ${verdict.hotfix ? `the line hotfix branch ${t.base} was cut from` : t.base}`);
    const name = `PR #${t.pr}`;
    return {
        sha: t.headSha,
        candidate: verdict.hotfix
            ? { commit: t.headSha, name, ...(verdict.build ? { build: verdict.build } : {}) }
            : { commit: t.headSha, line: t.base, name },
    };
}
/**
 * Fetches `refspec` when `sha` is not in the repository yet (a fork's PR head is not under
 * refs/heads). Only that commit in a shallow checkout: deciding whether the PR is a release PR
 * reads two files, and a full checkout must not become shallow.
 */
async function ensureCommit(git, sha, refspec) {
    const has = await git.run(['cat-file', '-e', `${sha}^{commit}`], { okCodes: [0, 1, 128] });
    if (has.exitCode === 0)
        return;
    const depth = (await isShallow(git)) ? ['--depth=1'] : [];
    await git.run(['fetch', '--quiet', '--no-tags', ...depth, 'origin', refspec]);
}
async function commitOf(git, ref) {
    try {
        return await git.text(['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]);
    }
    catch (error) {
        if (error instanceof errors/* GitError */.X)
            throw new Error(`${ref} is not in the repository after fetching tags`, { cause: error });
        throw error;
    }
}
function defaultBranch(deps) {
    return (0,payload/* payloadDefaultBranch */.yJ)(deps.ctx.payload);
}
function describePublished(p, sha) {
    return p.kind === 'check-run'
        ? `Posted check run "${CHECK_NAME}" on ${sha.slice(0, 7)} with ${p.annotations} annotation(s).`
        : `Check runs are not permitted for this token: posted the commit status "${CHECK_NAME}" (${p.state}) on ${sha.slice(0, 7)}.`;
}


/***/ })

};
