export {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type RecordedCall,
} from './server.js'
export { FakeGitHubState, type AddIssue, type AddPullRequest, type AddRelease } from './state.js'
export type * from './records.js'
export { fakeSha } from './ids.js'
