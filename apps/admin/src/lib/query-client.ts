import { createQueryClient } from '@asah/ui/query-client';

export const queryClient = createQueryClient();
