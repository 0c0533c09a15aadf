/**
 * The messages between the main thread and the embedded store's thread (pgliteThread.ts ↔
 * pgliteWorker.ts). Every request has an id; its reply has the same id. `tx` says whether the
 * statement belongs to the open transaction (else it runs on its own, as PGlite's `query` does).
 */
export interface ThreadStart {
  readonly path: string;
  readonly startParams: readonly string[];
  /** COPY through PGlite's /dev/blob instead of plan12b's device (PLAN12B_PGLITE_COPY=blob) */
  readonly blobCopy: boolean;
}

export type ThreadRequest =
  | {
      readonly id: number;
      readonly op: 'query';
      readonly tx: boolean;
      readonly sql: string;
      readonly params: readonly unknown[];
    }
  | { readonly id: number; readonly op: 'exec'; readonly tx: boolean; readonly sql: string }
  | {
      readonly id: number;
      readonly op: 'copyFrom';
      readonly tx: boolean;
      /** `COPY table (columns) FROM $FILE` */
      readonly statement: string;
      readonly bytes: Uint8Array;
    }
  | { readonly id: number; readonly op: 'copyTo'; readonly tx: boolean; readonly sql: string }
  /** BEGIN; the reply to `id` says it has begun, the reply to `endId` how it ended */
  | { readonly id: number; readonly op: 'begin'; readonly endId: number }
  /** COMMIT (commit) or ROLLBACK the open transaction (no reply of its own: see `begin`) */
  | { readonly id: number; readonly op: 'end'; readonly commit: boolean }
  | { readonly id: number; readonly op: 'close' };

export type ThreadReply =
  | {
      readonly id: number;
      readonly ok: true;
      readonly rows?: unknown[];
      readonly affectedRows?: number;
      readonly pages?: Uint8Array[];
    }
  | { readonly id: number; readonly ok: false; readonly error: Record<string, unknown> };
