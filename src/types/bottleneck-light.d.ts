// The light build of bottleneck (the one @octokit/plugin-throttling uses) has the full build's API
// without clustering, and ships no declaration of its own.
declare module 'bottleneck/light.js' {
  import Bottleneck from 'bottleneck'
  export default Bottleneck
}
