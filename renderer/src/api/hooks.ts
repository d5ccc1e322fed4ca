import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { BridgeEvent } from '../../../shared/bridge-api.js';
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract.js';
import type { ApiError } from './api-error.js';
import { call } from './client.js';
import { subscribeEvents } from './events.js';

/**
 * React bindings of the contract. Queries are keyed by [method, input]; any mutation, and any engine
 * event that changes state (a run finished, an alert), refetches what is on screen.
 */

export function useApi<M extends MethodName>(
  method: M,
  input: MethodInput<M>,
  options: Omit<UseQueryOptions<MethodOutput<M>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<MethodOutput<M>, ApiError>({
    queryKey: [method, input],
    queryFn: () => call(method, input),
    ...options,
  });
}

export function useApiMutation<M extends MethodName>(method: M, options: { onSuccess?: (value: MethodOutput<M>) => void } = {}) {
  const client = useQueryClient();
  return useMutation<MethodOutput<M>, ApiError, MethodInput<M>>({
    mutationFn: (input) => call(method, input),
    onSuccess: async (value) => {
      await client.invalidateQueries();
      options.onSuccess?.(value);
    },
  });
}

/** Refetch the screen when the engine reports that something changed. Mounted once, in the app. */
export function useLiveRefresh(): void {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    return subscribeEvents((event) => {
      if (event.type === 'run.progress') return;
      // Coalesce bursts (a run finishing raises several events) into one refetch.
      if (timer) return;
      timer = setTimeout(() => {
        timer = null;
        void client.invalidateQueries();
      }, 250);
    });
  }, [client]);
}

/** Progress of a running run: `done` of `total` items (total unknown while a download pages). */
export interface RunProgress {
  service: string;
  targetId: number;
  done: number;
  total: number | null;
}

/** The latest progress of each running run, by run id, from the event stream. */
export function useRunProgress(): Map<number, RunProgress> {
  const [progress, setProgress] = useState(() => new Map<number, RunProgress>());
  useEffect(
    () =>
      subscribeEvents((event: BridgeEvent) => {
        const data = event.data;
        if (event.type === 'run.started' || event.type === 'run.progress') {
          const runId = Number(data.runId);
          if (!Number.isInteger(runId)) return;
          const entry: RunProgress = {
            service: String(data.service ?? ''),
            targetId: Number(data.targetId),
            done: Number(data.done ?? 0),
            total: typeof data.total === 'number' ? data.total : null,
          };
          setProgress((old) => new Map(old).set(runId, entry));
        } else if (event.type === 'run.finished') {
          const runId = Number((data.run as { id?: unknown } | undefined)?.id);
          setProgress((old) => {
            if (!old.has(runId)) return old;
            const next = new Map(old);
            next.delete(runId);
            return next;
          });
        }
      }),
    [],
  );
  return progress;
}
