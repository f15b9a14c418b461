/*
 * Build worker: a child process started by the publisher (runner.ts) for each build. It receives
 * one `WorkerJob` over IPC, reports progress, then its result or error, and exits. Running builds
 * in a child keeps Eleventy's `process.chdir`, memory and any crash away from the server, and lets
 * a shutdown cancel a build by ending the process.
 */
import { describeFailure, runBuildJob, type WorkerJob, type WorkerMessage } from './build-job.ts'

const send = (message: WorkerMessage): Promise<void> =>
  new Promise((resolve) => {
    if (!process.send) return resolve()
    process.send(message, undefined, {}, () => resolve())
  })

if (!process.send) {
  console.error('build-worker.ts is started by the publisher (npm start), not directly')
  process.exit(2)
}

// Ctrl-C in a terminal signals the whole process group: the publisher decides when a build stops
// (it waits for it or sends SIGTERM). If the publisher dies, stop too.
process.on('SIGINT', () => {})
process.on('disconnect', () => process.exit(1))

process.once('message', async (job: WorkerJob) => {
  try {
    const result = await runBuildJob(job, (message) => void send(message))
    await send({ type: 'result', result })
    process.exit(0)
  } catch (error) {
    await send(describeFailure(error))
    process.exit(1)
  }
})
