export {
  startFakeGitHub,
  type FakeGitHub,
  type FakeGitHubOptions,
  type RecordedCall,
} from './server.js'
export {
  FakeGitHubState,
  type AddDeployment,
  type AddDeploymentStatus,
  type AddIssue,
  type AddPullRequest,
  type AddRelease,
} from './state.js'
export type { DeploymentFilter } from './deployments.js'
export type * from './records.js'
export { Faults, type Fault, type FaultCall, type FaultKind, type InjectedFault } from './faults.js'
export { fakeSha } from './ids.js'
