import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryKeys } from '../../api';
import type { SaveProductInput } from './products';

/**
 * Adds or edits a catalog product. The list is the one every product select reads
 * (request intake, installed products, assignment rules), so they all see the change.
 */
export function useSaveProduct() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SaveProductInput) => api.customers.saveProduct(input),
    // Installed products and requests show the product's name and model too.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.products }),
        queryClient.invalidateQueries({ queryKey: queryKeys.customers.view360 }),
        queryClient.invalidateQueries({ queryKey: queryKeys.tickets.all }),
      ]),
  });
}
