import { usePositions } from './use-positions';

/** Positions for select boxes: the largest page the API serves, sorted by the API (name). */
export const POSITION_OPTIONS_MAX = 200;

export function usePositionOptions() {
  const positions = usePositions({ page: 1, pageSize: POSITION_OPTIONS_MAX });
  return { ...positions, options: positions.data?.items ?? [] };
}
