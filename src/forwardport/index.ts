/** Forward-ports: the job (main.ts loads it) and the entry point other jobs call (the dashboard). */
export { runForwardPortJob, runForwardPortTargets } from './job.js'
