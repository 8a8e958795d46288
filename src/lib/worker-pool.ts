import { Worker } from 'node:worker_threads';

/** One worker of a pool, and how many of its questions wait for an answer. */
export interface PoolWorker {
  readonly inFlight: number;
}

/** Worker threads asked questions by id, each answered once (or failed, naming why). */
export interface WorkerPool<Question extends object, Answer extends { id: number }> {
  /** The worker with the fewest questions in hand. */
  leastBusy(): PoolWorker;
  /** Asks one worker; rejects with the worker's error when it fails or dies. */
  ask(worker: PoolWorker, question: Question): Promise<Answer>;
  /** Asks every worker the same question. */
  askEach(question: Question): Promise<Answer[]>;
  /** Why the pool cannot answer any more (a worker died), if it cannot. */
  failure(): Error | undefined;
  terminate(): Promise<void>;
}

export interface WorkerPoolOptions<Answer> {
  count: number;
  /** The error an answer reports, if it is one (`undefined` for an answer). */
  errorOf: (answer: Answer) => string | undefined;
  /** Whether a message is the worker's "ready" (then the pool waits for each before it resolves). */
  isReady?: (message: unknown) => boolean;
  /** What a worker that dies is called in errors, e.g. "A prerender worker". */
  name?: string;
}

interface Slot extends PoolWorker {
  worker: Worker;
  pending: Map<number, { resolve: (answer: never) => void; reject: (error: Error) => void }>;
}

/**
 * Starts `count` workers from `file`, each given `workerData`; with `isReady`, waits until each has
 * said it is ready, and if one cannot, stops the others and rejects with its reason. A worker that
 * fails later fails the questions it has in hand, and every question after: nothing is silently
 * dropped.
 */
export async function startWorkerPool<Question extends object, Answer extends { id: number }>(
  file: string,
  workerData: unknown,
  { count, errorOf, isReady, name = 'A worker' }: WorkerPoolOptions<Answer>,
): Promise<WorkerPool<Question, Answer>> {
  let nextId = 0;
  let failure: Error | undefined;
  const slots: Slot[] = [];
  const ready = Array.from({ length: count }, () => {
    const slot: Slot = {
      worker: new Worker(file, { workerData }),
      pending: new Map(),
      get inFlight() {
        return this.pending.size;
      },
    };
    slots.push(slot);
    const fail = (error: Error) => {
      failure ??= error;
      for (const { reject } of slot.pending.values()) reject(error);
      slot.pending.clear();
    };
    slot.worker.on('error', fail);
    slot.worker.on('exit', (code) => {
      if (code !== 0) fail(new Error(`${name} stopped with exit code ${code}`));
    });
    return new Promise<void>((resolve, reject) => {
      if (!isReady) resolve();
      slot.worker.once('error', reject);
      // A worker that stops before it is ready (its bundle could not be loaded) must not leave its caller waiting.
      slot.worker.once('exit', (code) => reject(new Error(`${name} stopped with exit code ${code} before it was ready`)));
      slot.worker.on('message', (message: Answer) => {
        if (isReady?.(message)) return resolve();
        const waiting = slot.pending.get(message.id);
        slot.pending.delete(message.id);
        const error = errorOf(message);
        if (error !== undefined) waiting?.reject(new Error(error));
        else waiting?.resolve(message as never);
      });
    });
  });
  try {
    await Promise.all(ready);
  } catch (error) {
    // Live workers would keep the process from ending after the failure.
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
    throw error;
  }

  const ask = (worker: PoolWorker, question: Question): Promise<Answer> => {
    if (failure) return Promise.reject(failure);
    const slot = worker as Slot;
    const id = nextId++;
    return new Promise<Answer>((resolve, reject) => {
      slot.pending.set(id, { resolve: resolve as (answer: never) => void, reject });
      slot.worker.postMessage({ ...question, id });
    });
  };
  return {
    leastBusy: () => slots.reduce((best, each) => (each.inFlight < best.inFlight ? each : best)),
    ask,
    askEach: (question) => Promise.all(slots.map((slot) => ask(slot, question))),
    failure: () => failure,
    terminate: async () => {
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
