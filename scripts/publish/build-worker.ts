/*
 * Build worker: a child process started by the publisher (runner.ts). It receives jobs (`AnyJob`) over
 * IPC, one at a time, and for each reports progress, then its result or error. It stays up between
 * builds (the next one starts with everything loaded) until the publisher disconnects; after a
 * failed build it exits, so the next build starts fresh. Running builds in a child keeps Eleventy's
 * `process.chdir`, memory and any crash away from the server, and lets a shutdown cancel a build by
 * ending the process.
 */
import { type AnyJob, answerJob, finishLastBuild } from './build-job.ts'

if (!process.send) {
  console.error('build-worker.ts is started by the publisher (npm start), not directly')
  process.exit(2)
}

// Ctrl-C in a terminal signals the whole process group: the publisher decides when a build stops
// (it waits for it or sends SIGTERM). If the publisher dies, stop too. The publisher lets an idle
// process go, or one that answered its last build: what that build left is finished first (its
// manifest is what the next process starts from).
process.on('SIGINT', () => {})
process.on('disconnect', () => {
  finishLastBuild()
  process.exit(1)
})

process.on('message', (job: AnyJob) => void answerJob(job))
