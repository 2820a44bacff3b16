// The page's end of the protocol: takes a game Worker (worker-start.ts), turns requests into
// promises matched by id, and hands frames and problems to the element. The
// Worker is a module worker served beside the player script ('self' origin).

import type { GameInput } from '../../../runtime/game-api.js';
import type { ErrorView, FrameMessage, FromWorker, Requests, RequestKind, ToWorker } from '../protocol.js';
import { takeWorker } from './worker-start.js';

/** A failure that came back from the worker, with its CairnError code. */
export class GameError extends Error {
  constructor(readonly code: string, message: string, readonly view?: ErrorView) {
    super(message);
    this.name = 'CairnError';
  }
}

/** Talks to one game Worker. */
export class WorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor(
    private readonly onFrame: (frame: FrameMessage) => void,
    private readonly onProblem: (error: ErrorView) => void,
  ) {
    const { worker, failure } = takeWorker();
    this.worker = worker;
    this.worker.addEventListener('message', (e: MessageEvent<FromWorker>) => this.receive(e.data));
    this.worker.addEventListener('error', (e) => {
      e.preventDefault();
      this.onProblem({ code: 'WORKER', message: e.message || 'the game worker failed to start' });
    });
    // A worker started early may have failed before this listened.
    if (failure !== null) queueMicrotask(() => this.onProblem({ code: 'WORKER', message: failure }));
  }

  /** Sends a request; resolves with its result or rejects with a GameError. */
  request<K extends RequestKind>(kind: K, args: Requests[K]['args'], transfer: Transferable[] = []): Promise<Requests[K]['result']> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.post({ type: 'request', id, kind, args }, transfer);
    });
  }

  /** Queues an input for the game. */
  input(input: GameInput): void {
    this.post({ type: 'input', input });
  }

  /** Starts or stops game time. */
  run(running: boolean): void {
    this.post({ type: 'run', running });
  }

  /** Ends the worker; pending requests fail. */
  terminate(): void {
    this.worker.terminate();
    for (const p of this.pending.values()) p.reject(new GameError('CLOSED', 'the player was closed'));
    this.pending.clear();
  }

  private post(message: ToWorker, transfer: Transferable[] = []): void {
    this.worker.postMessage(message, transfer);
  }

  private receive(message: FromWorker): void {
    switch (message.type) {
      case 'frame':
        this.onFrame(message);
        break;
      case 'problem':
        this.onProblem(message.error);
        break;
      case 'reply': {
        const p = this.pending.get(message.id);
        if (p === undefined) return;
        this.pending.delete(message.id);
        if (message.ok) p.resolve(message.result);
        else p.reject(new GameError(message.error.code, message.error.message, message.error));
        break;
      }
    }
  }
}
