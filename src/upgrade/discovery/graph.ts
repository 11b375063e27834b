/** The commit graph lives in src/git/graph.ts (shared with hotfix merge-back); re-exported for discovery. */
export { CommitGraph, GRAPH_FORMAT } from '../../git/graph.js'
