import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';

// Under the 'tickets' prefix: pushed 'tickets.changed' events and bulk changes refresh them too.
export const workbenchKeys = {
  workbench: ['tickets', 'workbench'] as const,
  /** Every dispatch sheet (they print the company name). */
  dispatchSheets: ['tickets', 'dispatchSheet'] as const,
  dispatchSheet: (id: number) => ['tickets', 'dispatchSheet', id] as const,
};

/** The signed-in engineer's open requests by requested date, and their hours this week. */
export function useWorkbench() {
  return useQuery({ queryKey: workbenchKeys.workbench, queryFn: () => api.tickets.workbench(), refetchInterval: 60_000 });
}

export function useDispatchSheet(id: number) {
  return useQuery({
    queryKey: workbenchKeys.dispatchSheet(id),
    queryFn: () => api.tickets.dispatchSheet({ id }),
    enabled: Number.isSafeInteger(id) && id > 0,
    // A printed sheet is a snapshot: no refetch while the engineer looks at it.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}
