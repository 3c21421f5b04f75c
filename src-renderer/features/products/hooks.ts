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
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.customers.products }),
  });
}
